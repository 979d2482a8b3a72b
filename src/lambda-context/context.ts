import type { Context } from 'aws-lambda';
import { parseArn } from '../core/aws.js';
import { createRunContext, type ImpliedPlacement } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { Random } from '../core/random.js';

/** What the Lambda service fixes for an invocation, as `lambdaContext()` and `gen-event context` take it. */
export interface LambdaContextOptions {
  /** 1 to 64 letters, digits, `-` and `_` (default: a realistic name fixed by the seed). */
  functionName?: string;
  /** The version that runs: `$LATEST` (default) or a published version number. */
  version?: string;
  /** The alias it was invoked through; it goes at the end of invokedFunctionArn (default: none). */
  alias?: string;
  /** Memory in MB, 128 to 10240 (default 128, Lambda's default). */
  memory?: number;
  /** Timeout in seconds, 1 to 900 (default 3, Lambda's default); getRemainingTimeInMillis() counts down from it. */
  timeout?: number;
  /** Default: the event's region (an ARN or a host in it), else us-east-1. */
  region?: string;
  /** Default: the event's account (an ARN or requestContext.accountId), else a realistic id fixed by the seed. */
  accountId?: string;
  /** Same options + same seed = the same context. Give the event's seed to get the event's account. */
  seed?: string | number;
  /** When the invocation started (the log stream's date). Default: the event's time, else as for events. */
  time?: string | number | Date;
}

/** How the options are named in errors: as the library spells them, or as the CLI does. */
export type OptionLabel = (name: keyof LambdaContextOptions) => string;

const libraryLabel: OptionLabel = (name) => `lambdaContext option ${name}`;

// Lambda's own limits (CreateFunction): name pattern and length, memory and timeout ranges.
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const VERSION = /^(?:\$LATEST|[1-9][0-9]{0,9})$/;
const ALIAS = /^(?!^[0-9]+$)[A-Za-z0-9_-]{1,128}$/;
export const MEMORY_MB = { min: 128, max: 10_240, fallback: 128 };
export const TIMEOUT_SECONDS = { min: 1, max: 900, fallback: 3 };

// Realistic function names: what a team calls the function behind a queue or an API.
const NAME_SUBJECTS = ['orders', 'payments', 'invoices', 'users', 'inventory', 'notifications', 'checkout'];
const NAME_ROLES = ['handler', 'processor', 'api', 'worker', 'consumer', 'service'];

/**
 * A Lambda `Context` for a handler test, agreeing with the event: the function's ARN is in the
 * event's region and account, the log stream is dated the day it ran, and every id comes from the seed.
 * `getRemainingTimeInMillis()` counts down from the timeout on the real clock, from the moment the
 * context is made. `done`, `fail` and `succeed` (the runtime's legacy way to end an invocation) settle
 * `invoke()` when it runs the handler.
 */
export function lambdaContext(event?: unknown, options: LambdaContextOptions = {}): Context {
  return createLambdaContext(event, options, libraryLabel);
}

/** What the legacy `context.done/fail/succeed` report to whoever runs the handler. */
export type LegacyOutcome = { error: unknown } | { result: unknown };
const legacyListeners = new WeakMap<Context, (outcome: LegacyOutcome) => void>();

/** Lets `invoke()` hear a handler that ends through `context.done/fail/succeed`. */
export function onLegacyOutcome(context: Context, listener: (outcome: LegacyOutcome) => void): void {
  legacyListeners.set(context, listener);
}

