import { checkBatchItemFailures, recordsOf, stringIdentity } from '../../check/batch-item-failures.js';
import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';

const identity = stringIdentity('SequenceNumber');

/**
 * A DynamoDB Streams event source mapping's partial batch response (LDG "partial batch response with
 * DynamoDB"): identifiers are `dynamodb.SequenceNumber`s; Lambda checkpoints at the lowest one.
 */
export const dynamodbResponseChecker: ResponseChecker = {
  source: 'dynamodb',
  event: 'optional',
  eventMismatch: (event) =>
    recordsOf(event)?.some((record) => record.eventSource === 'aws:dynamodb')
      ? undefined
      : 'is not a DynamoDB Streams batch (no Records with eventSource aws:dynamodb)',
  check(response, event, problems) {
    const numbers = recordsOf(event)?.map((record) =>
      String(isRecord(record.dynamodb) ? record.dynamodb.SequenceNumber : undefined),
    );
    checkBatchItemFailures(response, identity, numbers, problems);
  },
};
