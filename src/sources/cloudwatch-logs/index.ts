import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { flag, integer, list, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
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
import { compileTemplate, loadTemplate } from '../../core/template.js';
import type { EventBuilder, RawOptions, Source } from '../source.js';
import { lambdaLogLines, type TimedLine } from './lambda-lines.js';
import { checkStreamOrFilterName, parseLogGroup } from './names.js';
import {
  ACCOUNT_LEVEL_POLICY,
  CONTROL_OWNER,
  CONTROL_TEXT_PREFIX,
  encodeLogsData,
  type LogsMessage,
  logEventId,
} from './payload.js';

/** What a CloudWatch Logs subscription event is made of; every field has a realistic default. */
export interface CloudWatchLogsOptions {
  /** Log event messages, byte for byte; one log event each (reused in turn when `events` is larger). */
  messages?: readonly string[];
  /** Number of log events. Default: the number of messages, else one Lambda invocation's lines. */
  events?: number;
  /** Log group name or ARN. Default: a Lambda function's `/aws/lambda/<name>`. */
  logGroup?: string;
  /** Log stream name. Default: a Lambda stream, `yyyy/mm/dd/[$LATEST]<32 hex>`. */
  logStream?: string;
  /** The subscription filter's name. */
  filter?: string;
  /** The CONTROL_MESSAGE CloudWatch Logs sends to check that the destination is reachable. */
  control?: boolean;
  /** Delivered by an account-level subscription policy: adds `policyLevel`. */
  accountLevel?: boolean;
}

/** PutLogEvents takes at most 10,000 events in one batch (CloudWatch Logs API). */
const MAX_EVENTS = 10_000;

/**
 * The health check's text. For Kinesis and Firehose destinations it is known to name the destination
 * kind ("…destination Kinesis stream.", "…destination Firehose."); for Lambda no capture was found,
 * so the same sentence names a Lambda function (UNCONFIRMED).
 */
const CONTROL_TEXT = `${CONTROL_TEXT_PREFIX}Checking health of destination Lambda function.`;

export const cloudWatchLogs: Source<CloudWatchLogsOptions> = {
  name: 'cloudwatch-logs',
  // CloudWatch Logs invokes the function asynchronously: the asynchronous invoke payload limit applies.
  sizeLimit: { bytes: 1024 * 1024, what: 'asynchronous invoke payload limit' },
  libraryOptions: {
    messages: list(text()),
    events: integer(1, MAX_EVENTS),
    logGroup: text(),
    logStream: text(),
    filter: text(),
    control: flag(),
    accountLevel: flag(),
  },
  options: {
    message: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: 'A log event message, byte for byte; one log event per message (@@text for a literal @)',
    },
    events: {
      type: 'number',
      valueName: '<n>',
      description: 'Number of log events (default: one per message, else one Lambda invocation)',
    },
    'log-group': {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Log group name or ARN (default: /aws/lambda/<realistic function>)',
    },
    'log-stream': {
      type: 'string',
      valueName: '<name>',
      description: 'Log stream name (default: a Lambda stream, yyyy/mm/dd/[$LATEST]<id>)',
    },
    filter: { type: 'string', valueName: '<name>', description: 'Subscription filter name' },
    control: {
      type: 'boolean',
      description: 'The CONTROL_MESSAGE sent when the subscription is created (no log group)',
    },
    'account-level': {
      type: 'boolean',
      description: 'Delivered by an account-level subscription policy (policyLevel)',
    },
  },
  examples: [
    [`gen-event cloudwatch-logs --message 'ERROR payment declined' --seed 1`, 'one log event'],
    [
      'gen-event logs --log-group /aws/lambda/orders --filter errors --message a --message b',
      'two log events from a named group and filter',
    ],
    ['gen-event logs --control', 'the CONTROL_MESSAGE health check'],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<CloudWatchLogsOptions> {
    const messages = optionalList(raw, 'message');
    return givenOnly({
      messages: messages && (await readEach(messages, (message) => args.readText(message, '--message'))),
      events: optionalInteger(raw, 'events', 1, MAX_EVENTS),
      logGroup: optionalString(raw, 'log-group'),
      logStream: optionalString(raw, 'log-stream'),
      filter: optionalString(raw, 'filter'),
      control: optionalBoolean(raw, 'control'),
      accountLevel: optionalBoolean(raw, 'account-level'),
    });
  },

  implied(options) {
    return options.logGroup === undefined ? {} : (parseLogGroup(options.logGroup).arn ?? {});
  },

  async prepare(options, run) {
    if (options.control) return prepareControl(options);

    const template = loadTemplate('cloudwatch-logs');
    const messages = options.messages ?? [];
    const eventCount = options.events ?? (messages.length > 0 ? messages.length : undefined);
    if (
      eventCount !== undefined &&
      (!Number.isInteger(eventCount) || eventCount < 1 || eventCount > MAX_EVENTS)
    ) {
      throw new UsageError(
        `${eventCount} log events asked for`,
        `a batch holds 1 to ${MAX_EVENTS} log events`,
      );
    }
    if (eventCount !== undefined && messages.length > eventCount) {
      throw new UsageError(
        `${messages.length} messages given for --events ${eventCount}`,
        'give at most one message per log event',
      );
    }
    // CloudWatch Logs refuses empty messages (PutLogEvents: message length at least 1).
    if (messages.some((message) => message.length === 0)) {
      run.warn('a log event message is empty; CloudWatch Logs refuses empty messages');
    }

    const functionName = defaultFunctionName(template, run.rng);
    const logGroup =
      options.logGroup === undefined ? `/aws/lambda/${functionName}` : parseLogGroup(options.logGroup).name;
    const logStream =
      options.logStream === undefined
        ? undefined
        : checkStreamOrFilterName(options.logStream, '--log-stream');
    const filter =
      options.filter === undefined
        ? defaultFilterName(template, run.rng, functionName)
        : checkStreamOrFilterName(options.filter, '--filter');
    const memorySize = run.rng.pick(template.memorySizes as number[]);
    const words = messages.length === 0 ? await loadRealisticWords() : undefined;

    return (ctx) => {
      const { rng } = ctx;
      const lines: TimedLine[] =
        messages.length > 0
          ? givenLines(rng, ctx.time, messages, eventCount as number)
          : lambdaLogLines(rng, {
              start: ctx.time,
              count: eventCount,
              memorySize,
              appText: (at) => JSON.stringify(samplePayload(words as NonNullable<typeof words>, rng, at)),
            });
      // The low 144 bits of the ids: a per-batch constant (low 16 bits clear, as observed) plus a
      // counter that goes up by one per event (FORMATS-events §7).
      const batchBase = BigInt(`0x${rng.hex(27)}`) << 16n;
      const message: LogsMessage = {
        messageType: 'DATA_MESSAGE',
        owner: run.accountId,
        logGroup,
        logStream: logStream ?? lambdaStreamName(rng, ctx.time),
        subscriptionFilters: [filter],
        logEvents: lines.map((line, i) => ({
          id: logEventId(line.timestamp, batchBase, i),
          timestamp: line.timestamp,
          message: line.message,
        })),
      };
      if (options.accountLevel) message.policyLevel = ACCOUNT_LEVEL_POLICY;
      return { awslogs: { data: encodeLogsData(message) } };
    };
  },
};

/**
 * The reachability check sent once when a subscription is created: owner `CloudwatchLogs`, empty group,
 * stream and filter list, one log event with an empty id (FORMATS-events §7, UNCONFIRMED there; the same
 * shape in several public captures of Kinesis and Firehose destinations).
 */
function prepareControl(options: CloudWatchLogsOptions): EventBuilder {
  const given = (
    [
      ['--message', options.messages !== undefined],
      ['--events', options.events !== undefined],
      ['--log-group', options.logGroup !== undefined],
      ['--log-stream', options.logStream !== undefined],
      ['--filter', options.filter !== undefined],
      ['--account-level', options.accountLevel === true],
    ] as const
  ).find(([, isGiven]) => isGiven);
  if (given) {
    throw new UsageError(
      `--control with ${given[0]}`,
      `a control message carries no log group, stream, filter or messages of its own; drop ${given[0]}`,
    );
  }
  return (ctx) => {
    const message: LogsMessage = {
      messageType: 'CONTROL_MESSAGE',
      owner: CONTROL_OWNER,
      logGroup: '',
      logStream: '',
      subscriptionFilters: [],
      logEvents: [{ id: '', timestamp: ctx.time, message: CONTROL_TEXT }],
    };
    return { awslogs: { data: encodeLogsData(message) } };
  };
}

/** Given messages in order, a few milliseconds apart, reused in turn when more events are asked for. */
function givenLines(rng: Random, start: number, messages: readonly string[], count: number): TimedLine[] {
  const lines: TimedLine[] = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    if (i > 0) t += rng.int(0, 3);
    lines.push({ timestamp: t, message: messages[i % messages.length] as string });
  }
  return lines;
}

/** A Lambda log stream: the UTC date the environment started, `[$LATEST]`, 32 hex digits. */
function lambdaStreamName(rng: Random, at: number): string {
  return `${new Date(at).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${rng.hex(32)}`;
}

function defaultFunctionName(template: Readonly<Record<string, unknown>>, rng: Random): string {
  return rng.pick(template.functionNames as string[]) + rng.pick(template.functionSuffixes as string[]);
}

/** A console-style name, or one a CDK stack generates (`<Stack>-<Id><8 hex>-<12 characters>`, as in the real capture). */
function defaultFilterName(template: Readonly<Record<string, unknown>>, rng: Random, fn: string): string {
  if (rng.int(0, 2) === 0) {
    const stack = rng.pick(template.stackNames as string[]);
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return `${stack}-Subscription${rng.hex(8).toUpperCase()}-${rng.chars(alnum, 12)}`;
  }
  return compileTemplate(
    rng.pick(template.filterNames as string[]),
    'cloudwatch-logs.json',
  )({ fn }) as string;
}
