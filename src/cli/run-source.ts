import { commonFromRaw } from '../core/common-options.js';
import { checkEventSize, createEventStream, serializeEvent } from '../core/engine.js';
import { ArgumentReader } from '../core/inputs.js';
import { refuseExisting, writeFileAtomic } from '../core/output.js';
import { optionalBoolean, optionalString } from '../core/raw-options.js';
import type { RawOptions, Source } from '../sources/source.js';
import type { CliIO } from './io.js';

/** `gen-event <source> [options]`: read the inputs, build the event, print it or write it. */
export async function runSource(source: Source<unknown>, raw: RawOptions, io: CliIO): Promise<void> {
  const out = optionalString(raw, 'out');
  const force = optionalBoolean(raw, 'force') ?? false;
  const compact = optionalBoolean(raw, 'compact') ?? false;
  if (out !== undefined) refuseExisting(out, force); // before any input is read or work is done

  const args = new ArgumentReader(io.inputs);
  const common = await commonFromRaw(raw, args);
  const options = await source.fromRaw(raw, args);
  const stream = await createEventStream(source, {
    ...(options as object),
    ...common,
    onWarning: (message: string) => io.writeStderr(`gen-event: warning: ${message}\n`),
  });
  const event = stream.next();
  const text = serializeEvent(event, compact);
  checkEventSize(
    source,
    compact ? Buffer.byteLength(text) - 1 : Buffer.byteLength(JSON.stringify(event)),
    stream.run,
  );
  if (out === undefined) io.writeStdout(text);
  else writeFileAtomic(out, text, force);
}
