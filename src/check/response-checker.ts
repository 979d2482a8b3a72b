import type { ProblemList } from './problems.js';

/**
 * Checks what a handler returned against the contract of the service that invoked it: the shape
 * the service accepts, and the rules that tie the answer to the event it answers (a partial batch
 * response may only name records the batch held; a Cognito trigger answers with its own event).
 */
export interface ResponseChecker {
  /** The gen-event source whose handler gives this answer, e.g. `alb`. */
  readonly source: string;
  /**
   * `required` when no rule can be judged without the event that was answered (`--event`);
   * `optional` when the event only adds the rules that tie the answer to it.
   */
  readonly event: 'required' | 'optional';
  /** Adds one problem per broken rule, with paths relative to the response (`policyDocument.Version`). */
  check(response: unknown, event: Record<string, unknown> | undefined, problems: ProblemList): void;
}
