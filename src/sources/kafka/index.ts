import { type BytesInput, base64Of, bytesOf } from '../../core/bytes.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { bytesInput, choice, flag, integer, list, pair, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  splitPair,
} from '../../core/raw-options.js';
import { readEach } from '../../core/read-each.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import { clusterArn, clusterId, mskBrokers, parseBootstrapServers, parseCluster } from './cluster.js';
import { groupedRecords, TIMESTAMP_TYPES, type TimestampType } from './records.js';

/**
 * A Kafka batch as Lambda's event source mapping delivers it, from Amazon MSK (`eventSource: aws:kafka`,
 * with `eventSourceArn`) or a self-managed cluster (`SelfManagedKafka`, brokers only). Shape and key
 * order follow the AWS Lambda Developer Guide examples ("Using Lambda with Amazon MSK", "Using Lambda
 * with self-managed Apache Kafka"), the same events in aws-lambda-go `events/testdata/kafka-event.json`
 * and Powertools' `packages/parser/tests/events/kafka/base.json`, and @types/aws-lambda's MSKEvent and
 * SelfManagedKafkaEvent. FORMATS-events §8 lists Kafka as not researched; the decisions below say so.
 */
export interface KafkaOptions {
  /** A self-managed cluster instead of Amazon MSK. */
  selfManaged?: boolean;
  /** The MSK cluster's name or ARN (MSK only). */
  cluster?: string;
  /** `host:port,...` the mapping connects to (self-managed; for MSK, default: the cluster's brokers). */
  bootstrapServers?: string;
  topic?: string;
  /** The partitions records come from, taken in turn. Default: one partition. */
  partitions?: readonly number[];
  /** Record values, text (UTF-8) or bytes; one record each (reused in turn when `records` is larger). */
  values?: readonly BytesInput[];
  /** Record keys, taken in turn. Default: a realistic key per record. */
  keys?: readonly BytesInput[];
  /** Records produced without a key: the `key` field is left out. */
  keyless?: boolean;
  /** Headers on every record, in order; a text value is its UTF-8 bytes. */
  headers?: readonly (readonly [string, BytesInput])[];
  /** Number of records. Default: the number of values, else 1. */
  records?: number;
  /** `CREATE_TIME` (the producer's clock, the default) or `LOG_APPEND_TIME` (the broker's). */
  timestampType?: TimestampType;
}

/** The largest batch an event source mapping can be configured for (BatchSize, Kafka). */
const MAX_RECORDS = 10_000;
// Kafka topic names: 1 to 249 of [a-zA-Z0-9._-] (Kafka's Topic.validate; Lambda's Topics pattern).
const TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;
// Partition numbers are non-negative 32-bit integers.
const MAX_PARTITION = 2 ** 31 - 1;

