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
  /** The event may also be a JSON array of events (an AppSync batch invoke, FORMATS-api-identity §5.2). */
  readonly arrayEvent?: boolean;
  /**
   * Why `event` is not an event this source's handler answers (`is not an SQS batch`), or undefined
   * when it is one. Optional: without it any object is taken as the event.
   */
  eventMismatch?(event: Record<string, unknown>): string | undefined;
  /**
   * Adds one problem per broken rule, with paths relative to the response (`policyDocument.Version`),
   * and a note (`problems.note`) for what it assumed without the event.
   */
  check(response: unknown, event: Record<string, unknown> | undefined, problems: ProblemList): void;
}
