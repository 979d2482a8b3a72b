import Parser from 'yargs-parser';
import { commonOptionTable } from '../core/common-options.js';
import { findEntry } from '../sources/catalog.js';
import type { OptionTable, Source } from '../sources/source.js';
import type { ParseResult } from './parser.js';
import {
  joinDashValues,
  misreadOption,
  PARSER_CONFIGURATION,
  prototypeOptionName,
  toYargs,
} from './parser-options.js';

/** The flags createParser adds to every command (`.help('help').alias('help', 'h').version('version')`). */
const YARGS_FLAGS = ['help', 'version'];
const YARGS_ALIASES = { help: ['h'] };

/** What yargs hands yargs-parser for one command, derived from the same option table. */
interface ParserHints {
  parserOptions: Parser.Options;
  choices: Record<string, readonly unknown[]>;
}

/**
 * Parses an ordinary run, `gen-event <source> --option value …`, without loading yargs (most of the
 * CLI's start-up time): yargs-parser, the parser yargs itself runs, gets the hints yargs would give it
 * for that source's options. Anything else — help, version, completion, an unknown option, a missing
 * value, a choice not allowed, extra words, `--` — returns undefined and goes to the full parser, so
 * help text, errors and suggestions have one source. test/cli/fast-parse.test.ts proves the two agree.
 */
export function fastParse(args: readonly string[], source: Source<unknown>): ParseResult | undefined {
  const command = args[0];
  if (command === undefined || findEntry(command)?.name !== source.name || args.includes('--'))
    return undefined;
  const table: OptionTable = { ...source.options, ...commonOptionTable };
  // The full parser words the error for these.
  if (misreadOption(args, table) || prototypeOptionName(args) !== undefined) return undefined;
  const hints = parserHints(table);
  if (hints === undefined) return undefined;

  const { argv, error } = Parser.detailed(joinDashValues(args, table), hints.parserOptions);
  if (error) return undefined;
  const { _: positionals, ...given } = argv;
  if (positionals.length !== 1 || positionals[0] !== command) return undefined;
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(table, name)) return undefined; // help, version, completion or a typo
    const allowed = hints.choices[name];
    if (allowed && [value].flat().some((item) => item !== undefined && !allowed.includes(item))) {
      return undefined;
    }
  }
  return { kind: 'command', command, options: given, positionals: [] };
}

/**
 * The parser hints yargs derives from `.option(name, toYargs(spec))`: type, requiresArg (yargs's
 * `narg: NaN`) and choices. An option using any other yargs feature makes the fast path step aside.
 */
function parserHints(table: OptionTable): ParserHints | undefined {
  const boolean = [...YARGS_FLAGS];
  const string: string[] = [];
  const narg: Record<string, number> = {};
  const choices: Record<string, readonly unknown[]> = {};
  for (const [name, spec] of Object.entries(table)) {
    const { describe: _description, type, requiresArg, choices: allowed, ...unhandled } = toYargs(spec);
    if (Object.keys(unhandled).length > 0) return undefined;
    if (type === 'boolean') boolean.push(name);
    else if (type === 'string') string.push(name);
    else return undefined;
    if (requiresArg) narg[name] = Number.NaN;
    if (allowed !== undefined) choices[name] = [allowed].flat();
  }
  return {
    parserOptions: {
      alias: YARGS_ALIASES,
      boolean,
      string,
      narg,
      configuration: { ...PARSER_CONFIGURATION, 'populate--': true },
    },
    choices,
  };
}
