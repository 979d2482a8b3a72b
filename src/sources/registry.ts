import { alb } from './alb/index.js';
import { apigwV1 } from './apigw-v1/index.js';
import { apigwV2 } from './apigw-v2/index.js';
import { direct } from './direct/index.js';
import { functionUrl } from './function-url/index.js';
import type { Source } from './source.js';
import { sqs } from './sqs/index.js';

/** Every source, in the order `gen-event list` shows them. */
export const sources: readonly Source<unknown>[] = [sqs, alb, apigwV1, apigwV2, functionUrl, direct];

/** Finds a source by name or alias. */
export function findSource(name: string): Source<unknown> | undefined {
  return sources.find((s) => s.name === name || s.aliases.includes(name));
}
