import { constants } from 'node:buffer';
import type { Source } from '../sources/source.js';
import type { CommonOptions } from './common-options.js';
import { parseSetOperations } from './common-options.js';
import { createRunContext, eventContexts, type RunContext, type RunOrigin } from './context.js';
import { UsageError } from './errors.js';
import { checkLibraryOptions } from './library-options.js';
import { tooDeep } from './nesting.js';
import { applySet, deepMerge } from './overrides.js';
import { isPlainObject } from './template.js';

/** Produces the events of one run, one at a time, so a million of them need no more memory than one. */
export interface EventStream {
  readonly run: RunContext;
  /** What opens this same stream again, e.g. in a worker thread building part of a long run. */
  readonly origin: StreamOrigin;
  next(): unknown;
  /** Moves past events without building them; the events after are those of a run that built them. */
  skip(count: number): void;
}

/** A stream's source, its options (their data: no callbacks) and its run's origin. */
export interface StreamOrigin extends RunOrigin {
  source: string;
  options: Record<string, unknown>;
}

/**
 * The one path from options to events, used by the library and the CLI alike:
 * run context → source build → `override` (deep merge) → `set` edits.
 */
export async function createEventStream<Options>(
  source: Source<Options>,
  options: Options & CommonOptions,
  origin?: RunOrigin,
): Promise<EventStream> {
  checkLibraryOptions(source, options);
  const onWarning = options.onWarning;
  const warn = options.strict
    ? (message: string) => {
        throw new UsageError(message, 'drop --strict to allow it');
      }
    : (message: string) => onWarning?.(message);
  const run = createRunContext({ ...options, onWarning: warn }, source.implied?.(options) ?? {}, origin);
  const build = await source.prepare(options, run);
  const setOperations = parseSetOperations(options.set);
  const override = options.override;
  const contexts = eventContexts(run);
  return {
    run,
    origin: {
      source: source.name,
      options: dataOf(options),
      seedMaterial: run.seedMaterial,
      startTime: run.startTime,
    },
    skip: contexts.skip,
    next() {
      let event = build(contexts.next());
      if (override !== undefined) event = deepMerge(event, checkMergeable(event, override));
      for (const operation of setOperations) {
        if (typeof event !== 'object' || event === null) {
          throw new UsageError(
            '--set edits fields of an object, but this event is not one',
            'use --payload instead',
          );
        }
        applySet(event as Record<string, unknown>, operation);
      }
      return event;
    },
  };
}

/** The options without their callbacks (`onWarning`), which cannot cross to another thread. */
function dataOf(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function'));
}

/**
 * Serialises an event as the CLI prints it. An event too long for one string, or nested too deeply
 * for JSON.stringify, is an error that says so rather than a crash.
 */
export function serializeEvent(event: unknown, compact: boolean): string {
  try {
    return compact ? `${JSON.stringify(event)}\n` : `${JSON.stringify(event, null, 2)}\n`;
  } catch (error) {
    if (error instanceof RangeError && /string length/i.test(error.message)) throw tooLong();
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep('the event');
    throw error;
  }
}

/**
 * Refuses, before it is written, an event whose JSON could not fit in one string: counted from its
 * values, stopping as soon as the count is over, so a batch of 10,000 records that each repeat a
 * large body is refused at once instead of after building hundreds of megabytes of text.
 */
export function checkFitsInString(event: unknown): void {
  let length = 0;
  const pending: unknown[] = [event];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') length += node.length + 3;
    else if (Array.isArray(node)) {
      length += 2 + node.length;
      for (const item of node) pending.push(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        length += key.length + 4;
        pending.push(value);
      }
    } else length += 4;
    if (length > constants.MAX_STRING_LENGTH) throw tooLong();
  }
}

function tooLong(): UsageError {
  return new UsageError(
    `the event would be longer than the ${constants.MAX_STRING_LENGTH} characters one string can hold`,
    'make fewer records, or smaller bodies',
  );
}

/** Warns (or, under --strict, fails) when the compact event is over the source's size limit. */
export function checkEventSize(source: Source<unknown>, compactBytes: number, run: RunContext): void {
  if (compactBytes > source.sizeLimit.bytes) {
    run.warn(
      `the event is ${compactBytes} bytes, over the ${source.sizeLimit.what} of ${source.sizeLimit.bytes} bytes`,
    );
  }
}

/** A merge edits the event: its top level must be of the event's own kind, never replace it whole. */
function checkMergeable(event: unknown, override: unknown): unknown {
  const kind = (value: unknown) =>
    Array.isArray(value) ? 'an array' : isPlainObject(value) ? 'an object' : 'a single value';
  if (kind(event) !== kind(override) || kind(override) === 'a single value') {
    throw new UsageError(
      `--merge gives ${kind(override)}, but the event is ${kind(event)}`,
      'give a partial event of the same shape, e.g. {"Records":[{"body":"x"}]}',
    );
  }
  return override;
}
