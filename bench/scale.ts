import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchScript, cliPath } from './paths.js';
import { median } from './stats.js';

export interface RunMeasure {
  ms: number;
  maxRssBytes: number;
}

export interface PipeMeasure extends RunMeasure {
  /** Bytes the process wrote to the pipe. */
  bytes: number;
}

/** Runs the CLI with stdout into /dev/null; wall time seen from outside, peak RSS from inside. */
export function measureCli(args: readonly string[], env: NodeJS.ProcessEnv): RunMeasure {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const rssFile = join(dir, 'rss');
  const devNull = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', rssProbe(), cliPath, ...args], {
      stdio: ['ignore', devNull, 'pipe'],
      env: { ...env, GEN_EVENT_BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(`gen-event ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`);
    }
    return { ms, maxRssBytes: Number(readFileSync(rssFile, 'utf8')) };
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a few runs, for short commands whose time varies from run to run. */
export function medianCliMs(args: readonly string[], runs: number, env: NodeJS.ProcessEnv): number {
  return median(Array.from({ length: runs }, () => measureCli(args, env).ms));
}

/**
 * Runs a Node script with its stdout into a pipe this process reads and drops, as a consumer of the
 * NDJSON would: wall time, bytes and the child's peak RSS. gen-event and the pre-made-lines baseline
 * are measured through the same pipe.
 */
export function measureThroughPipe(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<PipeMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const rssFile = join(dir, 'rss');
  return new Promise<PipeMeasure>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', rssProbe(), ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, GEN_EVENT_BENCH_RSS_FILE: rssFile },
    });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - start;
      if (status !== 0) reject(new Error(`${argv.join(' ')} failed (${status}): ${stderr.trim()}`));
      else resolve({ ms, bytes, maxRssBytes: Number(readFileSync(rssFile, 'utf8')) });
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function rssProbe(): string {
  return pathToFileURL(benchScript('rss-probe')).href;
}
