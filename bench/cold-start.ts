import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.js';

/** A process to start: `argv[0]` is the program. */
export interface Command {
  label: string;
  argv: readonly string[];
}

const ROUNDS = 6;
const RUNS_PER_ROUND = 3;

export function hyperfineVersion(): string | undefined {
  const result = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Median wall time (ms) of each command. The commands take turns — A, B, C, A, B, C… — so a machine
 * that slows down for a while slows them all alike and the ratios stay fair.
 */
export function coldStartMedians(
  commands: readonly Command[],
  useHyperfine: boolean,
  env: NodeJS.ProcessEnv,
): Map<string, number> {
  const samples = new Map(commands.map((command) => [command.label, [] as number[]]));
  for (const command of commands) checkRuns(command, env);
  for (let round = 0; round < ROUNDS; round++) {
    const times = useHyperfine ? hyperfineRound(commands, env) : harnessRound(commands, env);
    for (const [label, values] of times) samples.get(label)?.push(...values);
  }
  return new Map([...samples].map(([label, values]) => [label, median(values)]));
}

function checkRuns(command: Command, env: NodeJS.ProcessEnv): void {
  const [program, ...args] = command.argv as [string, ...string[]];
  const result = spawnSync(program, args, { encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error(`${command.label} failed (${result.status}): ${result.stderr.trim()}`);
  }
}

/** One round of hyperfine (no shell, one warm-up): each command RUNS_PER_ROUND times. */
function hyperfineRound(commands: readonly Command[], env: NodeJS.ProcessEnv): Map<string, number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const file = join(dir, 'round.json');
  try {
    const args = ['-N', '--style', 'none', '--warmup', '1', '--runs', String(RUNS_PER_ROUND)];
    args.push('--export-json', file);
    for (const command of commands) args.push('--command-name', command.label, shellWords(command.argv));
    const result = spawnSync('hyperfine', args, { encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderr.trim()}`);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      results: { command: string; times: number[] }[];
    };
    return new Map(report.results.map((r) => [r.command, r.times.map((seconds) => seconds * 1000)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same round without hyperfine: each command once as warm-up, then RUNS_PER_ROUND timed runs. */
function harnessRound(commands: readonly Command[], env: NodeJS.ProcessEnv): Map<string, number[]> {
  const times = new Map(commands.map((command) => [command.label, [] as number[]]));
  for (let run = -1; run < RUNS_PER_ROUND; run++) {
    for (const command of commands) {
      const [program, ...args] = command.argv as [string, ...string[]];
      const start = performance.now();
      spawnSync(program, args, { stdio: 'ignore', env });
      const elapsed = performance.now() - start;
      if (run >= 0) times.get(command.label)?.push(elapsed);
    }
  }
  return times;
}

/** argv as one POSIX shell-quoted line, which hyperfine -N splits back into words. */
function shellWords(argv: readonly string[]): string {
  return argv.map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
}
