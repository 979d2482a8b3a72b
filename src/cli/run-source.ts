import { commonFromRaw, commonOptionTable, maxInputFromRaw } from '../core/common-options.js';
import { createEventStream, type EventStream } from '../core/engine.js';
import { UsageError } from '../core/errors.js';
import { ArgumentReader, type InputReader } from '../core/inputs.js';
import type { RawOptions, Source } from '../sources/source.js';
import { planOutput, writeEvents } from './event-output.js';
import type { CliIO } from './io.js';

/** `gen-event <source> [options]`: check where the output goes, read the inputs, build and write the events. */
export async function runSource(source: Source<unknown>, raw: RawOptions, io: CliIO): Promise<void> {
  const listing = source.listing?.(raw);
  if (listing !== undefined) {
    await io.writeStdout(listing);
    return;
  }
  const plan = planOutput(source, raw); // refuses an existing file before any input is read or work is done
  const stream = await openEventStream(source, raw, io.inputs, warnOnce(io));
  await writeEvents(plan, source, stream, io);
}

/** What a recipe adds to a fixture's options: an inline merge, and the run's input limit. */
export interface StreamExtras {
  override?: unknown;
  maxInput?: number;
}

/** Reads CLI-style options (files and stdin through `inputs`) and opens the source's event stream. */
export async function openEventStream(
  source: Source<unknown>,
  raw: RawOptions,
  inputs: InputReader,
  onWarning: (message: string) => void,
  { override, maxInput = maxInputFromRaw(raw) }: StreamExtras = {},
): Promise<EventStream> {
  refuseStdinTwice(source, raw);
  const args = new ArgumentReader(inputs, maxInput);
  const common = await commonFromRaw(raw, args);
  const options = await source.fromRaw(raw, args);
  return createEventStream(source, {
    ...(options as object),
    ...common,
    ...(override === undefined ? {} : { override }),
    onWarning,
  });
}

/** Prints each distinct warning once: one that holds for every event of a long run is said once. */
export function warnOnce(io: CliIO): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    io.writeStderr(`gen-event: warning: ${message}\n`);
  };
}

/** Standard input can be read once: refuse a second `-` before anything is read, not after. */
function refuseStdinTwice(source: Source<unknown>, raw: RawOptions): void {
  const table = { ...source.options, ...commonOptionTable };
  const asking = Object.keys(table).flatMap((name) => {
    if (!table[name]?.valueName?.includes('|-')) return [];
    const value = raw[name];
    return (Array.isArray(value) ? value : [value]).filter((v) => v === '-').map(() => `--${name} -`);
  });
  if (asking.length > 1) {
    throw new UsageError(
      `${asking.join(' and ')} both ask for standard input`,
      'it can be read once; put one of them in a file',
    );
  }
}
