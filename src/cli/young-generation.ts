import v8 from 'node:v8';

/**
 * gen-event's garbage dies young, yet under its allocation rate V8 grows each thread's young
 * generation to 2 × 16 MB of mostly empty space. Kept at its starting size, a million-event run
 * stays well under 150 MB at the same speed (npm run bench). V8 reads the flag each time it would grow
 * the space, so setting it before the long work starts is enough; Node resets V8's flags when it
 * starts a worker thread, so the NDJSON worker (src/cli/ndjson-worker.ts) sets it again. Only long runs
 * set it: once a flag is set at run time, V8 refuses Node's code cache for the built-in modules
 * compiled after it, which would slow every short run's start.
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
