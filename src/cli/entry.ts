import { runProcess } from './main.js';

// No top-level await: the command is also built as CommonJS (scripts/commonjs-cli.mjs). runProcess
// turns every error into an exit status itself.
void runProcess();
