import { albMultiValueChecker, albSingleValueChecker } from '../sources/alb/check.js';
import { apigwV1Checker } from '../sources/apigw-v1/check.js';
import { apigwV2Checker } from '../sources/apigw-v2/check.js';
import { authorizerCheckers } from '../sources/authorizer/check.js';
import { functionUrlChecker } from '../sources/function-url/check.js';
import { sqsChecker } from '../sources/sqs/check.js';
import { webSocketChecker } from '../sources/websocket/check.js';
import type { EventChecker } from './problems.js';
import { ProblemList } from './problems.js';

/** Every checker; `detect` of at most one of them accepts any event. */
export const checkers: readonly EventChecker[] = [
  sqsChecker,
  albSingleValueChecker,
  albMultiValueChecker,
  apigwV1Checker,
  apigwV2Checker,
  functionUrlChecker,
  ...authorizerCheckers,
  webSocketChecker,
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
