import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/sources/catalog.js';

// The built CLI (the build runs before the tests in `npm test`). esbuild marks each bundled module
// with a `// …node_modules/<package>/…` comment, which tells which packages a chunk carries.
const dist = new URL('../../dist/', import.meta.url);

const STATIC_IMPORT = /(?:^|\n)import\s*(?:[^;'"]*?from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

/** The text of every file reachable from `entry` by the given kinds of import. */
function reachable(entry: string, patterns: readonly RegExp[]): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(new URL(file, dist), 'utf8');
    seen.set(file, text);
    for (const pattern of patterns) for (const [, next] of text.matchAll(pattern)) visit(next as string);
  };
  visit(entry);
  return seen;
}

function packagesIn(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of files.values()) {
    for (const [, name] of text.matchAll(/\/\/ (?:\S*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//g)) {
      names.add(name as string);
    }
  }
  return names;
}

/** The project's own modules in the files, from the `// src/…` comment esbuild puts before each. */
function modulesIn(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of files.values()) {
    for (const [, name] of text.matchAll(/^\/\/ (src\/\S+\.ts)$/gm)) names.add(name as string);
  }
  return names;
}

describe('what the CLI loads before it runs', () => {
  const startup = packagesIn(reachable('./cli.js', [STATIC_IMPORT]));
  const everything = packagesIn(reachable('./cli.js', [STATIC_IMPORT, DYNAMIC_IMPORT]));

  it('loads yargs-parser at start-up, and yargs, faker, json-schema-faker and ajv only on demand', () => {
    expect(startup.has('yargs-parser')).toBe(true);
    for (const lazy of ['yargs', '@faker-js/faker', 'json-schema-faker', 'ajv']) {
      expect(everything.has(lazy), `${lazy} is bundled`).toBe(true);
      expect(startup.has(lazy), `${lazy} is loaded at start-up`).toBe(false);
    }
  });

  it('loads the catalog of sources at start-up, and no source until a run names it', () => {
    const modules = modulesIn(reachable('./cli.js', [STATIC_IMPORT]));
    expect(modules.has('src/sources/catalog.ts')).toBe(true);
    const sourceModules = [...modules].filter(
      (name) => name.startsWith('src/sources/') && name !== 'src/sources/catalog.ts',
    );
    expect(sourceModules).toStrictEqual([]);
    const all = modulesIn(reachable('./cli.js', [STATIC_IMPORT, DYNAMIC_IMPORT]));
    // Every source in the catalog, each in its own folder.
    for (const { name: source } of catalog) {
      expect(all.has(`src/sources/${source}/index.ts`), `${source} is bundled`).toBe(true);
    }
  });
});
