import { direct } from './direct/index.js';
import type { Source } from './source.js';
import { sqs } from './sqs/index.js';

/** Every source, in the order `gen-event list` shows them. */
export const sources: readonly Source<unknown>[] = [sqs, direct];

/** Finds a source by name or alias. */
export function findSource(name: string): Source<unknown> | undefined {
  return sources.find((s) => s.name === name || s.aliases.includes(name));
}
