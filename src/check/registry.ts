import { albMultiValueChecker, albSingleValueChecker } from './alb.js';
import { apigwV1Checker } from './apigw-v1.js';
import { apigwV2Checker } from './apigw-v2.js';
import { functionUrlChecker } from './function-url.js';
import type { EventChecker } from './problems.js';
import { ProblemList } from './problems.js';
import { sqsChecker } from './sqs.js';

/** Every checker; `detect` of at most one of them accepts any event. */
export const checkers: readonly EventChecker[] = [
  sqsChecker,
  albSingleValueChecker,
  albMultiValueChecker,
  apigwV1Checker,
  apigwV2Checker,
  functionUrlChecker,
];

export interface CheckResult {
  /** The detected kind, or `unknown`. */
  kind: string;
  problems: ProblemList['problems'];
}

/** Detects what an event is and checks it against the same rules the generator obeys. */
export function checkEvent(event: unknown): CheckResult {
  const checker = checkers.find((c) => c.detect(event));
  if (!checker) return { kind: 'unknown', problems: [] };
  const problems = new ProblemList();
  checker.check(event as Record<string, unknown>, problems);
  return { kind: checker.kind, problems: problems.problems };
}
