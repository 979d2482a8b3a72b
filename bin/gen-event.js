#!/usr/bin/env node
// The command's loader, CommonJS (bin/package.json), so it starts without Node's ES module loader and
// without looking up and compiling a second file. The build writes the command as a few CommonJS
// files in dist/ and dist/cli-files.json, which names the file holding each chunk
// (scripts/commonjs-cli.mjs). Each file is compiled here with the V8 code cache beside it
// (scripts/code-cache.mjs), which a Node of another version or with other flags rejects: the file then
// compiles from its text. A chunk's factory runs once, on first use, from whichever file defined it
// first.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const fileOf = JSON.parse(readFileSync(join(dist, 'cli-files.json'), 'utf8'));
const factories = new Map();
const loaded = new Map();

function define(name, factory) {
  if (!factories.has(name)) factories.set(name, factory);
}

function cachedData(filename) {
  try {
    return readFileSync(`${filename}.cache`);
  } catch {
    return undefined;
  }
}

/** Compiles a file as `require` would wrap it, on one line so stack traces keep the file's positions. */
function run(file) {
  const filename = join(dist, `${file}.cjs`);
  const text = readFileSync(filename, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new Script(wrapped, { filename, cachedData: cachedData(filename) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, filename, dist);
  return module.exports;
}

function chunk(name) {
  const done = loaded.get(name);
  if (done !== undefined) return done.exports;
  if (!factories.has(name)) run(fileOf[name])(define, chunk);
  const module = { exports: {} };
  loaded.set(name, module);
  factories.get(name).call(module.exports, module, module.exports);
  return module.exports;
}

chunk('cli');