export function createLambdaContext(
  event: unknown,
  options: LambdaContextOptions,
  label: OptionLabel,
): Context {
  const implied = placementOf(event);
  const run = createRunContext({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...timeOption(options.time ?? timeOf(event)),
    ...((options.region ?? implied.region) ? { region: options.region ?? implied.region } : {}),
    ...((options.accountId ?? implied.accountId)
      ? { accountId: options.accountId ?? implied.accountId }
      : {}),
  });
  // Its own stream of the run's randomness: with the event's seed, the context still differs from the event's ids.
  const rng = Random.fromParts(run.seedMaterial, 'lambda-context');
  const functionName = checked(
    options.functionName ?? `${rng.pick(NAME_SUBJECTS)}-${rng.pick(NAME_ROLES)}`,
    FUNCTION_NAME,
    label('functionName'),
    '1 to 64 letters, digits, - and _',
  );
  const alias =
    options.alias === undefined
      ? undefined
      : checked(options.alias, ALIAS, label('alias'), 'letters, digits, - and _, not only digits');
  // An alias points at a published version; invoked without a qualifier, $LATEST runs.
  const version = checked(
    options.version ?? (alias === undefined ? '$LATEST' : '1'),
    VERSION,
    label('version'),
    '$LATEST or a version number such as 3',
  );
  const memory = whole(options.memory, MEMORY_MB, label('memory'), 'MB');
  const timeoutSeconds = whole(options.timeout, TIMEOUT_SECONDS, label('timeout'), 'seconds');
  const qualifier = alias ?? (version === '$LATEST' ? undefined : version);
  const deadline = Date.now() + timeoutSeconds * 1000;
  const settle = (outcome: LegacyOutcome) => legacyListeners.get(context)?.(outcome);

  // The keys in the order the Node.js runtime builds them (aws-lambda-nodejs-runtime-interface-client).
  const context: Context = {
    callbackWaitsForEmptyEventLoop: true,
    functionVersion: version,
    functionName,
    memoryLimitInMB: String(memory),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${logStreamDate(run.startTime)}/[${version}]${rng.hex(32)}`,
    invokedFunctionArn: `arn:${run.partition}:lambda:${run.region}:${run.accountId}:function:${functionName}${qualifier === undefined ? '' : `:${qualifier}`}`,
    awsRequestId: rng.uuid(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error?: Error, result?: unknown) =>
      settle(error === undefined || error === null ? { result } : { error }),
    fail: (error: Error | string) => settle({ error }),
    succeed: (result: unknown) => settle({ result }),
  };
  return context;
}

function timeOption(time: string | number | Date | undefined): { time?: string | number | Date } {
  return time === undefined ? {} : { time };
}

/** `YYYY/MM/DD`, the UTC day a log stream is created on. */
function logStreamDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10).replaceAll('-', '/');
}

function checked(value: string, pattern: RegExp, option: string, shape: string): string {
  if (!pattern.test(value)) throw new UsageError(`${option} '${value}' is not valid`, `give ${shape}`);
  return value;
}

function whole(
  value: number | undefined,
  range: { min: number; max: number; fallback: number },
  option: string,
  unit: string,
): number {
  if (value === undefined) return range.fallback;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(
      `${option} ${value} is out of range`,
      `give a whole number of ${unit} from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The region and account an event names: an SQS record's eventSourceARN, an ALB target group ARN,
 * an API Gateway requestContext.accountId, or the region in an execute-api / lambda-url host.
 */
export function placementOf(event: unknown): ImpliedPlacement {
  if (!isObject(event)) return {};
  const records = event.Records;
  const record = Array.isArray(records) && isObject(records[0]) ? records[0] : undefined;
  const context = isObject(event.requestContext) ? event.requestContext : undefined;
  const arnText = record?.eventSourceARN ?? (isObject(context?.elb) ? context.elb.targetGroupArn : undefined);
  const arn = typeof arnText === 'string' ? parseArn(arnText) : undefined;
  if (arn) return { region: arn.region, accountId: arn.accountId };
  const placement: ImpliedPlacement = {};
  // Function URLs send "anonymous" for an unsigned request: only a 12-digit id names the account.
  if (typeof context?.accountId === 'string' && /^\d{12}$/.test(context.accountId)) {
    placement.accountId = context.accountId;
  }
  const host = typeof context?.domainName === 'string' ? context.domainName : undefined;
  const region =
    host && /\.(?:execute-api|lambda-url)\.([a-z0-9-]+)\.(?:on\.aws|amazonaws\.com)/.exec(host)?.[1];
  if (region) placement.region = region;
  return placement;
}

/** When the event happened, in epoch milliseconds, when it says: the invocation starts then. */
function timeOf(event: unknown): number | undefined {
  if (!isObject(event)) return undefined;
  const context = isObject(event.requestContext) ? event.requestContext : undefined;
  const epoch = context?.timeEpoch ?? context?.requestTimeEpoch;
  if (typeof epoch === 'number') return epoch;
  const records = event.Records;
  const attributes =
    Array.isArray(records) && isObject(records[0]) && isObject(records[0].attributes)
      ? records[0].attributes
      : undefined;
  // SQS: the poller receives the batch, then invokes the function.
  const received = attributes?.ApproximateFirstReceiveTimestamp;
  return typeof received === 'string' && /^\d{13}$/.test(received) ? Number(received) : undefined;
}
