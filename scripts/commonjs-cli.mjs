/**
 * The command's start-up path in CommonJS, in few files. Node's ES module loader costs a few
 * milliseconds per process before any code runs, and each file a process loads costs its own look-up,
 * read and compile; `require` of one CommonJS file pays neither. So the chunks the command reaches
 * from dist/cli.js are written again as CommonJS (import turned into require) and joined:
 *
 * - dist/cli-files.json names the file that holds each chunk, for the loader, bin/gen-event.js;
 * - dist/cli-start.cjs holds every chunk start-up loads;
 * - dist/cli-<chunk>.cjs holds, for each lazy import, the chunks it loads that start-up did not; a
 *   source's file also leaves out what the run machinery's files (the command-line reader and
 *   run-source) hold, since every source run reads those first or alongside it.
 *
 * The loader compiles each file itself (node:vm) with the V8 code cache that scripts/code-cache.mjs
 * writes beside it (`<file>.cjs.cache`), so a run skips parsing and compiling what it runs; a cache
 * this Node's V8 does not accept (another version, other flags) is ignored and the file compiles from
 * its text, as without one.
 *
 * A run still loads only what it uses (a source's file when it names the source), each chunk runs at
 * most once per process however many files hold it, and the library (dist/index.js) and the NDJSON
 * worker stay ES modules.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const STATIC_IMPORT = /(?:^|\n)import\s*(?:[^;'"]*?from\s*)?["']\.\/([\w-]+)\.js["']/g;
const LAZY_IMPORT = /\bimport\(\s*["']\.\/([\w-]+)\.js["']\s*\)/g;
/** Files a chunk names but never imports (the worker is started by path and stays an ES module). */
const NOT_CONVERTED = new Set(['ndjson-worker']);

const esText = new Map();
const read = (name) => {
  if (!esText.has(name)) esText.set(name, readFileSync(new URL(`${name}.js`, dist), 'utf8'));
  return esText.get(name);
};
const importsOf = (name, pattern) =>
  [...read(name).matchAll(pattern)].map(([, next]) => next).filter((next) => !NOT_CONVERTED.has(next));

/** Whether the chunk bundles the module (esbuild marks each with a `// src/…` comment). */
const hasModule = (name, module) => `\n${read(name)}`.includes(`\n// ${module}\n`);

/** `name` and every chunk it imports at load, in the order they first appear. */
function staticClosure(name, into = new Set()) {
  if (into.has(name)) return into;
  into.add(name);
  for (const next of importsOf(name, STATIC_IMPORT)) staticClosure(next, into);
  return into;
}

// The files: start-up's, then one per lazy import target, each less what start-up already holds.
const startup = staticClosure('cli');
const files = new Map([['cli-start', startup]]);
const pending = [...startup];
while (pending.length > 0) {
  for (const target of importsOf(pending.pop(), LAZY_IMPORT)) {
    if (files.has(`cli-${target}`) || startup.has(target)) continue;
    const chunks = new Set([...staticClosure(target)].filter((chunk) => !startup.has(chunk)));
    files.set(`cli-${target}`, chunks);
    pending.push(...chunks);
  }
}
// Every source run loads the run machinery before its source: the fast command-line reader and
// run-source (the engine, the writers and the core they share). A source's file leaves out what those
// two files hold, so a run reads each chunk once instead of once per file that holds it.
// (Other commands' files hold them too, e.g. seed's; the file of the import itself is the smallest.)
const smallestHolding = (marker) =>
  [...files]
    .filter(([file, chunks]) => file !== 'cli-start' && [...chunks].some((c) => hasModule(c, marker)))
    .sort(([, a], [, b]) => a.size - b.size)[0];
const runFiles = [smallestHolding('src/cli/fast-parse.ts'), smallestHolding('src/cli/run-source.ts')];
// run-source's file leaves out what the reader's holds (a run through yargs reads that file too).
const [[, readerChunks], [runSourceFile, runSourceChunks]] = runFiles;
for (const chunk of readerChunks) if (chunk !== runSourceFile.slice(4)) runSourceChunks.delete(chunk);
const runChunks = new Set(runFiles.flatMap(([, chunks]) => [...chunks]));
const catalogChunk = [...startup].find((chunk) => hasModule(chunk, 'src/sources/catalog.ts'));
for (const target of importsOf(catalogChunk, LAZY_IMPORT)) {
  const chunks = files.get(`cli-${target}`);
  for (const chunk of [...chunks]) if (chunk !== target && runChunks.has(chunk)) chunks.delete(chunk);
}

/** Which file to load for a chunk not yet defined: the run machinery's, else the first that holds it. */
const fileOf = new Map();
for (const [file, chunks] of [...runFiles, ...files])
  for (const chunk of chunks) if (!fileOf.has(chunk)) fileOf.set(chunk, file);

/** One chunk as CommonJS, its imports of other chunks going through `__chunk`. */
function commonJs(name) {
  const source = read(name);
  const { code } = transformSync(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // `import()` of a chunk becomes a load when reached: lazy as before, without the ES loader.
    supported: { 'dynamic-import': false },
    // The module's own URL, as `import.meta.url` gave it (the templates and help pages are found from it).
    define: { 'import.meta.url': '__moduleUrl' },
    banner: source.includes('import.meta.url')
      ? 'const __moduleUrl = require("node:url").pathToFileURL(__filename).href;'
      : '',
    logLevel: 'warning',
    minify: true,
    keepNames: false,
  });
  return code.replace(/\brequire\("\.\/([\w-]+)\.js"\)/g, (whole, chunk) =>
    fileOf.has(chunk) ? `__chunk(${JSON.stringify(chunk)})` : whole,
  );
}

const definitions = (chunks) =>
  [...chunks]
    .map(
      (chunk) => `__define(${JSON.stringify(chunk)}, function (module, exports) {\n${commonJs(chunk)}\n});`,
    )
    .join('\n');

// V8 checks a cache against its source's length, not its text: a cache left from an earlier build must
// never meet new files (scripts/code-cache.mjs writes the new ones).
for (const file of readdirSync(dist)) if (file.endsWith('.cjs.cache')) rmSync(new URL(file, dist));
// bin/gen-event.js, the loader, finds each chunk's file here.
writeFileSync(new URL('cli-files.json', dist), `${JSON.stringify(Object.fromEntries(fileOf))}\n`);
for (const [file, chunks] of files) {
  // A function expression the loader compiles and calls as it is: no wrapper text joined to the file
  // at run time, so the text is read once and never copied.
  const text = `(function (require, __filename, __define, __chunk) {"use strict";\n${definitions(chunks)}\n});\n`;
  writeFileSync(new URL(`${file}.cjs`, dist), text);
}
