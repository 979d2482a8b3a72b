/** One way an event differs from what the service would send. */
export interface Problem {
  /** Where, as a JSON path: `Records[0].md5OfBody`, `requestContext.timeEpoch`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
  /** What the rule expects there, when one value is right. */
  expected?: string;
}

/** Collects problems while a checker walks an event. */
export class ProblemList {
  readonly problems: Problem[] = [];
  /** What was assumed or left unchecked, in words (a response checked without its event). Not problems. */
  readonly notes: string[] = [];

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  add(path: string, message: string, expected?: unknown): void {
    const problem: Problem = { path, message };
    if (expected !== undefined)
      problem.expected = typeof expected === 'string' ? expected : JSON.stringify(expected);
    this.problems.push(problem);
  }

  /** Records a problem when `actual` differs from `expected`. */
  expectEqual(path: string, actual: unknown, expected: unknown, message: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) this.add(path, message, expected);
  }

  /** Records a problem when `value` is not a string matching `pattern`. */
  expectMatch(path: string, value: unknown, pattern: RegExp, message: string): void {
    if (typeof value !== 'string' || !pattern.test(value)) this.add(path, message, pattern.source);
  }
}

/** Checks one kind of event. `detect` must be cheap and must not overlap with other checkers. */
export interface EventChecker {
  /** The kind it reports, e.g. `sqs`, `alb (multi-value)`. */
  readonly kind: string;
  /** The gen-event source that makes this kind. */
  readonly source: string;
  detect(event: unknown): boolean;
  check(event: Record<string, unknown>, problems: ProblemList): void;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `detect` of a batch whose records name their service: `eventSource` (SQS, S3, DynamoDB,
 * Kinesis) or `EventSource` (SNS) equal to `source`, e.g. `aws:sqs`.
 */
export function recordsFrom(source: string, key: 'eventSource' | 'EventSource' = 'eventSource') {
  return (event: unknown): boolean =>
    isRecord(event) &&
    Array.isArray(event.Records) &&
    event.Records.some((r) => isRecord(r) && r[key] === source);
}

/** Epoch seconds stay below 10^11 until the year 5138; milliseconds are above it. */
export const MAX_EPOCH_SECONDS = 1e11;
