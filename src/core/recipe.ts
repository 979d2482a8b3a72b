import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadSource, sourceNames } from '../sources/catalog.js';
import type { RawOptions, Source } from '../sources/source.js';
import { closest } from './closest.js';
import { commonOptionTable } from './common-options.js';
import { UsageError } from './errors.js';
import { checkRelativeFileName } from './file-names.js';
import { type InputReader, parseJson } from './inputs.js';
import { lstatOrUndefined } from './output.js';
import { checkNoForbiddenKeys } from './overrides.js';
import { optionalBoolean } from './raw-options.js';
import { isPlainObject } from './template.js';

/**
 * A recipe names fixtures, each with its source and its options (the CLI's, in JSON form), plus an
 * optional output folder (relative to the recipe) and base seed. Each fixture's seed derives from the
 * base seed and its name, so adding a fixture leaves the others byte-identical.
 */
export interface Recipe {
  /** The folder the fixtures are written to. */
  outDir: string;
  /** The recipe file itself, which is never reported as an extra file. */
  path: string;
  fixtures: RecipeFixture[];
}

export interface RecipeFixture {
  name: string;
  /** `<name>.json`, relative to the output folder. */
  file: string;
  source: Source<unknown>;
  /** CLI-style options, with the derived seed filled in. */
  options: RawOptions;
  /** A `merge` given inline as an object. */
  override?: unknown;
  compact: boolean;
}

export const DEFAULT_BASE_SEED = 'gen-event';

/** Options that decide where a CLI run writes; a recipe decides that itself. */
const NOT_IN_RECIPES = new Set(['out', 'force', 'count', 'ndjson', 'array', 'name', 'max-input']);

export interface RecipeRules {
  /** Whether `out` may name a folder outside the recipe's own folder, or an absolute one. */
  allowOutside?: boolean;
}

export async function parseRecipe(
  text: string,
  path: string,
  { allowOutside = false }: RecipeRules = {},
): Promise<Recipe> {
  const document = parseJson(text, path);
  const fail = (what: string, hint: string): never => {
    throw new UsageError(`${path}: ${what}`, hint);
  };
  if (!isPlainObject(document))
    return fail('a recipe is a JSON object', 'see the recipe format in the README');
  checkNoForbiddenKeys(document, path);
  for (const key of Object.keys(document)) {
    if (!['out', 'seed', 'fixtures', '$comment'].includes(key)) {
      fail(`unknown key '${key}'`, 'a recipe has out, seed and fixtures');
    }
  }
  const { out = '.', seed = DEFAULT_BASE_SEED, fixtures } = document as Record<string, unknown>;
  if (typeof out !== 'string' || out.length === 0) fail('out is a folder name', 'e.g. "out": "events"');
  if (typeof seed !== 'string' && typeof seed !== 'number')
    fail('seed is text or a number', 'e.g. "seed": "v1"');
  if (!isPlainObject(fixtures) || Object.keys(fixtures).length === 0) {
    fail('fixtures is an object of named fixtures', 'e.g. "fixtures": {"order-created": {"source": "sqs"}}');
  }
  const recipeDir = dirname(path);
  const outDir = isAbsolute(out as string) ? (out as string) : resolve(recipeDir, out as string);
  if (!allowOutside && (isAbsolute(out as string) || !inside(recipeDir, outDir))) {
    fail(
      `out ${JSON.stringify(out)} is ${isAbsolute(out as string) ? 'an absolute path' : "outside the recipe's folder"}`,
      "name a folder inside the recipe's folder, or run with --allow-outside to allow it",
    );
  }
  const parsed: RecipeFixture[] = [];
  for (const [name, entry] of Object.entries(fixtures as Record<string, unknown>)) {
    parsed.push(await parseFixture(name, entry, String(seed), path));
  }
  return { outDir, path: resolve(path), fixtures: parsed };
}

