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

/** The user interrupted a run that writes files; every file written is whole. Exit 130, as shells expect. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode = 130;
}
