import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { POOL_FLAG } from './address-space.js';

/**
 * Runs the command again as a child with one V8 platform thread (src/cli/address-space.ts says why),
 * forwards the signals a user sends it, and ends as the child ended.
 */
export async function rerunWithOnePlatformThread(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, POOL_FLAG, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  // A child ended by a signal: the status a shell reports for it, 128 + the signal's number.
  process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
}
