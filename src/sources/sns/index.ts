import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { choice, either, fields, list, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalList, optionalString } from '../../core/raw-options.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { loadTemplate } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import { parseQueue } from '../sqs/queue.js';
import {
  readViaOptions,
  usesChain,
  type ViaOptions,
  viaLibraryOptions,
  viaOptionTable,
} from '../via/options.js';
import { buildSnsAttributes, type SnsAttributeInput, snsAttributeArgs } from './attributes.js';
import {
  lambdaRecord,
  type SnsNotification,
  snsMessageId,
  snsSignature,
  snsSubscription,
} from './notification.js';
import { parseTopic, type TopicIdentity } from './topic.js';

export type { SnsAttributeInput } from './attributes.js';

/**
 * What an SNS event is made of; every field is optional and has a realistic default. With
 * `via: ['sqs']` the notifications reach the function through a queue, whose options apply.
 */
export interface SnsOptions extends ViaOptions {
  /** Published messages, one record each (SNS itself invokes a function with one). Default: one realistic message. */
  messages?: readonly string[];
  /** The subject published with each message; `Subject` is `null` without one. */
  subject?: string;
  /** Topic name or ARN. */
  topic?: string;
  /** Message attributes by name; a plain string is a String attribute. */
  attributes?: Readonly<Record<string, SnsAttributeInput | string>>;
  /** The topic's SignatureVersion, `1` (SHA1, default) or `2` (SHA256). */
  signatureVersion?: '1' | '2';
}

/** SNS message size limit, body and attributes together. */
const MAX_MESSAGE_BYTES = 262_144;
/** Records an event is made with: SNS sends one message per invocation; more are for handlers that loop. */
const MAX_MESSAGES = 100;
// Subjects: under 100 characters, no line breaks or control characters.
const SUBJECT = /^[^\p{Cc}]{1,99}$/u;

export const sns: Source<SnsOptions> = {
  name: 'sns',
  // SNS → Lambda is an asynchronous invoke.
  sizeLimit: { bytes: 256 * 1024, what: 'asynchronous invoke payload limit' },
  libraryOptions: {
    messages: list(text()),
    subject: text(),
    topic: text(),
    attributes: record(
      either(
        text(),
        fields<SnsAttributeInput>(
          { type: choice(['String', 'Number', 'Binary', 'String.Array']), value: text() },
          ['value'],
        ),
      ),
    ),
    signatureVersion: choice(['1', '2']),
    ...viaLibraryOptions,
  },
  options: {
    message: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: 'A published message, as text; one record each (@@text for a literal @)',
    },
    subject: {
      type: 'string',
      valueName: '<text>',
      description: 'Subject of the messages (default: none, null)',
    },
    topic: { type: 'string', valueName: '<name|arn>', description: 'Topic name or ARN (default: realistic)' },
    attribute: {
      type: 'string',
      repeatable: true,
      valueName: '<name[:Type]=value>',
      description: 'Message attribute: name=text, name:Number=42, name:Binary=AgME, name:String.Array=["a"]',
    },
    'signature-version': {
      type: 'string',
      choices: ['1', '2'],
      valueName: '<1|2>',
      description: "The topic's SignatureVersion (SHA1 or SHA256; Lambda events always say 1)",
    },
    ...viaOptionTable,
  },
  examples: [
    [`gen-event sns --message '{"orderId":42}' --subject 'Order placed'`, 'one notification'],
    [
      'gen-event sns --topic orders --attribute tenant=acme --attribute tags:String.Array=\'["a","b"]\'',
      'with message attributes',
    ],
    ['gen-event sns --message hello --via sqs --raw --seed 4', 'raw delivery to a subscribed queue'],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<SnsOptions> {
    const messages = optionalList(raw, 'message');
    const attributes = optionalList(raw, 'attribute');
    const signatureVersion = optionalString(raw, 'signature-version');
    const read: string[] = [];
    for (const message of messages ?? []) read.push(await args.readText(message, '--message'));
    const own = givenOnly({
      messages: messages && read,
      subject: optionalString(raw, 'subject'),
      topic: optionalString(raw, 'topic'),
      attributes: attributes && snsAttributeArgs(attributes),
      signatureVersion: signatureVersion as SnsOptions['signatureVersion'],
    });
    return { ...own, ...readViaOptions(raw) };
  },

  implied(options) {
    if (options.topic !== undefined) return parseTopic(options.topic).arn ?? {};
    if (options.queue?.startsWith('arn:')) return parseQueue(options.queue, options.fifo === true).arn ?? {};
    return {};
  },

  async prepare(options, run) {
    const topic = topicOf(options, run);
    if (topic.fifo) {
      throw new UsageError(
        `topic ${topic.name} is a FIFO topic`,
        'gen-event makes standard topics; use a name without .fifo',
      );
    }
    const notifications = await prepareSnsNotifications(options, run, topic);
    if (!usesChain(options, true)) return (ctx) => ({ Records: notifications(ctx).map(lambdaRecord) });
    const { prepareChain } = await import('../via/chain.js');
    return prepareChain('sns', options, run, (ctx) => ({ notifications: notifications(ctx) }));
  },
};

