/**
 * gen-event as a library: the same engine and the same output as the CLI for the same options.
 * The library never prints or exits; it throws `UsageError` / `InputError` with a message to act on.
 */
import type { SQSEvent } from 'aws-lambda';
import type { CommonOptions } from './core/common-options.js';
import { checkEventSize, createEventStream } from './core/engine.js';
import { UsageError } from './core/errors.js';
import type { DirectOptions } from './sources/direct/index.js';
import { findSource } from './sources/registry.js';
import type { Source } from './sources/source.js';
import type { SqsOptions } from './sources/sqs/index.js';

export type { CommonOptions } from './core/common-options.js';
export { GenEventError, InputError, UsageError } from './core/errors.js';
export type { DirectOptions } from './sources/direct/index.js';
export type { SqsAttributeInput, SqsOptions } from './sources/sqs/index.js';

/** A partial copy of an event type, for `override`: nested fields may be left out, misspelt ones do not compile. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Options of a source plus the common ones, with `override` typed for the source's event. */
export type EventOptions<SourceOptions, Event> = SourceOptions &
  Omit<CommonOptions, 'override'> & {
    /** A partial event deep-merged into the generated one, last but for `set` (arrays element by element). */
    override?: DeepPartial<Event>;
  };

/** The events each source produces, for `generate()`'s return type. */
export interface EventTypes {
  sqs: SQSEvent;
  direct: unknown;
  invoke: unknown;
}

export interface OptionTypes {
  sqs: SqsOptions;
  direct: DirectOptions;
  invoke: DirectOptions;
}

export type SourceName = keyof EventTypes;

function sourceNamed(name: string): Source<unknown> {
  const source = findSource(name);
  if (!source) throw new UsageError(`unknown source '${name}'`, 'see gen-event list');
  return source;
}

/** One event of the named source. */
export async function generate<Name extends SourceName>(
  source: Name,
  options: EventOptions<OptionTypes[Name], EventTypes[Name]> = {} as EventOptions<
    OptionTypes[Name],
    EventTypes[Name]
  >,
): Promise<EventTypes[Name]> {
  const chosen = sourceNamed(source);
  const stream = await createEventStream(chosen, options);
  const event = stream.next();
  checkEventSize(chosen, Buffer.byteLength(JSON.stringify(event)), stream.run);
  return event as EventTypes[Name];
}

/** `count` independent events of the named source (distinct ids, times moving forward), produced lazily. */
export async function* generateMany<Name extends SourceName>(
  source: Name,
  count: number,
  options: EventOptions<OptionTypes[Name], EventTypes[Name]> = {} as EventOptions<
    OptionTypes[Name],
    EventTypes[Name]
  >,
): AsyncGenerator<EventTypes[Name]> {
  const stream = await createEventStream(sourceNamed(source), options);
  for (let i = 0; i < count; i++) yield stream.next() as EventTypes[Name];
}

/** An SQS event, e.g. `await sqsEvent({ bodies: ['{"orderId":42}'], fifo: true, seed: 1 })`. */
export function sqsEvent(options: EventOptions<SqsOptions, SQSEvent> = {}): Promise<SQSEvent> {
  return generate('sqs', options);
}

/** A direct-invocation event: the payload itself, given, generated from a schema, or realistic. */
export function directEvent(options: EventOptions<DirectOptions, unknown> = {}): Promise<unknown> {
  return generate('direct', options);
}
