import { GenEventError, InterruptedError, STOP_SIGNALS, type StopSignal } from '../core/errors.js';
import { processInputReader } from '../core/inputs.js';
import { loadSource } from '../sources/catalog.js';
import type { CliIO } from './io.js';
import { listSources } from './list.js';
import { COMPLETION_REQUEST } from './parser-options.js';
import { builtCompletionTable, quickParse } from './quick-commands.js';
import { createStdout } from './stdout.js';

/** Exit statuses, as documented in the README. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70, ...STOP_SIGNALS } as const;

/**
 * The process boundary: the only place that turns errors into a stderr line and an exit status.
 * Returns the status instead of exiting, so tests drive the CLI in process.
 */
export async function main(args: readonly string[], io: CliIO): Promise<number> {
  try {
    // Tab completion reads the table the build wrote; only without it (tests) does it load yargs.
    if (args[0] === COMPLETION_REQUEST) {
      const table = builtCompletionTable();
      const words = table
        ? await (await import('./completion-words.js')).completions(args.slice(1), table)
        : await (await import('./completion.js')).completionsFromParser(args.slice(1));
      for (const word of words) await io.writeStdout(`${word}\n`);
      return EXIT.ok;
    }
    // Help, version, completion, list and check are answered without yargs when they can be.
    const quick = quickParse(args);
    // Only the source the run names is loaded (start-up does not grow with the number of sources).
    const named = quick !== undefined || args[0] === undefined ? undefined : await loadSource(args[0]);
    // The run's own code (yargs-parser, the engine, the writers) loads only for a run.
    const parsed =
      quick ??
      (named && (await import('./fast-parse.js')).fastParse(args, named)) ??
      (await (await import('./parser.js')).parseCommandLine(args));
    if (parsed.kind === 'text') {
      await io.writeStdout(parsed.text);
      return EXIT.ok;
    }
    if (parsed.command === 'list') {
      await io.writeStdout(listSources());
      return EXIT.ok;
    }
    // The checkers and the recipe code load only for the commands that use them.
    if (parsed.command === 'seed') {
      const { runSeed } = await import('./seed.js');
      return await runSeed(parsed.positionals, parsed.options, io);
    }
    if (parsed.command === 'check') {
      const { runCheck } = await import('./check.js');
      return await runCheck(parsed.positionals, parsed.options, io);
    }
    if (parsed.command === 'check-response') {
      const { runCheckResponse } = await import('./check-response.js');
      return await runCheckResponse(parsed.positionals, parsed.options, io);
    }
    if (parsed.command === 'context') {
      const { runContext } = await import('./context-command.js');
      await runContext(parsed.options, io);
      return EXIT.ok;
    }
    if (parsed.command === 'completion') {
      const { completionScript } = await import('./completion.js');
      await io.writeStdout(await completionScript());
      return EXIT.ok;
    }
    const source = parsed.command === named?.name ? named : await loadSource(parsed.command);
    if (!source) throw new Error(`command ${parsed.command} has no handler`);
    const { runSource } = await import('./run-source.js');
    await runSource(source, parsed.options, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InterruptedError) {
      io.writeStderr(`gen-event: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof GenEventError) {
      io.writeStderr(`gen-event: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    io.writeStderr(
      `gen-event: internal error: ${oneLine(String((error as Error)?.message ?? error))} (please report it)\n`,
    );
    return EXIT.internal;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The real process: stdout, stderr, files and stdin; quiet when the reader goes away. */
export async function runProcess(): Promise<void> {
  const stdout = createStdout((error) => {
    // `gen-event … | head -c 10`: the reader left; that is not an error of ours.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or a closed descriptor: say so in one line, as for every other failure.
    process.stderr.write(
      `gen-event: standard output cannot be written (${error.code ?? error.message}) (write with --out to another place)\n`,
    );
    process.exit(EXIT.input);
  });
  let writing = false;
  let stderrUsed = false;
  const io: CliIO = {
    writeStdout: (text) => stdout.write(text, !writing),
    writeStderr: (text) => {
      stderrUsed = true;
      process.stderr.write(text);
    },
    inputs: processInputReader,
    // Asked only when progress could be shown: process.stderr is made when first used.
    get stderrIsTTY() {
      stderrUsed = true;
      return process.stderr.isTTY === true;
    },
    // Outside a write no handler is installed: a signal ends the process at once, even in the middle
    // of a long build, and there is nothing to clean up.
    async whileWriting(work) {
      let caught: StopSignal | undefined;
      const stop = (signal: StopSignal) => {
        caught ??= signal;
      };
      const signals = Object.keys(STOP_SIGNALS) as StopSignal[];
      for (const signal of signals) process.on(signal, stop);
      writing = true;
      try {
        return await work(() => caught);
      } finally {
        for (const signal of signals) process.off(signal, stop);
      }
    },
  };
  const status = await main(process.argv.slice(2), io);
  // An interrupted write may leave a FIFO's open() waiting for a reader: end without waiting for it.
  if (status > 128) process.exit(status);
  // Output that went straight to descriptor 1 is all written and no stream holds queued writes:
  // nothing is left for the event loop, whose first turn would only run the young-generation
  // collection V8 has scheduled by then (about 1.3 ms of a 55 ms run on these machines).
  if (!stdout.streamed && !stderrUsed) process.exit(status);
  process.exitCode = status;
}
