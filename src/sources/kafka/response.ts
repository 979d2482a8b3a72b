import { type BatchIdentity, checkBatchItemFailures, FAILS } from '../../check/batch-item-failures.js';
import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { kindOf } from '../../check/response-values.js';

/**
 * Kafka event source mappings (MSK and self-managed) read a partial batch response too when
 * ReportBatchItemFailures is on (LDG "Configuring error handling controls for Kafka event sources").
 * A record is named by its topic-partition (the key of `records` in the event) and its offset:
 * `{"itemIdentifier": {"partition": "orders-0", "offset": 15}}`.
 */
const identity: BatchIdentity = {
  name: 'partition and offset',
  malformed(identifier) {
    if (!isRecord(identifier))
      return `itemIdentifier is ${kindOf(identifier)}, not {"partition": "<topic>-<partition>", "offset": <offset>}: ${FAILS}`;
    if (typeof identifier.partition !== 'string' || !/-\d+$/.test(identifier.partition))
      return `itemIdentifier.partition is ${kindOf(identifier.partition)}, not "<topic>-<partition>": ${FAILS}`;
    if (!Number.isInteger(identifier.offset) || (identifier.offset as number) < 0)
      return `itemIdentifier.offset is ${kindOf(identifier.offset)}, not the record's offset: ${FAILS}`;
    return undefined;
  },
  key: (identifier) => {
    const { partition, offset } = identifier as { partition: string; offset: number };
    return `${partition}@${offset}`;
  },
};

export const kafkaResponseChecker: ResponseChecker = {
  source: 'kafka',
  event: 'optional',
  eventMismatch: (event) =>
    (event.eventSource === 'aws:kafka' || event.eventSource === 'SelfManagedKafka') && isRecord(event.records)
      ? undefined
      : 'is not a Kafka batch (no eventSource aws:kafka or SelfManagedKafka with records)',
  check(response, event, problems) {
    const records = event === undefined || !isRecord(event.records) ? undefined : event.records;
    const keys =
      records === undefined
        ? undefined
        : Object.entries(records).flatMap(([partition, list]) =>
            Array.isArray(list)
              ? list.map((record) => `${partition}@${isRecord(record) ? record.offset : ''}`)
              : [],
          );
    checkBatchItemFailures(response, identity, keys, problems);
  },
};
