// Preloaded (`node --require`) by scripts/code-cache.mjs into a run of the built command: records each
// file the command's loader compiles (bin/gen-event.js compiles them with node:vm) and, when the run ends,
// writes the V8 code cache of each beside it as `<file>.cache`. Taken after the run, the cache holds
// the functions the run compiled too, not only the top level. A file that already has a cache keeps it
// (the first run that loads a file writes its cache).
const { existsSync, writeFileSync } = require('node:fs');
const vm = require('node:vm');

const compiled = new Map();
vm.Script = class extends vm.Script {
  constructor(code, options) {
    super(code, options);
    if (typeof options?.filename === 'string' && options.filename.endsWith('.cjs')) {
      compiled.set(options.filename, this);
    }
  }
};
process.on('exit', () => {
  for (const [filename, script] of compiled) {
    const file = `${filename}.cache`;
    if (!existsSync(file)) writeFileSync(file, script.createCachedData());
  }
});
