import { commonOptionTable } from '../core/common-options.js';
import { findEntry } from '../sources/catalog.js';
import type { OptionTable, Source } from '../sources/source.js';
import type { ParseResult } from './parser.js';
import { joinDashValues, misreadOption, prototypeOptionName } from './parser-options.js';

/** Option names as the command's tables spell them; anything else is left to the full parser. */
const OPTION_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Parses an ordinary run, `gen-event <source> --option value …`, without loading yargs or its parser
 * (most of the CLI's start-up time), reading only the forms an ordinary run has: `--name value`,
 * `--name=value`, a switch as `--name`, `--name=true|false` or `--no-name`, and a value option given
 * again for a list. Anything else — help, version, completion, an unknown option, a missing value, a
 * choice not allowed, a switch given twice or followed by `true`/`false`, extra words, `--` — returns
 * undefined and goes to the full parser, so help text, errors and suggestions have one source.
 * test/cli/fast-parse.test.ts proves the two agree, on chosen and on random argument vectors.
 */
export function fastParse(args: readonly string[], source: Source<unknown>): ParseResult | undefined {
  const command = args[0];
  if (command === undefined || findEntry(command)?.name !== source.name || args.includes('--'))
    return undefined;
  const table: OptionTable = { ...source.options, ...commonOptionTable };
  // The full parser words the error for these.
  if (misreadOption(args, table) || prototypeOptionName(args) !== undefined) return undefined;

  const words = joinDashValues(args, table).slice(1);
  const given: Record<string, string | string[] | boolean> = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith('--')) return undefined; // a second positional word, or short flags
    const eq = word.indexOf('=');
    let name = eq < 0 ? word.slice(2) : word.slice(2, eq);
    let value: string | boolean | undefined = eq < 0 ? undefined : word.slice(eq + 1);
    if (!Object.hasOwn(table, name) && name.startsWith('no-') && value === undefined) {
      name = name.slice(3);
      value = false;
      if (table[name]?.type !== 'boolean') return undefined;
    }
    if (!OPTION_NAME.test(name) || !Object.hasOwn(table, name)) return undefined;
    const spec = table[name];
    if (spec?.type === 'boolean') {
      if (Object.hasOwn(given, name)) return undefined;
      const next = words[i + 1];
      if (value === undefined && (next === 'true' || next === 'false')) return undefined;
      given[name] = value === undefined ? true : value === 'true';
      continue;
    }
    if (value === undefined) {
      const next = words[i + 1];
      // A value is any next word but an option; `-` alone is standard input.
      if (next === undefined || (next.startsWith('-') && next !== '-')) return undefined;
      value = next;
      i++;
    }
    if (typeof value !== 'string') return undefined;
    if (spec?.choices && !spec.choices.includes(value)) return undefined;
    const before = given[name];
    given[name] = before === undefined ? value : ([before, value].flat() as string[]);
  }
  return { kind: 'command', command, options: given, positionals: [] };
}
