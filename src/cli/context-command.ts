import { ArgumentReader } from '../core/inputs.js';
import { givenOnly, optionalBoolean, optionalInteger, optionalString } from '../core/raw-options.js';
import {
  createLambdaContext,
  type LambdaContextOptions,
  MEMORY_MB,
  TIMEOUT_SECONDS,
} from '../lambda-context/context.js';
import type { RawOptions } from '../sources/source.js';
import type { CommandSpec } from './command-spec.js';
import type { CliIO } from './io.js';

export const contextCommand: CommandSpec = {
  name: 'context',
  aliases: [],
  summary:
    "Print a Lambda context as JSON: the data fields of the handler's second argument (no functions), agreeing with --event",
  options: {
    event: {
      type: 'string',
      valueName: '<file|->',
      description: "An event the context agrees with: its region, account and time (e.g. an SQS queue's ARN)",
    },
    'function-name': {
      type: 'string',
      valueName: '<name>',
      description: 'functionName, also in the ARN and log group (default: a realistic name)',
    },
    'function-version': {
      type: 'string',
      valueName: '<$LATEST|n>',
      description: 'functionVersion (default $LATEST, or 1 with --alias)',
    },
    alias: {
      type: 'string',
      valueName: '<name>',
      description: 'The alias invoked: the qualifier at the end of invokedFunctionArn',
    },
    memory: {
      type: 'string',
      valueName: '<MB>',
      description: `memoryLimitInMB, ${MEMORY_MB.min} to ${MEMORY_MB.max} (default ${MEMORY_MB.fallback})`,
    },
    timeout: {
      type: 'string',
      valueName: '<seconds>',
      description: `Function timeout, ${TIMEOUT_SECONDS.min} to ${TIMEOUT_SECONDS.max} (default ${TIMEOUT_SECONDS.fallback}); getRemainingTimeInMillis() counts down from it`,
    },
    seed: {
      type: 'string',
      valueName: '<int|string>',
      description: 'Same arguments + same seed = identical output',
    },
    time: {
      type: 'string',
      valueName: '<ISO-8601|epoch-ms>',
      description: "When the invocation started (default: the event's time)",
    },
    region: {
      type: 'string',
      valueName: '<name>',
      description: "Region of the function's ARN (default: the event's, else us-east-1)",
    },
    'account-id': {
      type: 'string',
      valueName: '<12 digits>',
      description: "Account of the function's ARN (default: the event's, else a realistic id)",
    },
    compact: { type: 'boolean', description: 'One line of JSON instead of 2-space indented' },
  },
  examples: [
    [
      'gen-event sqs --body x --seed 1 --out event.json && gen-event context --event event.json --function-name orders --seed 1',
      "a context in the queue's region and account",
    ],
    [
      'gen-event context --timeout 30 --memory 1024 --alias live',
      'a 30-second, 1 GB function invoked through an alias',
    ],
  ],
};

/** `gen-event context`: the data fields of a Lambda context, agreeing with `--event` when given. */
export async function runContext(raw: RawOptions, io: CliIO): Promise<void> {
  const eventOption = optionalString(raw, 'event');
  const event =
    eventOption === undefined
      ? undefined
      : await new ArgumentReader(io.inputs).readJsonFromFile(eventOption, '--event');
  const options: LambdaContextOptions = givenOnly({
    functionName: optionalString(raw, 'function-name'),
    version: optionalString(raw, 'function-version'),
    alias: optionalString(raw, 'alias'),
    memory: optionalInteger(raw, 'memory', MEMORY_MB.min, MEMORY_MB.max),
    timeout: optionalInteger(raw, 'timeout', TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max),
    seed: optionalString(raw, 'seed'),
    time: optionalString(raw, 'time'),
    region: optionalString(raw, 'region'),
    accountId: optionalString(raw, 'account-id'),
  });
  // Errors name the options as this command spells them: --function-name, not functionName.
  const kebab = (name: string) =>
    name === 'version' ? '--function-version' : `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const context = createLambdaContext(event, options, kebab);
  const compact = optionalBoolean(raw, 'compact') ?? false;
  await io.writeStdout(`${JSON.stringify(context, null, compact ? undefined : 2)}\n`);
}
