import type { EventContext, ImpliedPlacement, RunContext } from '../core/context.js';
import type { ArgumentReader } from '../core/inputs.js';
import type { LibraryOptionTable } from '../core/option-shapes.js';

/** One command-line option of a source, described once for the parser, `--help`, completion and recipes. */
export interface OptionSpec {
  type: 'string' | 'number' | 'boolean';
  description: string;
  /** May be given more than once; the values arrive as an array. */
  repeatable?: boolean;
  choices?: readonly string[];
  /** Shown in `--help` as the option's value, e.g. `<name|arn>`. */
  valueName?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** Options as the CLI and recipes spell them: kebab-case names, strings, numbers, booleans, arrays. */
export type RawOptions = Readonly<Record<string, unknown>>;

/**
 * Builds one event; everything that can be done once per run was done before it was made. It keeps
 * nothing from one event to the next (all randomness comes from `ctx.rng`), so a long run can be
 * split between threads (src/cli/parallel-ndjson.ts) and still give the same bytes.
 */
export type EventBuilder = (ctx: EventContext) => unknown;

export interface Source<Options> {
  /** The name of its entry in src/sources/catalog.ts. */
  readonly name: string;
  readonly options: OptionTable;
  /** The library's options, as the run-time check reads them (src/core/option-shapes.ts). */
  readonly libraryOptions: LibraryOptionTable<Options>;
  /** `[command, what it does]`, shown in `--help` and the README. */
  readonly examples: readonly (readonly [string, string])[];
  /** The largest event the service could deliver, in bytes of compact JSON (FORMATS §1.6). */
  readonly sizeLimit: { bytes: number; what: string };
  /** Turns CLI-style options (from argv or a recipe) into the library's options, reading any files named. */
  fromRaw(raw: RawOptions, args: ArgumentReader): Promise<Options>;
  /**
   * Text to print instead of events when the options ask for it (e.g. `--list-triggers`), or
   * undefined for an ordinary run.
   */
  listing?(raw: RawOptions): string | undefined;
  /** The region and account the source's own options imply, e.g. from a queue ARN. */
  implied?(options: Options): ImpliedPlacement;
  /** Checks the options and does the once-per-run work (templates, lazy imports); returns the builder. */
  prepare(options: Options, run: RunContext): Promise<EventBuilder>;
}
