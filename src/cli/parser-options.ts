import type { Options } from 'yargs';
import type { OptionSpec } from '../sources/source.js';

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
