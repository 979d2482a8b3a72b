import { checkBatchItemFailures, recordsOf, stringIdentity } from '../../check/batch-item-failures.js';
import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';

const identity = stringIdentity('sequenceNumber');

/**
 * A Kinesis event source mapping's partial batch response (LDG "partial batch response with Kinesis
 * Data Streams"): identifiers are `kinesis.sequenceNumber`s; Lambda checkpoints at the lowest one and
 * retries every record from it.
 */
export const kinesisResponseChecker: ResponseChecker = {
  source: 'kinesis',
  event: 'optional',
  eventMismatch: (event) =>
    recordsOf(event)?.some((record) => record.eventSource === 'aws:kinesis')
      ? undefined
      : 'is not a Kinesis batch (no Records with eventSource aws:kinesis)',
  check(response, event, problems) {
    const numbers = recordsOf(event)?.map((record) =>
      String(isRecord(record.kinesis) ? record.kinesis.sequenceNumber : undefined),
    );
    checkBatchItemFailures(response, identity, numbers, problems);
  },
};
