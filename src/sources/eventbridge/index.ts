import { parseArn } from '../../core/aws.js';
import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { choice, json, list, text } from '../../core/option-shapes.js';
import { givenOnly, optionalBoolean, optionalList, optionalString } from '../../core/raw-options.js';
import { isPlainObject } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import { parseQueue } from '../sqs/queue.js';
import {
  readSnsHopOptions,
  readViaOptions,
  type SnsHopOptions,
  snsHopLibraryOptions,
  snsHopOptionTable,
  usesChain,
  type ViaOptions,
  viaLibraryOptions,
  viaOptionTable,
} from '../via/options.js';
import { type EventBridgeContent, eventBridgeEvent } from './envelope.js';
import {
  DEFAULT_SCHEDULER_INPUT,
  ec2StateChange,
  PRESETS,
  type Preset,
  realisticRuleName,
  ruleArn,
  scheduledMinute,
  schedulerPayload,
} from './presets.js';

export type { Preset as EventBridgePreset } from './presets.js';

/**
 * What an EventBridge event is made of; every field is optional and has a realistic default. A
 * preset makes a common AWS event; `via` delivers the event through SQS or SNS.
 */
export interface EventBridgeOptions extends ViaOptions, SnsHopOptions {
  /** `schedule`, `scheduler`, `s3-object-created`, `s3-object-deleted`, `ec2-state-change`. */
  preset?: Preset;
  source?: string;
  detailType?: string;
  /** The detail object (for `scheduler`: the schedule's input). */
  detail?: unknown;
  /** ARNs in `resources`, in order. */
  resources?: readonly string[];
  /** The bus name or ARN (the event itself has no bus field; an ARN places the run). */
  bus?: string;
  /** Name of the rule (`schedule`) or schedule (`scheduler`). */
  rule?: string;
  /** The name of the archive replay that sent the event again. */
  replay?: string;
}

const NAME = /^[A-Za-z0-9._-]{1,256}$/;
const DETAIL_TYPES = [
  'OrderPlaced',
  'UserSignedUp',
  'PaymentCaptured',
  'InvoiceIssued',
  'ShipmentDispatched',
];
const SOURCES = [
  'com.acme.orders',
  'com.acme.users',
  'com.acme.payments',
  'myapp.billing',
  'custom.inventory',
];

