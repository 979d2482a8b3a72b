import { checkBatchItemFailures, recordsOf, stringIdentity } from '../../check/batch-item-failures.js';
import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';

const identity = stringIdentity('messageId');

/**
 * An SQS event source mapping's partial batch response (LDG-SQS "Implementing partial batch
 * responses"): identifiers are messageIds; one that names no message of the batch fails the whole
 * batch. FIFO queues: "your function should stop processing messages after the first failure and
 * return all failed and unprocessed messages in batchItemFailures". A later message of the failed
 * message's group left out is a problem (Lambda deletes it, so the group is processed out of order);
 * one of another group is only noted (the order across groups is not kept anyway).
 */
export const sqsResponseChecker: ResponseChecker = {
  source: 'sqs',
  event: 'optional',
  eventMismatch: (event) =>
    recordsOf(event)?.some((record) => record.eventSource === 'aws:sqs')
      ? undefined
      : 'is not an SQS batch (no Records with eventSource aws:sqs)',
  check(response, event, problems) {
    const records = recordsOf(event);
    const ids = records?.map((record) => String(record.messageId));
    const reported = new Set(checkBatchItemFailures(response, identity, ids, problems));
    if (records === undefined || reported.size === 0) return;
    if (!records.some((record) => String(record.eventSourceARN).endsWith('.fifo'))) return;
    const first = records.findIndex((record) => reported.has(String(record.messageId)));
    const failedGroups = new Set<string>();
    records.slice(first).forEach((record, offset) => {
      const group = isRecord(record.attributes) ? String(record.attributes.MessageGroupId) : '';
      const id = String(record.messageId);
      if (reported.has(id)) {
        failedGroups.add(group);
      } else if (failedGroups.has(group)) {
        problems.add(
          'batchItemFailures',
          `FIFO: ${id} (Records[${first + offset}]) follows a failed message of group ${group} but is not reported: Lambda deletes it and the group is processed out of order`,
          'every message after the first failure',
        );
      } else {
        problems.note(
          `FIFO: ${id} (Records[${first + offset}], group ${group}) comes after the first failure and is not reported; the Lambda docs ask for every later message`,
        );
      }
    });
  },
};
