import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The built command (the build runs before the tests in `npm test`): bin/gen-event.js requires
// dist/cli.cjs, the CommonJS form of dist/cli.js (scripts/commonjs-cli.mjs), whose chunks require each
// other at load (`var import_x = require(...)`) or when a lazy import is reached. esbuild marks each
// bundled module in the ES chunks with a `// …node_modules/<package>/…` or `// src/…` comment; each
// `.cjs` chunk is its `.js` namesake, so the markers are read there.
const dist = new URL('../../dist/', import.meta.url);

const STATIC_REQUIRE = /^var \w+ = (?:__toESM\()?require\("(\.\/[^"]+\.cjs)"\)/gm;
const LAZY_REQUIRE = /\.then\(\(\) => __toESM\(require\("(\.\/[^"]+\.cjs)"\)\)\)/g;
const BUILTIN_REQUIRE = /\brequire\("(node:[^"]+|[a-z_]+)"\)/g;

/** The text of every `.cjs` file reachable from `entry` by the given kinds of require. */
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

/** The ES module text each `.cjs` file was made from, which keeps esbuild's markers. */
function esText(files: Map<string, string>): string[] {
  return [...files.keys()].map((file) => readFileSync(new URL(file.replace(/\.cjs$/, '.js'), dist), 'utf8'));
}

function packagesIn(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of esText(files)) {
    for (const [, name] of text.matchAll(/\/\/ (?:\S*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//g)) {
      names.add(name as string);
    }
  }
  return names;
}

/** The project's own modules in the files, from the `// src/…` comment esbuild puts before each. */
function modulesIn(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of esText(files)) {
    for (const [, name] of text.matchAll(/^\/\/ (src\/\S+\.ts)$/gm)) names.add(name as string);
  }
  return names;
}

function builtinsIn(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of files.values()) {
    for (const [, name] of text.matchAll(BUILTIN_REQUIRE)) names.add((name as string).replace(/^node:/, ''));
  }
  return names;
}

describe('what the command loads before it runs', () => {
  const startupFiles = reachable('./cli.cjs', [STATIC_REQUIRE]);
  const allFiles = reachable('./cli.cjs', [STATIC_REQUIRE, LAZY_REQUIRE]);

  it('starts from CommonJS, without the ES module loader', () => {
    expect(readFileSync(new URL('../bin/gen-event.js', dist), 'utf8')).toContain(
      "require('../dist/cli.cjs');",
    );
    expect(JSON.parse(readFileSync(new URL('../bin/package.json', dist), 'utf8'))).toStrictEqual({
      type: 'commonjs',
    });
    for (const text of allFiles.values()) expect(text).not.toMatch(/\bimport\(|^import /m);
  });

  it('loads no package at start-up: yargs-parser, yargs, faker, json-schema-faker and ajv only on demand', () => {
    expect([...packagesIn(startupFiles)]).toStrictEqual([]);
    const everything = packagesIn(allFiles);
    for (const lazy of ['yargs-parser', 'yargs', '@faker-js/faker', 'json-schema-faker', 'ajv']) {
      expect(everything.has(lazy), `${lazy} is bundled`).toBe(true);
    }
  });

  it('loads only the built-in modules every command needs at start-up', () => {
    // worker_threads, os, v8, net, fs/promises, crypto and the rest load when a run needs them.
    expect([...builtinsIn(startupFiles)].sort()).toStrictEqual(['buffer', 'fs', 'url']);
  });

  it('loads the catalog of sources at start-up, and no source, checker or run code until a run needs it', () => {
    const modules = modulesIn(startupFiles);
    expect(modules.has('src/sources/catalog.ts')).toBe(true);
    expect(modules.has('src/cli/quick-commands.ts')).toBe(true);
    const runModules = [...modules].filter(
      (name) =>
        (name.startsWith('src/sources/') && name !== 'src/sources/catalog.ts') ||
        name.startsWith('src/check/') ||
        /^src\/cli\/(run-source|fast-parse|parser|check|seed|event-output|parallel-ndjson)\.ts$/.test(name),
    );
    expect(runModules).toStrictEqual([]);
    const all = modulesIn(allFiles);
    for (const source of ['sqs', 'alb', 'apigw-v1', 'apigw-v2', 'function-url', 'direct']) {
      expect(all.has(`src/sources/${source}/index.ts`), `${source} is bundled`).toBe(true);
    }
  });
});
