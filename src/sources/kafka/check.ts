import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { isBase64 } from '../../core/bytes.js';
import { isBrokerList } from './cluster.js';
import { detectKafkaMsk, detectKafkaSelfManaged } from './detect.js';
import { TIMESTAMP_TYPES } from './records.js';

const MSK_KEYS = ['eventSource', 'eventSourceArn', 'bootstrapServers', 'records'];
const SELF_MANAGED_KEYS = ['eventSource', 'bootstrapServers', 'records'];
const RECORD_KEYS = ['topic', 'partition', 'offset', 'timestamp', 'timestampType', 'key', 'value', 'headers'];
const CLUSTER_ARN =
  /^arn:aws[a-z-]*:kafka:([a-z0-9-]+):\d{12}:cluster\/[A-Za-z][A-Za-z0-9-]{0,63}\/[0-9a-f-]{36}-\d{1,2}$/;
/** An MSK broker's host names its region: `b-1.<cluster>.<id>.c1.kafka.<region>.amazonaws.com`. */
const MSK_BROKER_REGION =
  /^b-\d+\.[a-z0-9-]+\.[a-z0-9]+\.c\d+\.kafka\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?:\d+$/;

/** Kafka batches from Amazon MSK (the Lambda Developer Guide's MSK example event). */
export const kafkaMskChecker: EventChecker = {
  kind: 'kafka (msk)',
  source: 'kafka',
  detect: detectKafkaMsk,
  check(event, problems) {
    problems.expectEqual(
      '(top level)',
      Object.keys(event),
      MSK_KEYS,
      'an MSK event has exactly the real keys, in order',
    );
    const arn = CLUSTER_ARN.exec(String(event.eventSourceArn ?? ''));
    if (!arn) {
      problems.add(
        'eventSourceArn',
        'eventSourceArn is an MSK cluster ARN',
        'arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>-<n>',
      );
    }
    checkBrokers(event.bootstrapServers, problems);
    // Brokers of MSK's own endpoints are in the cluster's region.
    if (arn && typeof event.bootstrapServers === 'string') {
      for (const broker of event.bootstrapServers.split(',')) {
        const region = MSK_BROKER_REGION.exec(broker)?.[1];
        if (region !== undefined && region !== arn[1])
          problems.add('bootstrapServers', 'MSK brokers are in the region of the cluster ARN', arn[1]);
      }
    }
    checkRecords(event.records as Record<string, unknown>, problems);
  },
};

/** Kafka batches from a self-managed cluster: no ARN, the brokers Lambda was given. */
export const kafkaSelfManagedChecker: EventChecker = {
  kind: 'kafka (self-managed)',
  source: 'kafka',
  detect: detectKafkaSelfManaged,
  check(event, problems) {
    problems.expectEqual(
      '(top level)',
      Object.keys(event),
      SELF_MANAGED_KEYS,
      'a self-managed Kafka event has exactly the real keys, in order (no eventSourceArn)',
    );
    checkBrokers(event.bootstrapServers, problems);
    checkRecords(event.records as Record<string, unknown>, problems);
  },
};

function checkBrokers(servers: unknown, problems: ProblemList): void {
  if (!isBrokerList(servers))
    problems.add(
      'bootstrapServers',
      'bootstrapServers is a comma-separated list of host:port',
      'host:port,...',
    );
}

function checkRecords(groups: Record<string, unknown>, problems: ProblemList): void {
  const names = Object.keys(groups);
  if (names.length === 0) problems.add('records', 'a batch has at least one topic-partition');
  for (const name of names) {
    const at = `records["${name}"]`;
    const list = groups[name];
    if (!Array.isArray(list) || list.length === 0) {
      problems.add(at, 'each topic-partition holds a non-empty array of records');
      continue;
    }
    let previous: Record<string, unknown> | undefined;
    list.forEach((record, i) => {
      const where = `${at}[${i}]`;
      if (!isRecord(record)) {
        problems.add(where, 'a record is an object');
        return;
      }
      checkRecord(record, where, problems);
      // Records are grouped under `<topic>-<partition>`.
      if (`${String(record.topic)}-${String(record.partition)}` !== name) {
        problems.add(
          where,
          'a record sits under the key <topic>-<partition> of its own topic and partition',
          name,
        );
      }
      if (previous !== undefined) {
        if (
          typeof record.offset === 'number' &&
          typeof previous.offset === 'number' &&
          record.offset <= previous.offset
        )
          problems.add(`${where}.offset`, 'offsets increase within a partition');
        if (
          record.timestampType === 'LOG_APPEND_TIME' &&
          typeof record.timestamp === 'number' &&
          typeof previous.timestamp === 'number' &&
          record.timestamp < previous.timestamp
        )
          problems.add(
            `${where}.timestamp`,
            'broker (LOG_APPEND_TIME) timestamps never go back within a partition',
          );
      }
      previous = record;
    });
  }
}

function checkRecord(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  const expectedKeys = 'key' in record ? RECORD_KEYS : RECORD_KEYS.filter((k) => k !== 'key');
  problems.expectEqual(at, Object.keys(record), expectedKeys, 'a record has exactly the real keys, in order');
  if (typeof record.topic !== 'string' || !/^[a-zA-Z0-9._-]{1,249}$/.test(record.topic))
    problems.add(`${at}.topic`, 'topic is a Kafka topic name');
  if (!Number.isInteger(record.partition) || (record.partition as number) < 0)
    problems.add(`${at}.partition`, 'partition is a whole number from 0');
  if (!Number.isSafeInteger(record.offset) || (record.offset as number) < 0)
    problems.add(`${at}.offset`, 'offset is a whole number from 0');
  if (typeof record.timestamp !== 'number' || !/^\d{13}$/.test(String(record.timestamp)))
    problems.add(`${at}.timestamp`, 'timestamp is epoch milliseconds (a 13-digit number)');
  if (!TIMESTAMP_TYPES.includes(record.timestampType as never))
    problems.add(`${at}.timestampType`, 'timestampType is CREATE_TIME or LOG_APPEND_TIME');
  if ('key' in record && !isBase64(record.key)) problems.add(`${at}.key`, 'key is base64');
  if (!isBase64(record.value)) problems.add(`${at}.value`, 'value is base64');
  checkHeaders(record.headers, `${at}.headers`, problems);
}

/** `[{name: [bytes]}, ...]`: one header per object, its value as numbers from 0 to 255. */
function checkHeaders(headers: unknown, at: string, problems: ProblemList): void {
  if (!Array.isArray(headers)) {
    problems.add(at, 'headers is an array ([] when there are none)');
    return;
  }
  headers.forEach((header, i) => {
    const entries = isRecord(header) ? Object.entries(header) : [];
    if (entries.length !== 1) {
      problems.add(`${at}[${i}]`, 'each header is an object with one name');
      return;
    }
    const [, bytes] = entries[0] as [string, unknown];
    if (!Array.isArray(bytes) || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255))
      problems.add(`${at}[${i}]`, "a header's value is an array of byte numbers (0 to 255)");
  });
}
