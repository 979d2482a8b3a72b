import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { loadFaker, seededFaker } from '../../core/fake.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { either, fields, flag, integer, json, list, record, text } from '../../core/option-shapes.js';
import { setOwn } from '../../core/own-keys.js';
import type { Random } from '../../core/random.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
} from '../../core/raw-options.js';
import { readEach } from '../../core/read-each.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { prepareSchemaGenerator } from '../../core/schema-payload.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { traceTimeHex } from '../../core/time.js';
import type { RawOptions, Source } from '../source.js';
import {
  buildMessageAttributes,
  copyAttributes,
  parseAttributeArg,
  type SqsAttributeInput,
} from './attributes.js';
import { contentDeduplicationId, md5OfBody, md5OfMessageAttributes } from './digests.js';
import { parseQueue, type QueueIdentity } from './queue.js';

export type { SqsAttributeInput } from './attributes.js';

/** What an SQS event is made of; every field is optional and has a realistic default. */
export interface SqsOptions {
  /** Message bodies, passed through byte for byte; one record each (reused in turn when `records` is larger). */
  bodies?: readonly string[];
  /** Number of records. Default: the number of bodies, else 1. At most 10 (FIFO) or 10,000 (standard). */
  records?: number;
  /** A JSON Schema the bodies are generated from (local `$ref`s only). */
  bodySchema?: unknown;
  /** Queue name or ARN. A name ending `.fifo` makes the queue FIFO. */
  queue?: string;
  /** A FIFO queue: adds MessageGroupId, MessageDeduplicationId and SequenceNumber. */
  fifo?: boolean;
  groupId?: string;
  /** Default: content-based, the SHA-256 of each body. */
  deduplicationId?: string;
  /** Message attributes by name; a plain string is a String attribute. */
  attributes?: Readonly<Record<string, SqsAttributeInput | string>>;
  /** `ApproximateReceiveCount`, default 1. */
  receiveCount?: number;
  /** Adds an `AWSTraceHeader` attribute, as when the sender passed X-Ray context. */
  trace?: boolean;
}

/** Event source mapping batch limits (FORMATS §6.4). */
const MAX_RECORDS_FIFO = 10;
const MAX_RECORDS_STANDARD = 10_000;
/** SQS message size limit, body and attributes together (FORMATS §1.6). */
const MAX_MESSAGE_BYTES = 1_048_576;
/** Characters SQS accepts in a body (FORMATS §6.1). */
const SQS_BODY_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u;
/** The largest ApproximateReceiveCount gen-event accepts. */
const MAX_RECEIVE_COUNT = 1_000_000;
/** Gap between receives of a message whose earlier receives failed: a common visibility timeout. */
const VISIBILITY_TIMEOUT_MS = 30_000;

const attributeShape = fields<SqsAttributeInput>({ dataType: text(), value: text() }, ['value']);

