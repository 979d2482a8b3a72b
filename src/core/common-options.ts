import type { OptionSpec, OptionTable, RawOptions } from '../sources/source.js';
import type { RunOptions } from './context.js';
import { type ArgumentReader, DEFAULT_MAX_INPUT, MAX_INPUT_LIMIT } from './inputs.js';
import {
  callback,
  either,
  flag,
  instance,
  json,
  type LibraryOptionTable,
  list,
  number,
  text,
} from './option-shapes.js';
import { checkNoForbiddenKeys, parseSetArg, type SetOperation } from './overrides.js';
import { givenOnly, optionalBoolean, optionalInteger, optionalString, stringList } from './raw-options.js';

/** Options every source takes, with the edits applied last of all. */
export interface CommonOptions extends RunOptions {
  /** `path=value` edits (CLI syntax), applied verbatim after `override`. */
  set?: readonly string[];
  /** A partial event deep-merged into the generated one (arrays element by element). */
  override?: unknown;
  /** Turn warnings (an event over a size limit…) into errors. */
  strict?: boolean;
}

/** `--max-input`, taken by every source, `seed` and `check`: the most bytes one input may have. */
export const maxInputOption: OptionSpec = {
  type: 'string',
  valueName: '<bytes>',
  description: `Largest input read from a file or standard input, in bytes (default ${DEFAULT_MAX_INPUT})`,
};

/** The `--max-input` given, or the default. */
export function maxInputFromRaw(raw: RawOptions): number {
  return optionalInteger(raw, 'max-input', 1, MAX_INPUT_LIMIT) ?? DEFAULT_MAX_INPUT;
}

export const commonOptionTable: OptionTable = {
  seed: {
    type: 'string',
    valueName: '<int|string>',
    description: 'Same arguments + same seed = identical output',
  },
  time: {
    type: 'string',
    valueName: '<ISO-8601|epoch-ms>',
    description: 'When the event happened (default: now; with --seed, an instant fixed by the seed)',
  },
  region: {
    type: 'string',
    valueName: '<name>',
    description: 'AWS region of every ARN and region field (default us-east-1)',
  },
  'account-id': {
    type: 'string',
    valueName: '<12 digits>',
    description: 'Account of every ARN (default: a random realistic id)',
  },
  set: {
    type: 'string',
    repeatable: true,
    valueName: '<path>=<value>',
    description:
      'Edit the final JSON, e.g. Records[0].attributes.SenderId=X or headers["a.b"]=1 (a key with . ] or = is quoted as a JSON string; value parsed as JSON when it is JSON)',
  },
  merge: {
    type: 'string',
    valueName: '<file|->',
    description: 'Deep-merge a partial event (arrays merge element by element)',
  },
  'max-input': maxInputOption,
  strict: { type: 'boolean', description: 'Treat warnings (an event over a service limit) as errors' },
  out: {
    type: 'string',
    valueName: '<file|dir/>',
    description:
      'Write to a file, or one file per event into a folder (a path ending in / or an existing folder)',
  },
  force: { type: 'boolean', description: 'Allow --out to replace existing files' },
  compact: { type: 'boolean', description: 'One line of JSON instead of 2-space indented' },
  count: {
    type: 'number',
    valueName: '<n>',
    description: 'Generate n independent events (with --ndjson or --out <dir>/)',
  },
  ndjson: {
    type: 'boolean',
    description: 'One compact event per line, streamed (to stdout or --out <file>)',
  },
  array: {
    type: 'boolean',
    description: 'One JSON array of the --count events (for test.each tables), to stdout or --out <file>',
  },
  name: {
    type: 'string',
    valueName: '<pattern>',
    description: "File names in an --out folder, e.g. 'order-{n}.json' (default '{source}-{n}.json')",
  },
};

/** The library's common options, checked at run time (src/core/library-options.ts). */
export const commonLibraryOptions: LibraryOptionTable<CommonOptions> = {
  seed: either(text(), number()),
  time: either(text(), either(number(), instance(Date, 'a Date'))),
  region: text(),
  accountId: text(),
  onWarning: callback<(message: string) => void>(),
  set: list(text()),
  override: json(),
  strict: flag(),
};

/** Reads the common options from CLI-style values. */
export async function commonFromRaw(raw: RawOptions, args: ArgumentReader): Promise<CommonOptions> {
  const merge = optionalString(raw, 'merge');
  let override: unknown;
  if (merge !== undefined) {
    override = await args.readJsonFromFile(merge, '--merge');
    checkNoForbiddenKeys(override, '--merge');
  }
  const set = stringList(raw, 'set');
  set.forEach(parseSetArg); // refuse bad paths before any work is done
  return {
    set,
    override,
    ...givenOnly({
      seed: optionalString(raw, 'seed'),
      time: optionalString(raw, 'time'),
      region: optionalString(raw, 'region'),
      accountId: optionalString(raw, 'account-id'),
      strict: optionalBoolean(raw, 'strict'),
    }),
  };
}

export function parseSetOperations(set: readonly string[] | undefined): SetOperation[] {
  return (set ?? []).map(parseSetArg);
}