export const eventbridge: Source<EventBridgeOptions> = {
  name: 'eventbridge',
  // EventBridge → Lambda is an asynchronous invoke.
  sizeLimit: { bytes: 256 * 1024, what: 'asynchronous invoke payload limit' },
  libraryOptions: {
    preset: choice(PRESETS),
    source: text(),
    detailType: text(),
    detail: json(),
    resources: list(text()),
    bus: text(),
    rule: text(),
    replay: text(),
    ...viaLibraryOptions,
    ...snsHopLibraryOptions,
  },
  options: {
    preset: {
      type: 'string',
      choices: PRESETS,
      valueName: '<name>',
      description:
        'A common AWS event: schedule, scheduler, s3-object-created, s3-object-deleted, ec2-state-change',
    },
    schedule: { type: 'boolean', description: 'A scheduled rule event (the same as --preset schedule)' },
    source: { type: 'string', valueName: '<source>', description: 'The event source (default: realistic)' },
    'detail-type': {
      type: 'string',
      valueName: '<text>',
      description: 'The detail-type (default: realistic)',
    },
    detail: {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'The detail, a JSON object (with --preset scheduler: the input)',
    },
    resource: { type: 'string', repeatable: true, valueName: '<arn>', description: 'An ARN in resources' },
    bus: {
      type: 'string',
      valueName: '<name|arn>',
      description: 'The event bus (an ARN gives region and account)',
    },
    rule: {
      type: 'string',
      valueName: '<name>',
      description: 'The rule (schedule) or schedule (scheduler) name',
    },
    replay: {
      type: 'string',
      valueName: '<name>',
      description: 'Sent again by this archive replay (replay-name)',
    },
    ...viaOptionTable,
    ...snsHopOptionTable,
  },
  examples: [
    [
      `gen-event eventbridge --source com.acme.orders --detail-type OrderPlaced --detail '{"orderId":42}'`,
      'a custom event',
    ],
    ['gen-event events --schedule --rule nightly-report --seed 1', 'a scheduled rule firing'],
    [
      'gen-event eventbridge --preset s3-object-created --via sqs',
      "S3's Object Created event in an SQS body",
    ],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<EventBridgeOptions> {
    const detail = optionalString(raw, 'detail');
    const schedule = optionalBoolean(raw, 'schedule');
    const preset = optionalString(raw, 'preset');
    if (schedule && preset !== undefined && preset !== 'schedule') {
      throw new UsageError(`--schedule and --preset ${preset} are both given`, 'give one of them');
    }
    const own = givenOnly({
      preset: (schedule ? 'schedule' : preset) as Preset | undefined,
      source: optionalString(raw, 'source'),
      detailType: optionalString(raw, 'detail-type'),
      detail: detail === undefined ? undefined : await args.readJson(detail, '--detail'),
      resources: optionalList(raw, 'resource'),
      bus: optionalString(raw, 'bus'),
      rule: optionalString(raw, 'rule'),
      replay: optionalString(raw, 'replay'),
    });
    return { ...own, ...readViaOptions(raw), ...readSnsHopOptions(raw) };
  },

  implied(options) {
    if (options.bus?.startsWith('arn:')) return busArn(options.bus);
    if (options.queue?.startsWith('arn:')) return parseQueue(options.queue, options.fifo === true).arn ?? {};
    return {};
  },

  async prepare(options, run) {
    const build = await prepareEventBridge(options, run);
    if (!usesChain(options)) return build;
    const { prepareChain } = await import('../via/chain.js');
    return prepareChain('eventbridge', options, run, (ctx) => ({ event: build(ctx) }));
  },
};

function busArn(text: string): { region: string; accountId: string } {
  const arn = parseArn(text);
  if (arn?.service !== 'events' || !arn.resource.startsWith('event-bus/')) {
    throw new UsageError(
      `--bus '${text}' is not an event bus ARN`,
      'use arn:aws:events:<region>:<account>:event-bus/<name>',
    );
  }
  return { region: arn.region, accountId: arn.accountId };
}

async function prepareEventBridge(
  options: EventBridgeOptions,
  run: RunContext,
): Promise<(ctx: EventContext) => unknown> {
  const preset = options.preset;
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) {
    throw new UsageError(`--preset ${preset} is not a preset`, `use ${PRESETS.join(', ')}`);
  }
  if (options.bus !== undefined) {
    if (options.bus.startsWith('arn:')) busArn(options.bus);
    else if (!NAME.test(options.bus)) {
      throw new UsageError(
        `--bus '${options.bus}' is not a valid bus name`,
        'use letters, digits, . - and _',
      );
    }
  }
  for (const name of ['rule', 'replay'] as const) {
    const value = options[name];
    if (value !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
      throw new UsageError(
        `--${name} '${value}' is not a valid name`,
        'use 1 to 64 letters, digits, . - and _',
      );
    }
  }
  for (const resource of options.resources ?? []) {
    if (!parseArn(resource) && !/^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/.test(resource)) {
      throw new UsageError(
        `--resource '${resource}' is not an ARN`,
        'give an ARN such as arn:aws:s3:::my-bucket',
      );
    }
  }
  const replay = options.replay === undefined ? {} : { replayName: options.replay };
  const withPreset = (name: string) => {
    const given = (['source', 'detailType', 'resources'] as const).find((key) => options[key] !== undefined);
    if (given !== undefined) {
      throw new UsageError(
        `--preset ${name} sets the ${given === 'detailType' ? 'detail-type' : given} itself`,
        `drop --${given === 'detailType' ? 'detail-type' : given === 'resources' ? 'resource' : given}`,
      );
    }
  };

  if (preset === 'scheduler') {
    withPreset(preset);
    if (options.replay !== undefined)
      throw new UsageError('a Scheduler invocation is not an event bus event', 'drop --replay');
    const input = options.detail ?? DEFAULT_SCHEDULER_INPUT;
    const name = options.rule ?? `${realisticRuleName(run.rng)}-schedule`;
    return (ctx) => schedulerPayload(ctx, input, name);
  }
  if (options.detail !== undefined && !isPlainObject(options.detail)) {
    throw new UsageError(
      '--detail is not a JSON object',
      'EventBridge details are objects, e.g. {"orderId":42}',
    );
  }
  if (preset === 'schedule') {
    withPreset(preset);
    if (options.detail !== undefined && Object.keys(options.detail as object).length > 0) {
      throw new UsageError('a scheduled event has the empty detail {}', 'drop --detail');
    }
    const rule = ruleArn(run, options.rule ?? realisticRuleName(run.rng));
    // FORMATS-events §3.2: aws.events, the rule in resources, detail {}.
    return (ctx) =>
      eventBridgeEvent(
        { ...ctx, time: scheduledMinute(ctx.time) },
        { source: 'aws.events', detailType: 'Scheduled Event', resources: [rule], detail: {}, ...replay },
      );
  }
  if (options.rule !== undefined)
    throw new UsageError('--rule names a scheduled rule or schedule', 'add --schedule or --preset scheduler');
  if (preset === 's3-object-created' || preset === 's3-object-deleted') {
    withPreset(preset);
    if (options.detail !== undefined)
      throw new UsageError(
        `--preset ${preset} makes its own detail`,
        'use gen-event s3 --via eventbridge to choose the bucket and key',
      );
    const { prepareS3Notification } = await import('../s3/index.js');
    const { s3EventBridgeEvent } = await import('../s3/eventbridge.js');
    const notification = prepareS3Notification(
      { eventName: preset === 's3-object-created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete' },
      run,
    );
    return (ctx) => {
      const event = s3EventBridgeEvent(ctx, (notification(ctx) as { Records: [never] }).Records[0]);
      if (options.replay !== undefined) return eventBridgeEvent(ctx, { ...contentOf(event), ...replay });
      return event;
    };
  }
  if (preset === 'ec2-state-change') {
    withPreset(preset);
    if (options.detail !== undefined)
      throw new UsageError('--preset ec2-state-change makes its own detail', 'drop --detail');
    return (ctx) =>
      eventBridgeEvent(ctx, {
        source: 'aws.ec2',
        detailType: 'EC2 Instance State-change Notification',
        ...ec2StateChange(ctx),
        ...replay,
      });
  }

  const source = options.source ?? run.rng.pick(SOURCES);
  if (source.length === 0 || source.length > 256) {
    throw new UsageError(`--source is ${source.length} characters`, 'a source has 1 to 256 characters');
  }
  // PutEvents refuses sources starting "aws." (FORMATS-events §3.1): only AWS services send them.
  if (options.source?.startsWith('aws.')) {
    run.warn(
      `PutEvents refuses the source ${source}; only AWS services send aws.* events (use a --preset for those)`,
    );
  }
  const detailType = options.detailType ?? run.rng.pick(DETAIL_TYPES);
  if (detailType.length === 0 || detailType.length > 128) {
    throw new UsageError(
      `--detail-type is ${detailType.length} characters`,
      'a detail-type has 1 to 128 characters',
    );
  }
  const detailText = options.detail === undefined ? undefined : JSON.stringify(options.detail);
  const resources = options.resources ?? [];
  return (ctx) =>
    eventBridgeEvent(ctx, {
      source,
      detailType,
      resources,
      // A fresh copy per event, so an edit to one event never reaches another.
      detail: detailText === undefined ? realisticDetail(ctx, detailType) : JSON.parse(detailText),
      ...replay,
    });
}

function contentOf(event: Record<string, unknown>): EventBridgeContent {
  return {
    source: event.source as string,
    detailType: event['detail-type'] as string,
    resources: event.resources as string[],
    detail: event.detail,
  };
}

/** A small realistic detail for a custom event: an id and a time of the event's instant. */
function realisticDetail(ctx: EventContext, detailType: string): Record<string, unknown> {
  const id = `${detailType.replace(/[A-Z]/g, (c) => c.toLowerCase()).slice(0, 5)}_${ctx.rng.lowerAlnum(12)}`;
  return {
    id,
    tenantId: ctx.rng.uuid(),
    amount: ctx.rng.int(100, 99_999) / 100,
    occurredAt: new Date(ctx.time - ctx.rng.int(50, 900)).toISOString(),
  };
}