export const sqs: Source<SqsOptions> = {
  name: 'sqs',
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    body: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: 'A message body, byte for byte; one record per body (@@text for a literal @)',
    },
    records: {
      type: 'number',
      valueName: '<n>',
      description: 'Number of records (default: one per body, else 1)',
    },
    'body-schema': {
      type: 'string',
      valueName: '<file|->',
      description: 'Generate bodies from a JSON Schema (seeded)',
    },
    queue: {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Queue name or ARN (default: a realistic name)',
    },
    fifo: {
      type: 'boolean',
      description: 'FIFO queue (also implied by a name ending .fifo; .fifo is added)',
    },
    'group-id': {
      type: 'string',
      valueName: '<id>',
      description: 'FIFO MessageGroupId (default: realistic)',
    },
    'dedup-id': {
      type: 'string',
      valueName: '<id>',
      description: 'FIFO MessageDeduplicationId (default: SHA-256 of the body)',
    },
    attribute: {
      type: 'string',
      repeatable: true,
      valueName: '<name[:Type]=value>',
      description:
        'Message attribute: name=text, name:Number=42, name:Binary=<base64>, name:Number.float=9.5',
    },
    'receive-count': { type: 'number', valueName: '<n>', description: 'ApproximateReceiveCount (default 1)' },
    trace: { type: 'boolean', description: 'Add an AWSTraceHeader system attribute' },
  },
  libraryOptions: {
    bodies: list(text()),
    records: integer(1, MAX_RECORDS_STANDARD),
    bodySchema: json(),
    queue: text(),
    fifo: flag(),
    groupId: text(),
    deduplicationId: text(),
    attributes: record(either(text(), attributeShape)),
    receiveCount: integer(1, MAX_RECEIVE_COUNT),
    trace: flag(),
  },
  examples: [
    [`gen-event sqs --body '{"orderId":42}'`, 'one record with this body'],
    [
      'gen-event sqs --queue orders.fifo --body a --body b --group-id customer-7',
      'a FIFO batch of two records',
    ],
    [
      'gen-event sqs --records 5 --attribute tenant=acme --attribute priority:Number=3 --seed 7',
      'five realistic bodies',
    ],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<SqsOptions> {
    const bodies = optionalList(raw, 'body');
    const schema = optionalString(raw, 'body-schema');
    const attributes = optionalList(raw, 'attribute');
    return givenOnly({
      bodies: bodies && (await readEach(bodies, (body) => args.readText(body, '--body'))),
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS_STANDARD),
      bodySchema: schema === undefined ? undefined : await args.readJsonFromFile(schema, '--body-schema'),
      queue: optionalString(raw, 'queue'),
      fifo: optionalBoolean(raw, 'fifo'),
      groupId: optionalString(raw, 'group-id'),
      deduplicationId: optionalString(raw, 'dedup-id'),
      attributes: attributes && attributeMap(attributes),
      receiveCount: optionalInteger(raw, 'receive-count', 1, MAX_RECEIVE_COUNT),
      trace: optionalBoolean(raw, 'trace'),
    });
  },

  implied(options) {
    const queue = options.queue === undefined ? undefined : parseQueue(options.queue, options.fifo === true);
    return queue?.arn ?? {};
  },

  async prepare(options, run) {
    const template = loadTemplate('sqs');
    const fillEvent = compileTemplate(template.event, 'sqs.json');
    const fillRecord = compileTemplate(template.record, 'sqs.json');
    const queue = options.queue
      ? parseQueue(options.queue, options.fifo === true)
      : defaultQueue(template, run.rng, options.fifo === true);
    const fifo = queue.fifo;

    const bodies = options.bodies ?? [];
    if (bodies.length > 0 && options.bodySchema !== undefined) {
      throw new UsageError('--body and --body-schema are both given', 'give bodies or a schema, not both');
    }
    const recordCount = options.records ?? Math.max(bodies.length, 1);
    const limit = fifo ? MAX_RECORDS_FIFO : MAX_RECORDS_STANDARD;
    if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > limit) {
      throw new UsageError(
        `${recordCount} records asked for a ${fifo ? 'FIFO' : 'standard'} queue`,
        `a batch holds 1 to ${limit} records on a ${fifo ? 'FIFO' : 'standard'} queue`,
      );
    }
    if (bodies.length > recordCount) {
      throw new UsageError(
        `${bodies.length} bodies for ${recordCount} records`,
        'give at most one body per record',
      );
    }
    if (!fifo && (options.groupId !== undefined || options.deduplicationId !== undefined)) {
      throw new UsageError(
        '--group-id and --dedup-id are FIFO attributes',
        'add --fifo or use a queue name ending .fifo',
      );
    }

    const messageAttributes = buildMessageAttributes(normaliseAttributes(options.attributes ?? {}));
    const attributesMd5 = md5OfMessageAttributes(messageAttributes);
    const attributeBytes = Object.entries(messageAttributes).reduce(
      (sum, [name, a]) =>
        sum +
        Buffer.byteLength(name) +
        Buffer.byteLength(a.dataType) +
        (a.binaryValue === undefined
          ? Buffer.byteLength(a.stringValue ?? '')
          : Buffer.from(a.binaryValue, 'base64').length),
      0,
    );
    for (const body of bodies) checkBody(body, attributeBytes, run);

    const schemaBody =
      options.bodySchema === undefined
        ? undefined
        : await prepareSchemaGenerator(options.bodySchema, '--body-schema');
    const faker = bodies.length === 0 && !schemaBody ? await loadFaker() : undefined;
    const receiveCount = options.receiveCount ?? 1;
    const senderId = `AIDA${run.rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}`;
    const groupId = options.groupId ?? defaultGroupId(template, run.rng);
    checkFifoId(groupId, '--group-id', 'MessageGroupId');
    if (options.deduplicationId !== undefined) {
      checkFifoId(options.deduplicationId, '--dedup-id', 'MessageDeduplicationId');
    }

    // Given bodies are the same in every event: their digests are computed once per run.
    const givenMd5 = bodies.map(md5OfBody);
    const givenDedupIds =
      fifo && options.deduplicationId === undefined ? bodies.map(contentDeduplicationId) : [];
    const receiveCountText = String(receiveCount);

    const bodyFor = (ctx: EventContext, index: number): string => {
      if (bodies.length > 0) return bodies[index % bodies.length] as string;
      if (schemaBody) {
        const value = schemaBody(ctx.rng.uint32());
        return typeof value === 'string' ? value : JSON.stringify(value);
      }
      return JSON.stringify(
        samplePayload(seededFaker(faker as NonNullable<typeof faker>, ctx.rng), ctx.time),
      );
    };

    return (ctx) => {
      const { rng } = ctx;
      // The batch is received at the event's instant; earlier receives (receive count > 1) failed
      // a visibility timeout apart. Messages were sent in order before the first receive (FORMATS §1.1).
      const firstReceive = ctx.time - (receiveCount - 1) * VISIBILITY_TIMEOUT_MS;
      const sent = sentTimes(rng, recordCount, firstReceive);
      let sequence = fifo ? BigInt(`1${rng.digits(19)}`) : 0n;
      const seenDedupIds = new Set<string>();
      const records = [];
      for (let i = 0; i < recordCount; i++) {
        const body = bodyFor(ctx, i);
        const sentAt = sent[i] as number;
        let deduplicationId: string | undefined;
        if (fifo) {
          sequence += BigInt(rng.int(1, 2 ** 30)) * 1000n;
          deduplicationId =
            options.deduplicationId ?? givenDedupIds[i % bodies.length] ?? contentDeduplicationId(body);
          if (seenDedupIds.has(deduplicationId)) {
            run.warn(
              `records share the MessageDeduplicationId ${deduplicationId.slice(0, 16)}…; a FIFO queue would have dropped the repeats`,
            );
          }
          seenDedupIds.add(deduplicationId);
        }
        records.push(
          fillRecord({
            messageId: rng.uuid(),
            receiptHandle: receiptHandle(rng, fifo),
            body,
            receiveCount: receiveCountText,
            traceHeader: options.trace
              ? `Root=1-${traceTimeHex(sentAt)}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=${rng.int(0, 1)}`
              : undefined,
            sentTimestamp: String(sentAt),
            sequenceNumber: fifo ? sequence.toString() : undefined,
            messageGroupId: fifo ? groupId : undefined,
            senderId,
            deduplicationId,
            firstReceiveTimestamp: String(Math.max(sentAt, firstReceive - rng.int(0, 3))),
            messageAttributes: copyAttributes(messageAttributes),
            md5OfMessageAttributes: attributesMd5,
            md5OfBody: givenMd5[i % bodies.length] ?? md5OfBody(body),
            partition: run.partition,
            region: run.region,
            accountId: run.accountId,
            queueName: queue.name,
          }),
        );
      }
      return fillEvent({ records });
    };
  },
};

