/**
 * The two kinds of failure a person can act on. The library throws them; only the CLI's
 * process boundary turns them into a stderr line and an exit status.
 */
export abstract class GenEventError extends Error {
  abstract readonly exitCode: 1 | 2;

  /** `what` says what is wrong, `hint` what to do about it. */
  constructor(
    readonly what: string,
    readonly hint: string,
  ) {
    super(`${what} (${hint})`);
  }
}

/** A bad option, a bad value, a combination the target service would refuse: exit 2. */
export class UsageError extends GenEventError {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** A file, stream or document that cannot be read or parsed: exit 1. */
export class InputError extends GenEventError {
  override readonly name = 'InputError';
  readonly exitCode = 1;
}

/** The signals that stop a write between whole files, and the exit status shells give each (128 + its number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** A signal stopped a run that writes files; every file written is whole. Exit 128 + the signal's number. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode: number;

  /** `progress` says what was done, e.g. `after 576 of 50000 files (each written file is whole)`. */
  constructor(signal: StopSignal, progress: string) {
    super(`${signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`} ${progress}`);
    this.exitCode = STOP_SIGNALS[signal];
  }
}
