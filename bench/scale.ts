import { spawnSync } from 'node:child_process';
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

/** Runs the CLI with stdout into /dev/null; wall time seen from outside, peak RSS from inside. */
export function measureCli(args: readonly string[]): RunMeasure {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const rssFile = join(dir, 'rss');
  const devNull = openSync('/dev/null', 'w');
  try {
    const probe = pathToFileURL(benchScript('rss-probe')).href;
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', probe, cliPath, ...args], {
      stdio: ['ignore', devNull, 'pipe'],
      env: { ...process.env, GEN_EVENT_BENCH_RSS_FILE: rssFile },
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
export function medianCliMs(args: readonly string[], runs: number): number {
  return median(Array.from({ length: runs }, () => measureCli(args).ms));
}

/** Whether this build's CLI has the many-events options (`--count`, `--ndjson`). */
export function cliTakesCount(): boolean {
  const result = spawnSync(process.execPath, [cliPath, 'sqs', '--body', 'x', '--count', '2', '--ndjson'], {
    stdio: 'ignore',
  });
  return result.status === 0;
}

/** `generateMany` in a fresh process: the library's own rate and memory at scale. */
export function measureLibrary(source: string, count: number, options: object): RunMeasure {
  const result = spawnSync(
    process.execPath,
    [benchScript('library-scale'), source, String(count), JSON.stringify(options)],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`library scale run failed: ${result.stderr.trim()}`);
  const { ms, maxRssBytes } = JSON.parse(result.stdout) as RunMeasure;
  return { ms, maxRssBytes };
}
