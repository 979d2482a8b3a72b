#!/usr/bin/env node
// CommonJS (bin/package.json): the command starts without Node's ES module loader (scripts/commonjs-cli.mjs).
require('../dist/cli.cjs');
