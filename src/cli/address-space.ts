import { readFileSync } from 'node:fs';

/** The process's address-space limit in bytes (`ulimit -v`), from /proc on Linux; Infinity elsewhere. */
export function addressSpaceLimit(): number {
  try {
    const limit = /^Max address space\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return limit === undefined ? Number.POSITIVE_INFINITY : Number(limit);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Below this address-space limit the command runs again with one V8 platform thread. Node 20 reserves
 * about 730 MB of address space before any code runs, and every V8 platform thread a malloc arena
 * of its own: under `ulimit -v 1048576` a few-megabyte body was enough for V8 or a native realloc to
 * abort the process (no error a program can catch). With `--v8-pool-size=1` the same runs complete.
 */
const TIGHT_ADDRESS_SPACE = 4 * 1024 ** 3;
/** The flag that the run again carries, so it is never started a third time. */
export const POOL_FLAG = '--v8-pool-size=1';

/** Whether this run should start again with one V8 platform thread (src/cli/rerun.ts). */
export function needsRerun(): boolean {
  return !process.execArgv.includes(POOL_FLAG) && addressSpaceLimit() < TIGHT_ADDRESS_SPACE;
}
