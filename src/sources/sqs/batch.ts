import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { flag, integer, type LibraryOptionTable, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { traceTimeHex } from '../../core/time.js';
import { copyAttributes } from './attributes.js';
import { contentDeduplicationId, md5OfBody, type SqsMessageAttribute } from './digests.js';
import { parseQueue, type QueueIdentity } from './queue.js';

/** The queue an SQS batch is received from, and how: what every SQS delivery shares. */
export interface SqsQueueOptions {
  /** Queue name or ARN. A name ending `.fifo` makes the queue FIFO. */
  queue?: string;
  /** A FIFO queue: adds MessageGroupId, MessageDeduplicationId and SequenceNumber. */
  fifo?: boolean;
  groupId?: string;
  /** Default: content-based, the SHA-256 of each body. */
  deduplicationId?: string;
  /** `ApproximateReceiveCount`, default 1. */
  receiveCount?: number;
  /** Adds an `AWSTraceHeader` attribute, as when the sender passed X-Ray context. */
  trace?: boolean;
}

/** The largest ApproximateReceiveCount gen-event accepts. */
export const MAX_RECEIVE_COUNT = 1_000_000;

/** The library's queue options, as the run-time check reads them (src/core/option-shapes.ts). */
export const sqsQueueLibraryOptions: LibraryOptionTable<SqsQueueOptions> = {
  queue: text(),
  fifo: flag(),
  groupId: text(),
  deduplicationId: text(),
  receiveCount: integer(1, MAX_RECEIVE_COUNT),
  trace: flag(),
};

/** One message of a batch: its body and what SQS stored with it. */
export interface SqsMessage {
  body: string;
  /** The body's digest when the caller computed it once for the run. */
  md5OfBody?: string;
  /** The content-based deduplication id when the caller computed it once for the run. */
  deduplicationId?: string;
  messageAttributes: Readonly<Record<string, SqsMessageAttribute>>;
  /** Undefined when there are no attributes (the key is then absent). */
  md5OfMessageAttributes: string | undefined;
}

export interface SqsBatch {
  readonly queue: QueueIdentity;
  /** Refuses a batch size the event source mapping would not deliver (FORMATS §6.4). */
  checkCount(count: number): void;
  /** One event of `count` records; `messageAt(i)` is asked for each record's message in turn. */
  build(
    ctx: EventContext,
    count: number,
    messageAt: (ctx: EventContext, index: number) => SqsMessage,
  ): unknown;
}

/** Event source mapping batch limits (FORMATS §6.4). */
const MAX_RECORDS_FIFO = 10;
const MAX_RECORDS_STANDARD = 10_000;
/** Gap between receives of a message whose earlier receives failed: a common visibility timeout. */
const VISIBILITY_TIMEOUT_MS = 30_000;

/**
 * Checks the queue options and does the once-per-run work of an SQS delivery: used by the `sqs`
 * source and by every delivery chain that ends in a queue (`--via sqs`).
 */
export function prepareSqsBatch(options: SqsQueueOptions, run: RunContext): SqsBatch {
  const template = loadTemplate('sqs');
  const fillEvent = compileTemplate(template.event, 'sqs.json');
  const fillRecord = compileTemplate(template.record, 'sqs.json');
  const queue = options.queue
    ? parseQueue(options.queue, options.fifo === true)
    : defaultQueue(template, run.rng, options.fifo === true);
  const fifo = queue.fifo;
  if (!fifo && (options.groupId !== undefined || options.deduplicationId !== undefined)) {
    throw new UsageError(
      '--group-id and --dedup-id are FIFO attributes',
      'add --fifo or use a queue name ending .fifo',
    );
  }
  const receiveCount = options.receiveCount ?? 1;
  const senderId = `AIDA${run.rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}`;
  const groupId = options.groupId ?? defaultGroupId(template, run.rng);
  checkFifoId(groupId, '--group-id', 'MessageGroupId');
  if (options.deduplicationId !== undefined) {
    checkFifoId(options.deduplicationId, '--dedup-id', 'MessageDeduplicationId');
  }
  const receiveCountText = String(receiveCount);
  const limit = fifo ? MAX_RECORDS_FIFO : MAX_RECORDS_STANDARD;

  return {
    queue,
    checkCount(count) {
      if (!Number.isInteger(count) || count < 1 || count > limit) {
        throw new UsageError(
          `${count} records asked for a ${fifo ? 'FIFO' : 'standard'} queue`,
          `a batch holds 1 to ${limit} records on a ${fifo ? 'FIFO' : 'standard'} queue`,
        );
      }
    },
    build(ctx, count, messageAt) {
      const { rng } = ctx;
      // The batch is received at the event's instant; earlier receives (receive count > 1) failed
      // a visibility timeout apart. Messages were sent in order before the first receive (FORMATS §1.1).
      const firstReceive = ctx.time - (receiveCount - 1) * VISIBILITY_TIMEOUT_MS;
      const sent = sentTimes(rng, count, firstReceive);
      let sequence = fifo ? BigInt(`1${rng.digits(19)}`) : 0n;
      const seenDedupIds = new Set<string>();
      const records = [];
      for (let i = 0; i < count; i++) {
        const message = messageAt(ctx, i);
        const body = message.body;
        const sentAt = sent[i] as number;
        let deduplicationId: string | undefined;
        if (fifo) {
          sequence += BigInt(rng.int(1, 2 ** 30)) * 1000n;
          deduplicationId =
            options.deduplicationId ?? message.deduplicationId ?? contentDeduplicationId(body);
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
            messageAttributes: copyAttributes(message.messageAttributes),
            md5OfMessageAttributes: message.md5OfMessageAttributes,
            md5OfBody: message.md5OfBody ?? md5OfBody(body),
            partition: run.partition,
            region: run.region,
            accountId: run.accountId,
            queueName: queue.name,
          }),
        );
      }
      return fillEvent({ records });
    },
  };
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