export const kafka: Source<KafkaOptions> = {
  name: 'kafka',
  // Kafka event source mappings invoke synchronously.
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    selfManaged: flag(),
    cluster: text(),
    bootstrapServers: text(),
    topic: text(),
    partitions: list(integer(0, MAX_PARTITION)),
    values: list(bytesInput()),
    keys: list(bytesInput()),
    keyless: flag(),
    headers: list(pair(text(), bytesInput())),
    records: integer(1, MAX_RECORDS),
    timestampType: choice(['CREATE_TIME', 'LOG_APPEND_TIME']),
  },
  options: {
    'self-managed': {
      type: 'boolean',
      description: 'A self-managed Apache Kafka cluster (eventSource SelfManagedKafka) instead of MSK',
    },
    cluster: {
      type: 'string',
      valueName: '<name|arn>',
      description: 'The MSK cluster (default: a realistic name)',
    },
    'bootstrap-servers': {
      type: 'string',
      valueName: '<host:port,...>',
      description: 'The brokers (default: the MSK cluster’s, or realistic self-managed hosts)',
    },
    topic: { type: 'string', valueName: '<name>', description: 'The topic (default: a realistic name)' },
    partition: {
      type: 'number',
      repeatable: true,
      valueName: '<n>',
      description: 'A partition records come from; repeat for several, taken in turn (default: one)',
    },
    value: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: 'A record value (files may be binary); one record per value',
    },
    key: {
      type: 'string',
      repeatable: true,
      valueName: '<text>',
      description: 'A record key; repeat to give records keys in turn (default: realistic keys)',
    },
    keyless: { type: 'boolean', description: 'Records produced without a key (no key field)' },
    header: {
      type: 'string',
      repeatable: true,
      valueName: '<name=value>',
      description: 'A header on every record, its value as UTF-8 bytes',
    },
    records: {
      type: 'number',
      valueName: '<n>',
      description: 'Number of records (default: one per value, else 1)',
    },
    'timestamp-type': {
      type: 'string',
      choices: TIMESTAMP_TYPES,
      valueName: '<type>',
      description: 'CREATE_TIME (default) or LOG_APPEND_TIME',
    },
  },
  examples: [
    [`gen-event kafka --topic orders --value '{"orderId":42}' --key order-42`, 'one MSK record'],
    [
      'gen-event kafka --self-managed --bootstrap-servers kafka-1.example.com:9092 --records 6 --partition 0 --partition 1',
      'six records from two partitions of a self-managed cluster',
    ],
    [
      'gen-event kafka --value a --value b --header trace-id=abc --timestamp-type LOG_APPEND_TIME --seed 1',
      'two records with a header',
    ],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<KafkaOptions> {
    const values = optionalList(raw, 'value');
    const headers = optionalList(raw, 'header');
    const partitions = optionalList(raw, 'partition');
    const timestampType = optionalString(raw, 'timestamp-type');
    if (timestampType !== undefined && !TIMESTAMP_TYPES.includes(timestampType as TimestampType)) {
      throw new UsageError(
        `--timestamp-type '${timestampType}' is not a Kafka timestamp type`,
        'use CREATE_TIME or LOG_APPEND_TIME',
      );
    }
    return givenOnly({
      selfManaged: optionalBoolean(raw, 'self-managed'),
      cluster: optionalString(raw, 'cluster'),
      bootstrapServers: optionalString(raw, 'bootstrap-servers'),
      topic: optionalString(raw, 'topic'),
      partitions: partitions?.map(
        (p) => optionalInteger({ partition: p }, 'partition', 0, MAX_PARTITION) as number,
      ),
      values: values && (await readEach(values, async (value) => (await args.read(value, '--value')).bytes)),
      keys: optionalList(raw, 'key'),
      keyless: optionalBoolean(raw, 'keyless'),
      headers: headers?.map((header) => splitPair(header, 'header', 'name=value')),
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS),
      timestampType: timestampType as TimestampType | undefined,
    });
  },

  implied(options) {
    if (options.selfManaged || options.cluster === undefined) return {};
    return parseCluster(options.cluster).arn ?? {};
  },

  async prepare(options, run) {
    const template = loadTemplate('kafka');
    const selfManaged = options.selfManaged === true;
    if (selfManaged && options.cluster !== undefined) {
      throw new UsageError(
        '--cluster names an MSK cluster, but --self-managed is given',
        'give the brokers with --bootstrap-servers, or drop --self-managed',
      );
    }
    const values = (options.values ?? []).map(bytesOf);
    const recordCount = options.records ?? Math.max(values.length, 1);
    if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > MAX_RECORDS) {
      throw new UsageError(`${recordCount} records asked for`, `a batch holds 1 to ${MAX_RECORDS} records`);
    }
    if (values.length > recordCount) {
      throw new UsageError(
        `${values.length} values given for --records ${recordCount}`,
        'give at most one value per record',
      );
    }
    const keys = (options.keys ?? []).map(base64Of);
    if (options.keyless && keys.length > 0) {
      throw new UsageError(
        '--key and --keyless are both given',
        'give keys, or --keyless for records without one',
      );
    }
    const topic = options.topic ?? run.rng.pick(template.topicNames as string[]);
    if (!TOPIC.test(topic) || topic === '.' || topic === '..') {
      throw new UsageError(
        `--topic '${topic}' is not a Kafka topic name`,
        'use 1 to 249 letters, digits, . _ and -',
      );
    }
    const partitions = options.partitions ?? [run.rng.int(0, 5)];
    for (const partition of partitions) {
      if (!Number.isInteger(partition) || partition < 0 || partition > MAX_PARTITION) {
        throw new UsageError(
          `--partition ${partition} is not a partition number`,
          'give a whole number from 0',
        );
      }
    }
    const headers = (options.headers ?? []).map(([name, value]) => {
      if (name.length === 0)
        throw new UsageError('a --header has an empty name', 'write --header name=value');
      return [name, bytesOf(value)] as const;
    });

    const given = options.cluster === undefined ? undefined : parseCluster(options.cluster);
    const cluster = selfManaged
      ? undefined
      : {
          name: given?.name ?? run.rng.pick(template.clusterNames as string[]),
          id: given?.id ?? clusterId(run.rng),
        };
    const bootstrapServers =
      options.bootstrapServers !== undefined
        ? parseBootstrapServers(options.bootstrapServers)
        : cluster
          ? mskBrokers(cluster, run, run.rng)
          : selfManagedBrokers(template, run.rng);
    const eventSourceArn = cluster ? clusterArn(cluster, run) : undefined;

    // Given keys and values are the same in every event: encoded once per run.
    const givenValues = values.map((value) => value.toString('base64'));
    const words = values.length === 0 ? await loadRealisticWords() : undefined;
    const recordPartitions = Array.from(
      { length: recordCount },
      (_, i) => partitions[i % partitions.length] as number,
    );
    const timestampType = options.timestampType ?? 'CREATE_TIME';

    return (ctx) => {
      const { rng } = ctx;
      const records = groupedRecords(rng, {
        topic,
        partitions: recordPartitions,
        timestampType,
        time: ctx.time,
        keyOf: (i) => (options.keyless ? undefined : (keys[i % keys.length] ?? base64Of(rng.uuid()))),
        valueOf: (i) =>
          givenValues[i % givenValues.length] ??
          base64Of(JSON.stringify(samplePayload(words as NonNullable<typeof words>, rng, ctx.time))),
        headers,
      });
      return eventSourceArn === undefined
        ? { eventSource: 'SelfManagedKafka', bootstrapServers, records }
        : { eventSource: 'aws:kafka', eventSourceArn, bootstrapServers, records };
    };
  },
};

/** Two or three brokers of a self-managed cluster, on Kafka's usual port. */
function selfManagedBrokers(template: Readonly<Record<string, unknown>>, rng: Random): string {
  const host = compileTemplate(rng.pick(template.selfManagedHosts as string[]), 'kafka.json');
  const count = rng.int(2, 3);
  return Array.from({ length: count }, (_, i) => `${host({ n: i + 1 })}:9092`).join(',');
}
