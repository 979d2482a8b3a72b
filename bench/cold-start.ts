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

/** How many times each command runs: `rounds` of `runs` timed runs, each round after one warm-up run. */
export interface RunCounts {
  rounds: number;
  runs: number;
}

export function hyperfineVersion(): string | undefined {
  const result = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Every timed run's wall time (ms) of each command, by its label (one command per label), in the
 * order run. The commands take turns — A, B, C, A, B, C… — so a machine that slows down for a while
 * slows them all alike and the ratios stay fair.
 */
export function coldStartSamples(
  commands: readonly Command[],
  useHyperfine: boolean,
  env: NodeJS.ProcessEnv,
  counts: RunCounts,
): Map<string, number[]> {
  const samples = new Map(commands.map((command) => [command.label, [] as number[]]));
  // Each command line is checked once, however many labels run it (node -e 0 runs before every path).
  const lines = new Map(commands.map((command) => [command.argv.join('\0'), command]));
  for (const command of lines.values()) checkRuns(command, env);
  for (let round = 0; round < counts.rounds; round++) {
    const times = useHyperfine
      ? hyperfineRound(commands, env, counts.runs)
      : harnessRound(commands, env, counts.runs);
    for (const [label, values] of times) samples.get(label)?.push(...values);
  }
  return samples;
}

function checkRuns(command: Command, env: NodeJS.ProcessEnv): void {
  const [program, ...args] = command.argv as [string, ...string[]];
  const result = spawnSync(program, args, { encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error(`${command.label} failed (${result.status}): ${result.stderr.trim()}`);
  }
}

/** One round of hyperfine (no shell, one warm-up): each command `runs` times. */
function hyperfineRound(
  commands: readonly Command[],
  env: NodeJS.ProcessEnv,
  runs: number,
): Map<string, number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const file = join(dir, 'round.json');
  try {
    const args = ['-N', '--style', 'none', '--warmup', '1', '--runs', String(runs)];
    args.push('--export-json', file);
    for (const command of commands) args.push('--command-name', command.label, shellWords(command.argv));
    const result = spawnSync('hyperfine', args, { encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderr.trim()}`);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      results: { command: string; times: number[] }[];
    };
    return new Map(report.results.map(({ command, times }) => [command, times.map((s) => s * 1000)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same round without hyperfine: each command once as warm-up, then `runs` timed runs. */
function harnessRound(
  commands: readonly Command[],
  env: NodeJS.ProcessEnv,
  runs: number,
): Map<string, number[]> {
  const times = new Map(commands.map((command) => [command.label, [] as number[]]));
  for (let run = -1; run < runs; run++) {
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

/** One start-up path: the command's words after `gen-event`. */
export interface StartupPath {
  label: string;
  args: readonly string[];
}

/** A path's median beside the median of `node -e 0` from the same interleaved runs, and their ratio. */
export interface StartupFigure {
  label: string;
  ms: number;
  bareMs: number;
  /**
   * The median over the path's runs of each run's time over that of its `node -e 0` run: the one just
   * before it (with hyperfine, the one of the same place in the round).
   */
  ratio: number;
}

/**
 * Every start-up path the command has: each source with realistic values and with the options that
 * give every value (`givenArgs`), each source's `--help`, `--help`, `list`, `check <one file>`,
 * `completion` and a Tab completion request.
 */
export function startupPaths(
  sources: readonly string[],
  givenArgs: (source: string) => readonly string[] | undefined,
  checkFile: string,
): StartupPath[] {
  return [
    ...sources.flatMap((s): StartupPath[] => {
      const given = givenArgs(s);
      return [
        { label: `gen-event ${s} (realistic values)`, args: [s] },
        ...(given ? [{ label: givenLabel(s, given), args: [s, ...given] }] : []),
        { label: `gen-event ${s} --help`, args: [s, '--help'] },
      ];
    }),
    { label: 'gen-event --help', args: ['--help'] },
    { label: 'gen-event list', args: ['list'] },
    { label: 'gen-event check <one file>', args: ['check', checkFile] },
    { label: 'gen-event completion', args: ['completion'] },
    {
      label: 'gen-event <Tab> (completion request)',
      args: ['--get-yargs-completions', 'gen-event', sources[0] ?? 'sqs', '--'],
    },
  ];
}

/** The command line, or a short name for it when it would not fit a table's column. */
function givenLabel(source: string, given: readonly string[]): string {
  const line = `gen-event ${source} ${shellLine(given)}`;
  return line.length <= 90
    ? line
    : `gen-event ${source} (every value given: ${given.filter((arg) => arg.startsWith('--')).length} options)`;
}

/**
 * Medians of every path and of `node -e 0`, interleaved in one set of runs: `node -e 0` runs just
 * before every path, so its median rests on as many runs as all the paths together, and each path's
 * ratio is taken run by run against the `node -e 0` run just before it, so a slow spell that falls on
 * a few runs weighs on both sides of their ratios alike.
 */
export function startupFigures(
  node: string,
  cliPath: string,
  paths: readonly StartupPath[],
  useHyperfine: boolean,
  env: NodeJS.ProcessEnv,
  counts: RunCounts,
): StartupFigure[] {
  const bareBefore = (label: string) => `node -e 0, before ${label}`;
  const commands = paths.flatMap(({ label, args }): Command[] => [
    { label: bareBefore(label), argv: [node, '-e', '0'] },
    { label, argv: [node, cliPath, ...args] },
  ]);
  const samples = coldStartSamples(commands, useHyperfine, env, counts);
  const timesOf = (label: string) => samples.get(label) as number[];
  const bareMs = median(paths.flatMap(({ label }) => timesOf(bareBefore(label))));
  return paths.map(({ label }) => {
    const bare = timesOf(bareBefore(label));
    return {
      label,
      ms: median(timesOf(label)),
      bareMs,
      ratio: median(timesOf(label).map((time, i) => time / (bare[i] as number))),
    };
  });
}

/** Words as a shell line, quoted where the shell would need it (the labels show commands to copy). */
export function shellLine(words: readonly string[]): string {
  return words
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
