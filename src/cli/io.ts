import type { InputReader } from '../core/inputs.js';

/** The process as the CLI sees it; tests and the fuzz harness hand in their own. */
export interface CliIO {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  inputs: InputReader;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTTY: boolean;
}