/** The topic the options name, or a realistic one. */
export function topicOf(options: SnsOptions, run: RunContext): TopicIdentity {
  if (options.topic !== undefined) return parseTopic(options.topic);
  const template = loadTemplate('sns');
  return parseTopic(
    run.rng.pick(template.topicNames as string[]) + run.rng.pick(template.topicSuffixes as string[]),
  );
}

/**
 * Checks the options once and returns what builds each event's notifications: the messages as SNS
 * hands them to every subscriber, whichever delivery (Lambda, SQS) then carries them.
 */
export async function prepareSnsNotifications(
  options: SnsOptions,
  run: RunContext,
  topic: TopicIdentity,
  /** Messages given by an inner event of a delivery chain, instead of `options.messages`. */
  messageOf?: (ctx: EventContext, index: number) => string,
): Promise<(ctx: EventContext) => SnsNotification[]> {
  const messages = options.messages ?? [];
  if (messages.length > MAX_MESSAGES) {
    throw new UsageError(`${messages.length} messages given`, `give at most ${MAX_MESSAGES}`);
  }
  const subject = options.subject;
  if (subject !== undefined && !SUBJECT.test(subject)) {
    throw new UsageError(
      subject.length === 0
        ? '--subject is empty'
        : `--subject has ${subject.length} characters or a line break`,
      'a subject has 1 to 99 characters and no line breaks',
    );
  }
  const signatureVersion = options.signatureVersion ?? '1';
  if (signatureVersion !== '1' && signatureVersion !== '2') {
    throw new UsageError(`--signature-version ${String(signatureVersion)}`, 'give 1 or 2');
  }
  const attributes = buildSnsAttributes(options.attributes ?? {});
  const attributeBytes = Object.entries(attributes).reduce(
    (sum, [name, a]) =>
      sum + Buffer.byteLength(name) + Buffer.byteLength(a.Type) + Buffer.byteLength(a.Value),
    0,
  );
  for (const message of messages) {
    if (message.length === 0) run.warn('an SNS message is empty; SNS refuses empty messages');
    const size = Buffer.byteLength(message) + attributeBytes;
    if (size > MAX_MESSAGE_BYTES) {
      run.warn(`an SNS message is ${size} bytes, over the SNS limit of ${MAX_MESSAGE_BYTES} bytes`);
    }
  }
  const topicArn = `arn:${run.partition}:sns:${run.region}:${run.accountId}:${topic.name}`;
  const subscription = snsSubscription(run, topicArn, signatureVersion);
  const words = messages.length === 0 && !messageOf ? await loadRealisticWords() : undefined;
  const count = Math.max(messages.length, 1);

  const messageFor = (ctx: EventContext, index: number): string => {
    if (messageOf) return messageOf(ctx, index);
    if (messages.length > 0) return messages[index] as string;
    return JSON.stringify(samplePayload(words as NonNullable<typeof words>, ctx.rng, ctx.time));
  };

  return (ctx) => {
    const out: SnsNotification[] = [];
    // Messages were published in order, the last a few milliseconds before the event's instant.
    let at = ctx.time - (count - 1) * 100;
    for (let i = 0; i < count; i++, at += 100) {
      const message = messageFor(ctx, i);
      const notification: SnsNotification = {
        messageId: snsMessageId(ctx.rng),
        topicArn,
        subscriptionArn: subscription.subscriptionArn,
        message,
        timestamp: new Date(at - ctx.rng.int(5, 60)).toISOString(),
        signatureVersion,
        signature: snsSignature(ctx.rng),
        signingCertUrl: subscription.signingCertUrl,
        unsubscribeUrl: subscription.unsubscribeUrl,
        attributes,
      };
      if (subject !== undefined) notification.subject = subject;
      out.push(notification);
    }
    return out;
  };
}
