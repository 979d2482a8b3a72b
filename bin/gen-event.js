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

/** Compiles a file (one function expression, which defines the chunks it holds) and runs it. */
function run(file) {
  const filename = join(dist, `${file}.cjs`);
  const script = new Script(readFileSync(filename, 'utf8'), { filename, cachedData: cachedData(filename) });
  script.runInThisContext()(require, filename, define, chunk);
}

function chunk(name) {
  const done = loaded.get(name);
  if (done !== undefined) return done.exports;
  if (!factories.has(name)) run(fileOf[name]);
  const module = { exports: {} };
  loaded.set(name, module);
  factories.get(name).call(module.exports, module, module.exports);
  return module.exports;
}

chunk('cli');
