import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { either, fields, integer, json, list, record, text } from '../../core/option-shapes.js';
import { setOwn } from '../../core/own-keys.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
} from '../../core/raw-options.js';
import { readEach } from '../../core/read-each.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { prepareSchemaGenerator } from '../../core/schema-payload.js';
import type { RawOptions, Source } from '../source.js';
import { buildMessageAttributes, parseAttributeArg, type SqsAttributeInput } from './attributes.js';
import {
  MAX_RECEIVE_COUNT,
  prepareSqsBatch,
  type SqsMessage,
  type SqsQueueOptions,
  sqsQueueLibraryOptions,
} from './batch.js';
import { contentDeduplicationId, md5OfBody, md5OfMessageAttributes } from './digests.js';
import { parseQueue } from './queue.js';

export type { SqsAttributeInput } from './attributes.js';
export type { SqsQueueOptions } from './batch.js';

/** What an SQS event is made of; every field is optional and has a realistic default. */
export interface SqsOptions extends SqsQueueOptions {
  /** Message bodies, passed through byte for byte; one record each (reused in turn when `records` is larger). */
  bodies?: readonly string[];
  /** Number of records. Default: the number of bodies, else 1. At most 10 (FIFO) or 10,000 (standard). */
  records?: number;
  /** A JSON Schema the bodies are generated from (local `$ref`s only). */
  bodySchema?: unknown;
  /** Message attributes by name; a plain string is a String attribute. */
  attributes?: Readonly<Record<string, SqsAttributeInput | string>>;
}

/** Event source mapping batch limit of a standard queue (FORMATS §6.4). */
const MAX_RECORDS_STANDARD = 10_000;
/** SQS message size limit, body and attributes together (FORMATS §1.6). */
const MAX_MESSAGE_BYTES = 1_048_576;
/** Characters SQS accepts in a body (FORMATS §6.1). */
const SQS_BODY_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u;

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
    attributes: record(either(text(), attributeShape)),
    ...sqsQueueLibraryOptions,
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
    const batch = prepareSqsBatch(options, run);
    const bodies = options.bodies ?? [];
    if (bodies.length > 0 && options.bodySchema !== undefined) {
      throw new UsageError('--body and --body-schema are both given', 'give bodies or a schema, not both');
    }
    const recordCount = options.records ?? Math.max(bodies.length, 1);
    batch.checkCount(recordCount);
    if (bodies.length > recordCount) {
      throw new UsageError(
        `${bodies.length} bodies for ${recordCount} records`,
        'give at most one body per record',
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
    for (const body of bodies) checkSqsBody(body, attributeBytes, run);

    const schemaBody =
      options.bodySchema === undefined
        ? undefined
        : await prepareSchemaGenerator(options.bodySchema, '--body-schema');
    const words = bodies.length === 0 && !schemaBody ? await loadRealisticWords() : undefined;

    // Given bodies are the same in every event: their digests are computed once per run.
    const givenMd5 = bodies.map(md5OfBody);
    const givenDedupIds =
      batch.queue.fifo && options.deduplicationId === undefined ? bodies.map(contentDeduplicationId) : [];

    const bodyFor = (ctx: EventContext, index: number): string => {
      if (bodies.length > 0) return bodies[index % bodies.length] as string;
      if (schemaBody) {
        const value = schemaBody(ctx.rng.uint32());
        return typeof value === 'string' ? value : JSON.stringify(value);
      }
      return JSON.stringify(samplePayload(words as NonNullable<typeof words>, ctx.rng, ctx.time));
    };
    const messageAt = (ctx: EventContext, i: number): SqsMessage => {
      const body = bodyFor(ctx, i);
      const message: SqsMessage = { body, messageAttributes, md5OfMessageAttributes: attributesMd5 };
      const md5 = givenMd5[i % bodies.length];
      if (md5 !== undefined) message.md5OfBody = md5;
      const dedup = givenDedupIds[i % bodies.length];
      if (dedup !== undefined) message.deduplicationId = dedup;
      return message;
    };

    return (ctx) => batch.build(ctx, recordCount, messageAt);
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

/** Warns about a body SQS would refuse or that is over the message size limit. */
export function checkSqsBody(body: string, attributeBytes: number, run: RunContext): void {
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