async function parseFixture(
  name: string,
  entry: unknown,
  baseSeed: string,
  path: string,
): Promise<RecipeFixture> {
  const where = `${path}: fixture '${name}'`;
  const file = checkRelativeFileName(`${name}.json`, `${path}: fixture name`);
  if (!isPlainObject(entry))
    throw new UsageError(`${where} is not an object`, 'give {"source": "...", "options": {...}}');
  for (const key of Object.keys(entry)) {
    if (key !== 'source' && key !== 'options') {
      throw new UsageError(`${where} has the unknown key '${key}'`, 'a fixture has source and options');
    }
  }
  const sourceName = entry.source;
  const source = typeof sourceName === 'string' ? await loadSource(sourceName) : undefined;
  if (!source) {
    const names = sourceNames;
    const guess = typeof sourceName === 'string' ? closest(sourceName, names) : undefined;
    throw new UsageError(
      `${where} has the unknown source ${JSON.stringify(sourceName ?? null)}`,
      guess ? `did you mean ${guess}?` : `use one of ${names.join(', ')}`,
    );
  }
  const options: Record<string, unknown> = { ...(isPlainObject(entry.options) ? entry.options : {}) };
  if (entry.options !== undefined && !isPlainObject(entry.options)) {
    throw new UsageError(
      `${where}: options is not an object`,
      'give the CLI options as {"body": "...", ...}',
    );
  }
  const known = [...Object.keys(source.options), ...Object.keys(commonOptionTable)].filter(
    (o) => !NOT_IN_RECIPES.has(o),
  );
  for (const [key, value] of Object.entries(options)) {
    if (!known.includes(key)) {
      const guess = closest(key, known);
      throw new UsageError(
        `${where} has the unknown option '${key}' for ${source.name}`,
        guess ? `did you mean '${guess}'?` : `see gen-event ${source.name} --help`,
      );
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.includes('-'))
      throw new UsageError(`${where}: '${key}' reads standard input`, 'name a file instead');
  }
  let override: unknown;
  if (isPlainObject(options.merge) || Array.isArray(options.merge)) {
    override = options.merge;
    delete options.merge;
  }
  const compact = optionalBoolean(options, 'compact') === true;
  delete options.compact;
  if (options.seed === undefined) options.seed = `${baseSeed}/${name}`;
  return override === undefined
    ? { name, file, source, options, compact }
    : { name, file, source, options, override, compact };
}

/**
 * Whether `path` lies inside `folder` once symbolic links are followed: the deepest part of `path`
 * that exists is resolved, so a link inside the folder that leads out of it counts as outside.
 */
function inside(folder: string, path: string): boolean {
  const real = realExisting(path);
  if (real === undefined) return false;
  const within = relative(realExisting(folder) ?? resolve(folder), real);
  return within === '' || (!within.startsWith('..') && !isAbsolute(within));
}

/**
 * The path with its deepest existing part resolved through symbolic links, the rest as written;
 * undefined when a symbolic link on the way leads nowhere (where it would lead is unknown).
 */
function realExisting(path: string): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...missing);
    } catch {
      if (lstatOrUndefined(at)?.isSymbolicLink()) return undefined;
      if (dirname(at) === at) return resolve(path);
      missing.unshift(basename(at));
    }
  }
}

/** An InputReader for a recipe's files that remembers which files were read. */
export interface RecipeInputReader extends InputReader {
  readonly filesRead: readonly string[];
}

/** Reads files named in a recipe (`@file`, `merge`, schemas) relative to the recipe's folder. */
export function recipeInputReader(reader: InputReader, recipePath: string): RecipeInputReader {
  const base = dirname(recipePath);
  const filesRead: string[] = [];
  return {
    filesRead,
    openFile: (file) => {
      const path = isAbsolute(file) ? file : resolve(base, file);
      filesRead.push(path);
      return reader.openFile(path);
    },
    openStdin: () => {
      throw new UsageError('a recipe cannot read standard input', 'name a file instead');
    },
  };
}