/** `--attribute` arguments as a map by name; a name given twice is refused. */
function attributeMap(args: readonly string[]): Record<string, SqsAttributeInput> {
  const map: Record<string, SqsAttributeInput> = {};
  for (const [name, input] of args.map(parseAttributeArg)) {
    if (Object.hasOwn(map, name))
      throw new UsageError(`--attribute ${name} is given twice`, 'give each name once');
    setOwn(map, name, input);
  }
  return map;
}

function normaliseAttributes(
  attributes: Readonly<Record<string, SqsAttributeInput | string>>,
): Record<string, SqsAttributeInput> {
  const out: Record<string, SqsAttributeInput> = {};
  for (const [name, value] of Object.entries(attributes))
    setOwn(out, name, typeof value === 'string' ? { value } : value);
  return out;
}

/** MessageGroupId and MessageDeduplicationId: up to 128 chars (FORMATS §6.2) of ASCII letters, digits and punctuation (SendMessage API reference). */
const FIFO_ID = /^[\x21-\x7e]{1,128}$/;

function checkFifoId(id: string, option: string, field: string): void {
  if (FIFO_ID.test(id)) return;
  const why =
    id.length === 0 || id.length > 128 ? `is ${id.length} characters` : `has a character SQS refuses`;
  throw new UsageError(
    `${option} ${why}`,
    `a ${field} has 1 to 128 ASCII letters, digits and punctuation, without spaces`,
  );
}

/** Send times in increasing order, the last a few milliseconds before the first receive. */
function sentTimes(rng: Random, count: number, firstReceive: number): number[] {
  const times = new Array<number>(count);
  let t = firstReceive - rng.int(0, 20);
  for (let i = count - 1; i >= 0; i--) {
    times[i] = t;
    t -= rng.int(0, 40);
  }
  return times;
}

/** Opaque base64 starting `AQEB`, 284 to 432 characters on standard queues, shorter on FIFO (FORMATS §1.3). */
function receiptHandle(rng: Random, fifo: boolean): string {
  const bytes = fifo ? rng.int(165, 212) : rng.int(213, 324);
  const raw = rng.bytes(bytes);
  raw[0] = 1;
  raw[1] = 1;
  raw[2] = 1;
  return raw.toString('base64');
}

function checkBody(body: string, attributeBytes: number, run: RunContext): void {
  if (body.length === 0) {
    run.warn('an SQS message body is empty; SQS refuses empty messages');
  } else if (!SQS_BODY_CHARS.test(body)) {
    run.warn('an SQS message body has characters SQS refuses (control characters other than tab, CR and LF)');
  }
  const size = Buffer.byteLength(body) + attributeBytes;
  if (size > MAX_MESSAGE_BYTES) {
    run.warn(`an SQS message is ${size} bytes, over the SQS limit of ${MAX_MESSAGE_BYTES} bytes`);
  }
}

function defaultQueue(
  template: Readonly<Record<string, unknown>>,
  rng: Random,
  fifo: boolean,
): QueueIdentity {
  const name = rng.pick(template.queueNames as string[]) + rng.pick(template.queueSuffixes as string[]);
  return parseQueue(name, fifo);
}

function defaultGroupId(template: Readonly<Record<string, unknown>>, rng: Random): string {
  const pattern = compileTemplate(rng.pick(template.messageGroups as string[]), 'sqs.json');
  return pattern({ n: rng.int(1000, 99999) }) as string;
}
