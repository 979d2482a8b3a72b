import { needsRerun } from './address-space.js';
import { runProcess } from './main.js';

// No top-level await: the command is also built as CommonJS (scripts/commonjs-cli.mjs). runProcess
// turns every error into an exit status itself.
// Under a tight `ulimit -v` the command runs again in a child that V8 cannot abort for want of room.
if (needsRerun())
  void import('./rerun.js').then(({ rerunWithOnePlatformThread }) => rerunWithOnePlatformThread());
else void runProcess();
