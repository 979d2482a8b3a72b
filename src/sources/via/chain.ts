import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { SnsMessageAttribute } from '../sns/attributes.js';
import { prepareSnsNotifications, topicOf } from '../sns/index.js';
import { lambdaRecord, type SnsNotification, sqsEnvelopeBody } from '../sns/notification.js';
import { prepareSqsBatch, type SqsMessage } from '../sqs/batch.js';
import { md5OfMessageAttributes, type SqsMessageAttribute } from '../sqs/digests.js';
import type { Hop, SnsHopOptions, ViaOptions } from './options.js';

/** Where a chain starts: the service whose event travels. */
export type Origin = 's3' | 'sns' | 'eventbridge';

/**
 * Which service can deliver to which: S3 notifies SQS, SNS and EventBridge; SNS delivers to SQS;
 * EventBridge rules target SQS and SNS; SQS is read by the function, so it comes last.
 */
const DELIVERS_TO: Readonly<Record<Origin | Hop, readonly Hop[]>> = {
  s3: ['sqs', 'sns', 'eventbridge'],
  sns: ['sqs'],
  eventbridge: ['sqs', 'sns'],
  sqs: [],
};
const NAMES: Readonly<Record<Origin | Hop, string>> = {
  s3: 'S3',
  sns: 'SNS',
  eventbridge: 'EventBridge',
  sqs: 'SQS',
};

export function checkChain(origin: Origin, via: readonly Hop[]): void {
  let from: Origin | Hop = origin;
  for (const hop of via) {
    const next: readonly Hop[] = DELIVERS_TO[from];
    if (!next.includes(hop)) {
      throw new UsageError(
        `${NAMES[from]} cannot deliver to ${NAMES[hop]} (--via ${hop})`,
        next.length === 0
          ? `${NAMES[from]} is the last service before the function; drop what follows --via ${from}`
          : `${NAMES[from]} delivers to ${next.map((h) => `--via ${h}`).join(', ')}`,
      );
    }
    from = hop;
  }
}

/** What one stage of a chain hands to the next: a whole event, or SNS notifications. */
type Stage = { event: unknown } | { notifications: SnsNotification[] };

export interface ChainOptions extends ViaOptions, SnsHopOptions {}

/** How the first service's event becomes an EventBridge event (only S3 has one). */
export type ToEventBridge = (ctx: EventContext, event: unknown) => unknown;

/**
 * Wraps the first service's builder in each hop of the chain, as each service really delivers
 * (FORMATS-events §2.2, §2.3, §3.5, §4): the event itself as a compact JSON SQS body or SNS message,
 * SNS notifications as pretty-printed envelopes in SQS bodies (or the bare message with raw
 * delivery), and the function receiving the last service's own event.
 */
export async function prepareChain(
  origin: Origin,
  options: ChainOptions,
  run: RunContext,
  first: (ctx: EventContext) => Stage,
  toEventBridge?: ToEventBridge,
): Promise<(ctx: EventContext) => unknown> {
  const via = options.via ?? [];
  checkChain(origin, via);
  const hops: (Origin | Hop)[] = [origin, ...via];
  const snsToSqs = hops.some((hop, i) => hop === 'sns' && hops[i + 1] === 'sqs');
  if (options.raw && !snsToSqs) {
    throw new UsageError(
      '--raw is a setting of an SNS → SQS subscription',
      'add --via sqs after SNS, or drop --raw',
    );
  }
  const usesSqs = via.includes('sqs');
  for (const [given, name] of [
    [options.queue, '--queue'],
    [options.fifo, '--fifo'],
    [options.groupId, '--group-id'],
    [options.deduplicationId, '--dedup-id'],
    [options.receiveCount, '--receive-count'],
    [options.trace, '--trace'],
  ] as const) {
    if (given !== undefined && !usesSqs)
      throw new UsageError(`${name} is an option of an SQS queue`, 'add --via sqs');
  }

  let stage = first;
  let from: Origin | Hop = origin;
  for (const hop of via) {
    const inner = stage;
    if (hop === 'sqs') stage = await sqsHop(options, run, inner, from);
    else if (hop === 'sns') stage = await snsHop(options, run, inner, from);
    else {
      const convert = toEventBridge as ToEventBridge;
      stage = (ctx) => ({ event: convert(ctx, (inner(ctx) as { event: unknown }).event) });
    }
    from = hop;
  }
  const last = stage;
  return (ctx) => {
    const out = last(ctx);
    return 'event' in out ? out.event : { Records: out.notifications.map(lambdaRecord) };
  };
}

async function sqsHop(
  options: ChainOptions,
  run: RunContext,
  inner: (ctx: EventContext) => Stage,
  from: Origin | Hop,
): Promise<(ctx: EventContext) => Stage> {
  const batch = prepareSqsBatch(options, run);
  // S3 notifications go only to standard queues; a standard SNS topic delivers only to standard queues.
  if (batch.queue.fifo && (from === 's3' || from === 'sns')) {
    throw new UsageError(
      `${NAMES[from]} does not deliver to FIFO queues`,
      'use a standard queue (no .fifo, no --fifo)',
    );
  }
  return (ctx) => {
    const stage = inner(ctx);
    const messages: SqsMessage[] =
      'event' in stage
        ? [plainMessage(JSON.stringify(stage.event))]
        : stage.notifications.map((n) => (options.raw ? rawMessage(n) : plainMessage(sqsEnvelopeBody(n))));
    batch.checkCount(messages.length);
    return { event: batch.build(ctx, messages.length, (_ctx, i) => messages[i] as SqsMessage) };
  };
}

async function snsHop(
  options: ChainOptions,
  run: RunContext,
  inner: (ctx: EventContext) => Stage,
  from: Origin | Hop,
): Promise<(ctx: EventContext) => Stage> {
  const topic = topicOf(options, run);
  if (topic.fifo) {
    throw new UsageError(
      `${NAMES[from]} does not publish to FIFO topics`,
      'use a standard topic name (no .fifo)',
    );
  }
  // S3 publishes with this subject (FORMATS-events §4, common in captures); EventBridge with none.
  const subject = options.subject ?? (from === 's3' ? 'Amazon S3 Notification' : undefined);
  const notifications = await prepareSnsNotifications(
    { ...options, messages: undefined, attributes: undefined, ...(subject === undefined ? {} : { subject }) },
    run,
    topic,
    (ctx) => JSON.stringify((inner(ctx) as { event: unknown }).event),
  );
  return (ctx) => ({ notifications: notifications(ctx) });
}

function plainMessage(body: string): SqsMessage {
  return { body, messageAttributes: {}, md5OfMessageAttributes: undefined };
}

/**
 * Raw message delivery (FORMATS-events §2.3): the body is the published message, and the SNS
 * attributes become SQS message attributes of the same type (String.Array keeps its name as a
 * String type with a suffix, which SQS accepts).
 */
function rawMessage(n: SnsNotification): SqsMessage {
  const attributes: Record<string, SqsMessageAttribute> = {};
  for (const [name, a] of Object.entries(n.attributes) as [string, SnsMessageAttribute][]) {
    attributes[name] =
      a.Type === 'Binary'
        ? { binaryValue: a.Value, stringListValues: [], binaryListValues: [], dataType: 'Binary' }
        : { stringValue: a.Value, stringListValues: [], binaryListValues: [], dataType: a.Type };
  }
  return {
    body: n.message,
    messageAttributes: attributes,
    md5OfMessageAttributes: md5OfMessageAttributes(attributes),
  };
}
