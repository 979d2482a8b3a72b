import type { OptionTable } from '../sources/source.js';

/** A command of the CLI besides the sources, with the options it takes. */
export interface CommandSpec {
  name: string;
  aliases: readonly string[];
  summary: string;
  /** Positional arguments, as yargs writes them: `<recipe>`, `[files..]`. */
  positionals?: string;
  /** The words its first positional is one of, offered by Tab completion (none: any word). */
  firstArguments?: () => Promise<readonly string[]>;
  options: OptionTable;
  examples: readonly (readonly [string, string])[];
}
