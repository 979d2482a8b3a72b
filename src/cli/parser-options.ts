import type { Options } from 'yargs';
import { UsageError } from '../core/errors.js';
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
    const spec = name === undefined || !Object.hasOwn(table, name) ? undefined : table[name];
    if (spec && spec.type !== 'boolean' && next !== undefined && /^-[^-]/.test(next) && next !== '-h') {
      joined.push(`${word}=${next}`);
      i++;
    } else joined.push(word);
  }
  return joined;
}

/** One `--name` or `--name=value` word of argv, before any `--`. */
interface OptionWord {
  name: string;
  value?: string;
}

function optionWords(args: readonly string[]): OptionWord[] {
  const words: OptionWord[] = [];
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('--') || arg.length === 2) continue;
    const eq = arg.indexOf('=');
    words.push(eq < 0 ? { name: arg.slice(2) } : { name: arg.slice(2, eq), value: arg.slice(eq + 1) });
  }
  return words;
}

/**
 * What yargs-parser cannot show afterwards: it reads `--compact=yes` as false and `--no-body` as
 * `body: false` (which would become the text "false", a file named false or a seed). Both parsers
 * refuse these words from argv itself, with the same message.
 */
export function misreadOption(args: readonly string[], table: OptionTable): UsageError | undefined {
  for (const { name, value } of optionWords(args)) {
    const spec = Object.hasOwn(table, name) ? table[name] : undefined;
    if (spec?.type === 'boolean' && value !== undefined && value !== 'true' && value !== 'false') {
      return new UsageError(`--${name} is a switch and takes no value`, `write --${name} or --no-${name}`);
    }
    if (spec !== undefined || !name.startsWith('no-')) continue;
    const positive = name.slice(3);
    const negated = Object.hasOwn(table, positive) ? table[positive] : undefined;
    if (negated?.type === 'boolean' && value !== undefined) {
      return new UsageError(`--${name} takes no value`, `write --${name}`);
    }
    if (negated !== undefined && negated.type !== 'boolean') {
      return new UsageError(
        `--${name} is not an option: --${positive} is not a switch`,
        `give --${positive} ${negated.valueName ?? '<value>'}, or leave it out for its default`,
      );
    }
  }
  return undefined;
}

/**
 * An option word naming a property every object has (`--constructor`, `--__proto__`, `--toString`):
 * yargs keeps options in plain objects and cannot hold these, so they are found in argv first.
 */
export function prototypeOptionName(args: readonly string[]): string | undefined {
  for (const { name } of optionWords(args)) {
    const bare = name.startsWith('no-') ? name.slice(3) : name;
    if (bare in Object.prototype || bare === '__proto__') return name;
  }
  return undefined;
}
