/**
 * The command's start-up path in CommonJS. Node's ES module loader costs a few milliseconds per
 * process before any code runs (about a quarter of a bare `node -e 0` on a 2-core machine: npm run
 * bench), while `require` of a CommonJS file does not pay it. So the chunks the command reaches from
 * dist/cli.js are written again beside the ES modules as `.cjs` files: the same code, `import` turned
 * into `require` and each lazy `import()` into a `require` at the moment it is reached, so a run still
 * loads only what it uses. The library (dist/index.js) and the NDJSON worker stay ES modules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const CHUNK_IMPORT = /(["'])\.\/([\w-]+)\.js\1/g;
const IMPORTS = [
  /(?:^|\n)import\s*(?:[^;'"]*?from\s*)?["']\.\/([\w-]+)\.js["']/g,
  /\bimport\(\s*["']\.\/([\w-]+)\.js["']\s*\)/g,
];
/** Files a chunk names but never imports (the worker is started by path and stays an ES module). */
const NOT_CONVERTED = new Set(['ndjson-worker']);

/** Every chunk reachable from the command's entry, by static or lazy import. */
function reachable(entry) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || NOT_CONVERTED.has(name)) return;
    seen.add(name);
    const text = readFileSync(new URL(`${name}.js`, dist), 'utf8');
    for (const pattern of IMPORTS) for (const [, next] of text.matchAll(pattern)) visit(next);
  };
  visit(entry);
  return seen;
}

const converted = reachable('cli');
for (const name of converted) {
  const source = readFileSync(new URL(`${name}.js`, dist), 'utf8');
  const { code } = transformSync(source, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // `import()` of a chunk becomes `require` when reached: lazy as before, without the ES loader.
    supported: { 'dynamic-import': false },
    // The module's own URL, as `import.meta.url` gave it (the templates and help pages are found from it).
    define: { 'import.meta.url': '__moduleUrl' },
    banner: source.includes('import.meta.url')
      ? 'const __moduleUrl = require("node:url").pathToFileURL(__filename).href;'
      : '',
    logLevel: 'warning',
  });
  const renamed = code.replace(CHUNK_IMPORT, (whole, quote, target) =>
    converted.has(target) ? `${quote}./${target}.cjs${quote}` : whole,
  );
  writeFileSync(new URL(`${name}.cjs`, dist), renamed);
}
