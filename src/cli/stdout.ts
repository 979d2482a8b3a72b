import { writeSync } from 'node:fs';

/** What standard output does when it cannot be written: the process ends with a status or quietly. */
export type StdoutFailure = (error: NodeJS.ErrnoException) => never;

/**
 * Standard output for the real process. Text written outside a long write (one event, a help page)
 * goes straight to descriptor 1: creating process.stdout loads Node's stream and socket modules, a
 * large part of a short run's start-up. Long writes (`--ndjson`, `--array`, and whatever follows
 * them) use process.stdout, whose asynchronous writes let Ctrl-C be handled while a slow reader keeps
 * the pipe full; so does everything after a descriptor that refuses to block (EAGAIN).
 */
export function createStdout(fail: StdoutFailure) {
  let stream: NodeJS.WriteStream | undefined;
  const streamed = (): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = process.stdout;
      stream.on('error', fail);
    }
    return stream;
  };
  const toStream = (text: string | Uint8Array): void | Promise<void> => {
    const out = streamed();
    return out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve));
  };
  return {
    /** Whether anything went through process.stdout, whose writes may still be queued. */
    get streamed(): boolean {
      return stream !== undefined;
    },
    /** Writes `text`; `mayBlock` says a blocking write cannot keep a signal waiting (no long write is on). */
    write(text: string, mayBlock: boolean): void | Promise<void> {
      if (stream !== undefined || !mayBlock) return toStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(1, bytes, written);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') fail(error as NodeJS.ErrnoException);
        return toStream(bytes.subarray(written));
      }
    },
  };
}
