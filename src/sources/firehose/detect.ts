import { isRecord } from '../../check/problems.js';

/** A Firehose transformation invocation: an invocation id, a delivery stream ARN and records. */
export const detectFirehose = (event: unknown): boolean =>
  isRecord(event) &&
  typeof event.invocationId === 'string' &&
  typeof event.deliveryStreamArn === 'string' &&
  Array.isArray(event.records);
