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

/** How long a sized run should be: its first count, the most it may grow to, and the seconds aimed at. */
export interface Sizing {
  first: number;
  most: number;
  seconds: number;
}

/** A pipe run at the count `measureSized` chose. */
export interface SizedMeasure extends PipeMeasure {
  count: number;
}

/**
 * Runs `argvFor(count)` through the pipe at `sizing.first` events; when that took well under
 * `sizing.seconds`, once more at the count that takes about that long by the first run's rate (at most
 * `sizing.most`). A slow source is measured once at a count long enough for a steady rate; a fast one
 * gets enough events that its start-up is a small part of the time, without every source paying for
 * the count the fastest needs.
 */
export async function measureSized(
  argvFor: (count: number) => readonly string[],
  env: NodeJS.ProcessEnv,
  sizing: Sizing,
): Promise<SizedMeasure> {
  const first = await measureThroughPipe(argvFor(sizing.first), env);
  const wantedMs = sizing.seconds * 1000;
  if (first.ms >= wantedMs * 0.75 || sizing.first >= sizing.most) return { ...first, count: sizing.first };
  const rate = sizing.first / first.ms;
  const count = Math.min(sizing.most, roundCount(rate * wantedMs));
  if (count <= sizing.first) return { ...first, count: sizing.first };
  return { ...(await measureThroughPipe(argvFor(count), env)), count };
}

/** Two significant digits (e.g. 137,000), so the counts in the table read as chosen, not computed. */
function roundCount(count: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}
