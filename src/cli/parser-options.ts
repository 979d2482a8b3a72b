import type { Options } from 'yargs';
import type { OptionSpec, OptionTable } from '../sources/source.js';

/**
 * How argv is read, shared by the full yargs parser and the fast path (src/cli/fast-parse.ts), so the two
 * can never read the same words differently. Type-only import of yargs: this file loads nothing.
 */
export const PARSER_CONFIGURATION = {
  'camel-case-expansion': false,
  'dot-notation': false,
  'duplicate-arguments-array': true,
  'parse-numbers': false,
  'parse-positional-numbers': false,
  'strip-aliased': true,
  'halt-at-non-option': false,
} as const;

/**
 * The flag the completion script calls gen-event with, followed by the words on the command line, the
 * last one being the word the user is completing (the yargs completion protocol).
 */
export const COMPLETION_REQUEST = '--get-yargs-completions';

/** One option of the option table as yargs declares it. */
export function toYargs(spec: OptionSpec): Options {
  // Values stay text: gen-event checks numbers itself, so `0042` or `1e9` never change on the way in.
  // Every value is parsed as text, so yargs's type tags would all say [string]: the value's shape
  // (`<n>`, `<file|->`) is shown in front of the description instead.
  // yargs's own [choices: …] tag is hidden with the type tags, so the allowed values are written here.
  const choices = spec.choices ? ` [one of: ${spec.choices.join(', ')}]` : '';
  const option: Options = {
    describe: `${spec.valueName ? `${spec.valueName} ` : ''}${spec.description}${choices}${spec.repeatable ? ' [repeatable]' : ''}`,
    type: spec.type === 'boolean' ? 'boolean' : 'string',
  };
  if (spec.type !== 'boolean') option.requiresArg = true;
  if (spec.choices) option.choices = [...spec.choices];
  return option;
}

/**
 * Lets a value start with `-` as it can after `=`: `--query -GK=x` is read as `--query=-GK=x`. yargs would
 * take `-GK=x` for short flags and leave --query without a value. Only a single dash followed by more is
 * joined: `-` alone is standard input, `-h` stays help, and a word starting with `--` is an option, for
 * which the missing-value error says to write `--opt=value`. Both parsers run argv through this first.
 */
export function joinDashValues(args: readonly string[], table: OptionTable): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    const next = args[i + 1];
    const name = word.startsWith('--') ? word.slice(2) : undefined;
    const spec = name === undefined ? undefined : table[name];
    if (spec && spec.type !== 'boolean' && next !== undefined && /^-[^-]/.test(next) && next !== '-h') {
      joined.push(`${word}=${next}`);
      i++;
    } else joined.push(word);
  }
  return joined;
}
