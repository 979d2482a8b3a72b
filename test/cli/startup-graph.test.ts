import { readdirSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { responseCheckers } from '../../src/check/response-registry.js';
import { catalog } from '../../src/sources/catalog.js';

// The built command (the build runs before the tests in `npm test`): bin/gen-event.js, the loader,
// runs dist/cli-start.cjs, the CommonJS form of the chunks of dist/cli.js
// that start-up loads, joined into one file; each lazy import loads dist/cli-<chunk>.cjs when reached
// (scripts/commonjs-cli.mjs). Each file says
// which chunks it holds (`__define("chunk-…"`), and esbuild marks each bundled module in the ES chunks
// with a `// …node_modules/<package>/…` or `// src/…` comment, so the markers are read there.
const dist = new URL('../../dist/', import.meta.url);

const DEFINED = /__define\("([\w-]+)"/g;
/** `require("…")` of a built-in, in the build's double quotes or the loader's single ones. */
const BUILTIN_REQUIRE = /\brequire\(["'](node:[^"']+|[a-z_]+)["']\)/g;

/** The chunks a file of the command holds, with their CommonJS text (the whole file). */
function chunksOf(file: string): Map<string, string> {
  const text = readFileSync(new URL(file, dist), 'utf8');
  return new Map([...text.matchAll(DEFINED)].map(([, chunk]) => [chunk as string, text]));
}

const commandFiles = readdirSync(dist).filter((file) => /^cli(-[\w-]+)?\.cjs$/.test(file));

/** The ES module text each chunk was made from, which keeps esbuild's markers. */
function esText(files: Map<string, string>): string[] {
  return [...files.keys()].map((chunk) => readFileSync(new URL(`${chunk}.js`, dist), 'utf8'));
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
  for (const text of new Set(files.values())) {
    for (const [, name] of text.matchAll(BUILTIN_REQUIRE)) names.add((name as string).replace(/^node:/, ''));
  }
  return names;
}

describe('what the command loads before it runs', () => {
  const startupFiles = chunksOf('cli-start.cjs');
  const allFiles = new Map(commandFiles.flatMap((file) => [...chunksOf(file)]));

  it('starts from CommonJS in one file, without the ES module loader', () => {
    expect(JSON.parse(readFileSync(new URL('../bin/package.json', dist), 'utf8'))).toStrictEqual({
      type: 'commonjs',
    });
    for (const text of allFiles.values()) expect(text).not.toMatch(/\bimport\(|^import |require\("\.\//m);
    // The loader holds no chunk, and requires only the built-ins it finds and compiles the files with.
    const loader = readFileSync(new URL('../bin/gen-event.js', dist), 'utf8');
    expect(loader).not.toMatch(/__define\("/);
    expect([...loader.matchAll(BUILTIN_REQUIRE)].map(([, name]) => name)).toStrictEqual([
      'node:fs',
      'node:path',
      'node:vm',
    ]);
    // The file the loader's map names for a chunk defines it (a chunk can be in more files than one).
    const fileOf = JSON.parse(readFileSync(new URL('cli-files.json', dist), 'utf8')) as Record<
      string,
      string
    >;
    for (const [chunk, file] of Object.entries(fileOf)) {
      expect(chunksOf(`${file}.cjs`).has(chunk), `${chunk} in ${file}`).toBe(true);
    }
    expect(Object.keys(fileOf)).toEqual(expect.arrayContaining([...allFiles.keys()]));
  });

  it('compiles each file of the command with the V8 code cache the build wrote for this Node', () => {
    for (const file of commandFiles) {
      const filename = new URL(file, dist);
      const script = new Script(readFileSync(filename, 'utf8'), {
        cachedData: readFileSync(new URL(`${file}.cache`, dist)),
      });
      expect(script.cachedDataRejected, file).toBe(false);
    }
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
        /^src\/cli\/(run-source|fast-parse|parser|check|check-response|seed|event-output|parallel-ndjson)\.ts$/.test(
          name,
        ),
    );
    expect(runModules).toStrictEqual([]);
    const all = modulesIn(allFiles);
    // Every source in the catalog, each in its own folder.
    for (const { name: source } of catalog) {
      expect(all.has(`src/sources/${source}/index.ts`), `${source} is bundled`).toBe(true);
    }
  });

  it('loads each response checker on its own, only when check-response names its source', () => {
    const responseModule = /^src\/sources\/[\w-]+\/response\.ts$/;
    expect([...modulesIn(startupFiles)].filter((name) => responseModule.test(name))).toStrictEqual([]);
    for (const source of Object.keys(responseCheckers)) {
      const module = `src/sources/${source}/response.ts`;
      // The chunk that holds this checker holds no other source's checker.
      const holders = [...allFiles.keys()].filter((chunk) => modulesIn(new Map([[chunk, '']])).has(module));
      expect(holders, `${module} is bundled once`).toHaveLength(1);
      const others = [...modulesIn(new Map([[holders[0] as string, '']]))].filter(
        (name) => responseModule.test(name) && name !== module,
      );
      expect(others, `${module} loads alone`).toStrictEqual([]);
    }
  });

  /**
   * The file a lazy import of `module` loads: of the files holding it, the one with the fewest chunks
   * (each lazy import has its own file, holding what it needs beyond start-up; the others hold it too
   * because something they load imports it).
   */
  function fileLoading(module: string): Map<string, string> {
    const holding = commandFiles
      .map((file) => chunksOf(file))
      .filter((files) => modulesIn(files).has(module))
      .sort((a, b) => a.size - b.size);
    expect(holding.length, `${module} is in a file`).toBeGreaterThan(0);
    return holding[0] as Map<string, string>;
  }

  it('check loads every detector and no checker, source or yargs until an event matched one', () => {
    const files = fileLoading('src/cli/check.ts');
    const modules = [...modulesIn(files)];
    expect(modules).toContain('src/check/registry.ts');
    for (const { name: source } of catalog) {
      if (source === 'direct') continue; // a direct invocation is any JSON: no checker detects it
      expect(modules, source).toContain(`src/sources/${source}/detect.ts`);
    }
    expect(modules.filter((name) => /^src\/sources\/[\w-]+\/(check|index)\.ts$/.test(name))).toStrictEqual(
      [],
    );
    expect([...packagesIn(files)]).toStrictEqual([]);
  });

  it('Tab completion loads no yargs and no source', () => {
    const files = fileLoading('src/cli/completion-words.ts');
    expect([...packagesIn(files)]).toStrictEqual([]);
    expect([...modulesIn(files)].filter((name) => name.startsWith('src/sources/'))).toStrictEqual([]);
  });
});
