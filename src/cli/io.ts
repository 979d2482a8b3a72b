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
   * Runs a long write during which Ctrl-C is reported through `interrupted()` instead of ending the
   * process at once, so the writer can stop between whole files and clean up.
   */
  whileWriting<T>(work: (interrupted: () => boolean) => Promise<T>): Promise<T>;
}
