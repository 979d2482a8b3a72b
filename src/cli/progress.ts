import type { CliIO } from './io.js';

/** How often the progress line is redrawn. */
const REDRAW_MS = 200;

/** A one-line progress counter on stderr, shown only on a terminal and only for runs that take a while. */
export function createProgress(io: CliIO, total: number, unit: string) {
  const enabled = io.stderrIsTTY && total > 1;
  let lastDraw = Date.now();
  let drawn = false;
  return {
    update(done: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      drawn = true;
      io.writeStderr(`\rgen-event: ${done}/${total} ${unit}`);
    },
    done() {
      if (drawn) io.writeStderr('\n');
    },
  };
}
