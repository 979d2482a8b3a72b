import type { StopSignal } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';

/** The process as the CLI sees it; tests and the fuzz harness hand in their own. */
export interface CliIO {
  /** Resolves once the text is handed on; a slow reader makes it wait (backpressure). */
  writeStdout(text: string): void | Promise<void>;
  writeStderr(text: string): void;
  inputs: InputReader;
  /** Whether stderr is a terminal: progress is shown only there. */
  stderrIsTTY: boolean;
  /**
   * Runs a write during which Ctrl-C, SIGTERM and SIGHUP are reported through `interrupted()` (the
   * signal, or undefined) instead of ending the process at once, so the writer can stop between
   * whole files and clean up. Outside it a signal ends the process at once: nothing needs cleaning.
   */
  whileWriting<T>(work: (interrupted: () => StopSignal | undefined) => Promise<T>): Promise<T>;
}
