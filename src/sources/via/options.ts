import { UsageError } from '../../core/errors.js';
import { choice, flag, type LibraryOptionTable, list, text } from '../../core/option-shapes.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalString,
  stringList,
} from '../../core/raw-options.js';
import type { OptionTable, RawOptions } from '../source.js';
import { type SqsQueueOptions, sqsQueueLibraryOptions } from '../sqs/batch.js';

/** A service an event can pass through on its way to a function, in delivery order. */
export type Hop = 'sqs' | 'sns' | 'eventbridge';
export const HOPS: readonly Hop[] = ['sqs', 'sns', 'eventbridge'];

/** The library's chain options, as the run-time check reads them (src/core/option-shapes.ts). */
export const viaLibraryOptions: LibraryOptionTable<ViaOptions> = {
  via: list(choice(HOPS)),
  raw: flag(),
  ...sqsQueueLibraryOptions,
};

export const snsHopLibraryOptions: LibraryOptionTable<SnsHopOptions> = {
  topic: text(),
  subject: text(),
  signatureVersion: choice(['1', '2']),
};

/** The options of the services a delivery chain passes through. */
export interface SqsHopOptions extends SqsQueueOptions {}

export interface SnsHopOptions {
  /** Topic name or ARN of an SNS hop. */
  topic?: string;
  subject?: string;
  signatureVersion?: '1' | '2';
}

/** The `--via` option and the SQS hop's options, which every chain-capable source takes. */
export const viaOptionTable: OptionTable = {
  via: {
    type: 'string',
    repeatable: true,
    choices: HOPS,
    valueName: '<sqs|sns|eventbridge>',
    description: 'Deliver through this service, in order (e.g. --via sns --via sqs)',
  },
  queue: { type: 'string', valueName: '<name|arn>', description: 'With --via sqs: the queue name or ARN' },
  fifo: { type: 'boolean', description: 'With --via sqs: a FIFO queue' },
  'group-id': { type: 'string', valueName: '<id>', description: 'With --via sqs on FIFO: MessageGroupId' },
  'dedup-id': {
    type: 'string',
    valueName: '<id>',
    description: 'With --via sqs on FIFO: MessageDeduplicationId',
  },
  'receive-count': {
    type: 'number',
    valueName: '<n>',
    description: 'With --via sqs: ApproximateReceiveCount',
  },
  trace: { type: 'boolean', description: 'With --via sqs: an AWSTraceHeader attribute' },
  raw: { type: 'boolean', description: 'With --via sns --via sqs: raw message delivery' },
};

/** The SNS hop's own options, for sources that are not SNS themselves. */
export const snsHopOptionTable: OptionTable = {
  topic: { type: 'string', valueName: '<name|arn>', description: 'With --via sns: the topic name or ARN' },
  subject: { type: 'string', valueName: '<text>', description: 'With --via sns: the Subject' },
  'signature-version': {
    type: 'string',
    choices: ['1', '2'],
    valueName: '<1|2>',
    description: "With --via sns: the topic's SignatureVersion",
  },
};

/** Reads `--via` and the SQS hop's options. */
export function readViaOptions(raw: RawOptions) {
  const via = stringList(raw, 'via');
  for (const hop of via) {
    if (!(HOPS as readonly string[]).includes(hop)) {
      throw new UsageError(`--via ${hop} is not a delivery service`, 'use sqs, sns or eventbridge');
    }
  }
  return givenOnly({
    via: via.length > 0 ? (via as Hop[]) : undefined,
    queue: optionalString(raw, 'queue'),
    fifo: optionalBoolean(raw, 'fifo'),
    groupId: optionalString(raw, 'group-id'),
    deduplicationId: optionalString(raw, 'dedup-id'),
    receiveCount: optionalInteger(raw, 'receive-count', 1, 1_000_000),
    trace: optionalBoolean(raw, 'trace'),
    raw: optionalBoolean(raw, 'raw'),
  });
}

/** Reads the SNS hop's options. */
export function readSnsHopOptions(raw: RawOptions) {
  return givenOnly({
    topic: optionalString(raw, 'topic'),
    subject: optionalString(raw, 'subject'),
    signatureVersion: optionalString(raw, 'signature-version') as SnsHopOptions['signatureVersion'],
  });
}

/** The options a source that can start a delivery chain takes besides its own. */
export interface ViaOptions extends SqsHopOptions {
  /** Services the event passes through, in delivery order, e.g. `['sns', 'sqs']`. */
  via?: readonly Hop[];
  /** Raw message delivery on the SNS → SQS subscription: the body is the message itself. */
  raw?: boolean;
}

/** True when any chain option is set, so the chain is prepared (and its modules loaded) only then. */
export function usesChain(options: ViaOptions & SnsHopOptions, ownSnsOptions = false): boolean {
  const hopOptions: unknown[] = [
    options.via,
    options.raw,
    options.queue,
    options.fifo,
    options.groupId,
    options.deduplicationId,
    options.receiveCount,
    options.trace,
  ];
  if (!ownSnsOptions) hopOptions.push(options.topic, options.subject, options.signatureVersion);
  return hopOptions.some((value) => value !== undefined);
}
