/**
 * `npm run bench`: cold start, in-process throughput and scale, each beside its baseline and target,
 * for every source in the catalog (as `gen-event list` names them; bench/sources/<name>.ts adds a
 * source's hand-written baseline). Not part of `npm test` (timings vary by machine; no test asserts
 * one). Exits 1 when a target is missed.
 *
 *   --source <name>   only this source (repeat, or give a comma-separated list): its cold start,
 *                     throughput and scale rows, e.g. `npm run bench -- --source apigw-v2`
 *   --section <name>  only cold-start, throughput or scale (repeat or comma-separate)
 *   --quick           fewer, shorter runs: rougher figures, for trying changes
 *   --full            the NDJSON runs at 1,000,000 events for every source, and the cold start with
 *                     NODE_EXTRA_CA_CERTS set for every path (many minutes more)
 *   --readme          also writes the table into README.md's Performance section
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hyperfineVersion, startupFigures, startupPaths } from './cold-start.js';
import { benchScript, cliPath, root } from './paths.js';
import { measureSized, measureThroughPipe, medianCliMs, type PipeMeasure, type Sizing } from './scale.js';
import { sourceBench } from './source-bench.js';
import { kilobytes, megabytes, ms, perSecond, type Row, renderTable, times } from './table.js';
import type { ThroughputResult } from './throughput.js';

const argv = process.argv.slice(2);
/** Every value of a repeatable `--name value` flag, comma-separated lists split. */
function listFlag(name: string): string[] {
  return argv.flatMap((arg, i) => (arg === name ? (argv[i + 1] ?? '').split(',') : [])).filter(Boolean);
}
const quick = argv.includes('--quick');
const full = argv.includes('--full');
const chosenSources = listFlag('--source');
const SECTIONS = ['cold-start', 'throughput', 'scale'] as const;
const chosenSections = listFlag('--section');
for (const section of chosenSections) {
  if (!(SECTIONS as readonly string[]).includes(section)) {
    throw new Error(`unknown --section ${section} (give ${SECTIONS.join(', ')})`);
  }
}
const runs = (section: (typeof SECTIONS)[number]) =>
  chosenSections.length === 0 || chosenSections.includes(section);
/** The target's own count: with --full every source, else only the source with the highest peak. */
const TARGET_COUNT = 1_000_000;
/**
 * Each source's NDJSON run is first made at 30,000 events, three times the count where worker threads
 * start (PARALLEL_MIN_EVENTS, src/cli/ndjson-chunks.ts), so it takes the threaded path of users' long
 * runs. When that is over in under 3 s it is made again with as many events as take about 4 s at the
 * first run's rate (at most 200,000). Starting the process and its threads costs about a second on a
 * busy machine (a 20,000-event run of firehose showed half its 200,000-event rate): a run of 4 s leaves
 * it a small share of the time. A source of 3,000 to 100,000 events a second then costs 4 to 10 s
 * instead of 2 to 67 s. With --full, every source runs at the target's count.
 */
const SCALE_SIZING: Sizing = full
  ? { first: TARGET_COUNT, most: TARGET_COUNT, seconds: 0 }
  : { first: 30_000, most: 200_000, seconds: quick ? 1.5 : 4 };
/** The hand-written writer has no threads to start and no start-up of its own to spread: it is steady sooner. */
const HANDWRITTEN_SIZING: Sizing = full
  ? { first: TARGET_COUNT, most: TARGET_COUNT, seconds: 0 }
  : { first: 5_000, most: 200_000, seconds: quick ? 0.75 : 1.5 };
/** Pre-made lines go through the pipe at 200,000 to 1,000,000 a second: this many take under a second. */
const LINES_COUNT = full ? TARGET_COUNT : 100_000;
/** The run at the target's count is made for a source that finishes it within this long. */
const TARGET_RUN_MS = 20_000;
const COLD_START_RATIO = 1.5;
const THROUGHPUT_RATIO = 0.8;
const NDJSON_RATIO = 0.8;
const SCALE_RSS_BYTES = 150 * 1024 * 1024;
const BATCH_MS = 1000;
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';

const rows: Row[] = [];
const notes: string[] = [];
const started = performance.now();
const node = process.execPath;
/** Users' machines seldom set it, and it costs every Node process a CA bundle parse: measured without. */
const { [CA_VARIABLE]: caBundle, ...withoutCa } = process.env;

function ratioRow(
  figure: string,
  measured: string,
  baseline: string,
  ratio: number,
  target: number,
  atMost: boolean,
) {
  const ok = atMost ? ratio <= target : ratio >= target;
  rows.push({
    figure,
    measured,
    baseline,
    ratio: times(ratio),
    target: `${atMost ? '≤' : '≥'} ${target.toFixed(1)}×`,
    result: ok ? 'pass' : 'FAIL',
  });
}

function infoRow(figure: string, measured: string, baseline = '—', ratio = '—') {
  rows.push({ figure, measured, baseline, ratio, target: '—', result: 'info' });
}

/** Every source in the catalog of the built command, first word of each `gen-event list` line. */
function catalogSources(): string[] {
  const result = spawnSync(node, [cliPath, 'list'], { encoding: 'utf8', env: withoutCa });
  if (result.status !== 0) throw new Error(`gen-event list failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

const catalog = catalogSources();
const unknown = chosenSources.filter((s) => !catalog.includes(s));
if (unknown.length > 0) throw new Error(`no source ${unknown.join(', ')} in gen-event list`);
const sources = chosenSources.length > 0 ? chosenSources : catalog;
const sectionSeconds: string[] = [];
const hyperfine = runs('cold-start') ? hyperfineVersion() : undefined;
/** Runs one section of the bench, timed, when it was chosen. */
async function section(name: (typeof SECTIONS)[number], body: () => void | Promise<void>) {
  if (!runs(name)) return;
  const start = performance.now();
  await body();
  sectionSeconds.push(`${name} ${((performance.now() - start) / 1000).toFixed(0)} s`);
}
const benches = new Map(await Promise.all(sources.map(async (s) => [s, await sourceBench(s)] as const)));
const missing = sources.filter((s) => benches.get(s)?.throughput === undefined);
if (missing.length > 0) {
  notes.push(
    `no hand-written baseline for ${missing.join(', ')}: add bench/sources/<name>.ts (see bench/source-bench.ts)`,
  );
}

// Cold start: every path against a bare `node -e 0`, interleaved, without the CA bundle; then every
// path again with it, as on machines that set it (information only). With --source, only that
// source's paths.
await section('cold-start', () => {
  const work = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
  const checkFile = join(work, 'event.json');
  const made = spawnSync(node, [cliPath, sources[0] ?? 'sqs', '--seed', '1', '--out', checkFile], {
    env: withoutCa,
  });
  if (made.status !== 0) throw new Error(`could not write an event to check: ${made.stderr}`);
  const all = startupPaths(sources, (s) => benches.get(s)?.givenArgs, checkFile);
  const paths = chosenSources.length > 0 ? all.filter(({ args }) => sources.includes(args[0] ?? '')) : all;
  // Three rounds of three timed runs (each round after a warm-up run) give every path nine interleaved
  // samples, each beside a run of node -e 0 just before it.
  const startupCounts = quick ? { rounds: 1, runs: 2 } : { rounds: 3, runs: 3 };
  for (const { label, ms: median, bareMs, ratio } of startupFigures(
    node,
    cliPath,
    paths,
    hyperfine !== undefined,
    withoutCa,
    startupCounts,
  )) {
    ratioRow(`cold start: ${label}`, ms(median), `${ms(bareMs)} (node -e 0)`, ratio, COLD_START_RATIO, true);
  }
  if (caBundle !== undefined) {
    // With the CA bundle, for information: the first source's paths and the commands of no source
    // (every path with --full); the bundle's parse costs every path the same.
    const caPaths = full
      ? paths
      : paths.filter(({ args }) => !catalog.includes(args[0] ?? '') || args[0] === sources[0]);
    const withCa = { ...withoutCa, [CA_VARIABLE]: caBundle };
    // Three rounds of one run each, so a busy spell does not fall on `node -e 0`'s runs alone.
    const caCounts = quick ? { rounds: 1, runs: 1 } : { rounds: 3, runs: 1 };
    for (const { label, ms: median, bareMs, ratio } of startupFigures(
      node,
      cliPath,
      caPaths,
      hyperfine !== undefined,
      withCa,
      caCounts,
    )) {
      const met = ratio <= COLD_START_RATIO ? 'met' : 'missed';
      infoRow(
        `cold start with ${CA_VARIABLE} set: ${label}`,
        ms(median),
        `${ms(bareMs)} (node -e 0)`,
        `${times(ratio)} (≤ ${COLD_START_RATIO.toFixed(1)}× ${met})`,
      );
    }
  }
  rmSync(work, { recursive: true, force: true });
});

// Throughput in process, beside the hand-written baselines.
await section('throughput', () => {
  // One process a source, as a CLI run has it: code the sources share (the engine, the template
  // fills, the header maps) is then shaped by that source alone, as each baseline's own code is,
  // and no source's figure depends on which sources were measured before it.
  const lines = sources.flatMap((source) => {
    const throughput = spawnSync(
      node,
      [benchScript('throughput'), JSON.stringify([source]), quick ? 'quick' : 'full'],
      {
        encoding: 'utf8',
        env: withoutCa,
      },
    );
    if (throughput.status !== 0) throw new Error(`throughput run failed: ${throughput.stderr}`);
    return throughput.stdout.trim().split('\n');
  });
  for (const line of lines) {
    const result = JSON.parse(line) as ThroughputResult;
    const figure = `throughput: ${result.figure}`;
    const measured = `${perSecond(result.rate)} (${kilobytes(result.bytesPerEvent ?? 0)})`;
    if (result.baselineRate === undefined) infoRow(figure, measured, 'no hand-written baseline');
    else {
      ratioRow(
        figure,
        measured,
        `${perSecond(result.baselineRate)} (${kilobytes(result.baselineBytesPerEvent ?? 0)}, hand-written)`,
        result.ratio ?? result.rate / result.baselineRate,
        THROUGHPUT_RATIO,
        false,
      );
    }
  }
});

// Scale: one big batch, then long NDJSON runs of every source through a pipe, each beside a process
// that builds the same events by hand and writes them the same way, and beside pre-made lines.
await section('scale', async () => {
  if (sources.includes('sqs')) {
    const batchMs = medianCliMs(['sqs', '--records', '10000', '--compact'], 3, withoutCa);
    rows.push({
      figure: 'scale: gen-event sqs --records 10000 (one event, whole process)',
      measured: ms(batchMs),
      baseline: '—',
      ratio: '—',
      target: `< ${ms(BATCH_MS)}`,
      result: batchMs < BATCH_MS ? 'pass' : 'FAIL',
    });
  }
  const peaks: [source: string, bytes: number, rate: number][] = [];
  for (const source of sources) {
    // One run gives the source's NDJSON rate and its peak memory.
    const run = await measureSized(
      (count) => [cliPath, source, '--count', String(count), '--ndjson'],
      withoutCa,
      SCALE_SIZING,
    );
    const figure = `scale: gen-event ${source} --count ${run.count.toLocaleString('en-US')} --ndjson`;
    const lineBytes = run.bytes / run.count;
    const rate = eventRate(run, run.count);
    const measured = `${perSecond(rate)} (${kilobytes(lineBytes)})`;
    const byHand =
      benches.get(source)?.throughput === undefined
        ? undefined
        : await measureSized(
            (count) => [benchScript('ndjson-handwritten'), source, String(count)],
            withoutCa,
            HANDWRITTEN_SIZING,
          );
    const handBytes = byHand === undefined ? 0 : byHand.bytes / byHand.count;
    const handRate = byHand === undefined ? 0 : eventRate(byHand, byHand.count);
    // The baseline builds the events of its own options (e.g. 10 given records): a ratio only when
    // it builds events of about the size the command's defaults give.
    if (byHand !== undefined && Math.max(handBytes, lineBytes) / Math.min(handBytes, lineBytes) > 1.5) {
      infoRow(
        `${figure}: rate`,
        measured,
        `${perSecond(handRate)} (${kilobytes(handBytes)}, hand-written, other options: no ratio)`,
      );
    } else if (byHand !== undefined) {
      ratioRow(
        `${figure}: rate`,
        measured,
        `${perSecond(handRate)} (${kilobytes(handBytes)}, hand-written, one thread)`,
        rate / handRate,
        NDJSON_RATIO,
        false,
      );
    } else infoRow(`${figure}: rate`, measured, 'no hand-written baseline');
    // The pipe's own limit, for information: no JSON is built, so no generator comes near it.
    const lines = await measureThroughPipe(
      [benchScript('ndjson-lines'), String(LINES_COUNT), String(lineBytes)],
      withoutCa,
    );
    infoRow(
      `${figure}: the pipe alone`,
      `${perSecond(eventRate(lines, LINES_COUNT))} (pre-made lines)`,
      '—',
      times(rate / eventRate(lines, LINES_COUNT)),
    );
    peaks.push([source, run.maxRssBytes, rate]);
    rssRow(`${figure}: peak RSS`, run.maxRssBytes);
  }
  // The target's own count, for the source whose peak was highest among those that finish it in
  // TARGET_RUN_MS (on a machine too busy for any, the fastest source): memory grows little once the
  // run is under way (dynamodb: 97 MB at 20,000 events, 116 MB at 200,000), so this run shows how far
  // a peak moves at the target's count.
  const quickEnough = peaks.filter(([, , rate]) => (TARGET_COUNT / rate) * 1000 <= TARGET_RUN_MS);
  const fastest = peaks.reduce<(typeof peaks)[number] | undefined>(
    (a, b) => (a && a[2] >= b[2] ? a : b),
    undefined,
  );
  const candidates = quickEnough.length > 0 ? quickEnough : fastest ? [fastest] : [];
  const slow = peaks.filter((peak) => !candidates.includes(peak)).map(([source]) => source);
  if (!full && slow.length > 0) {
    notes.push(
      `not run at ${TARGET_COUNT.toLocaleString('en-US')} events (over ${TARGET_RUN_MS / 1000} s at the rate above): ${slow.join(', ')}; npm run bench -- --full runs every source at that count`,
    );
  }
  if (!full && candidates.length > 0) {
    const [source] = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
    const run = await measureThroughPipe(
      [cliPath, source, '--count', String(TARGET_COUNT), '--ndjson'],
      withoutCa,
    );
    const target = TARGET_COUNT.toLocaleString('en-US');
    infoRow(
      `scale: gen-event ${source} --count ${target} --ndjson: rate (highest peak above)`,
      `${perSecond(eventRate(run, TARGET_COUNT))} (${kilobytes(run.bytes / TARGET_COUNT)})`,
    );
    rssRow(`scale: gen-event ${source} --count ${target} --ndjson: peak RSS`, run.maxRssBytes);
  }
});

function rssRow(figure: string, bytes: number) {
  rows.push({
    figure,
    measured: megabytes(bytes),
    baseline: '—',
    ratio: '—',
    target: `< ${megabytes(SCALE_RSS_BYTES)}`,
    result: bytes < SCALE_RSS_BYTES ? 'pass' : 'FAIL',
  });
}

function eventRate(run: PipeMeasure, count: number): number {
  return (count / run.ms) * 1000;
}

// The report.
const failed = rows.filter((row) => row.result === 'FAIL').length;
const header = `gen-event bench${quick ? ' (--quick: fewer events, rougher figures)' : ''}`;
console.log(header);
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs, cold start timed with ${hyperfine ?? 'the built-in harness (hyperfine not installed)'}, medians of interleaved runs, ${CA_VARIABLE} unset${caBundle === undefined ? '' : ' (it is set here: its rows are marked)'}`,
);
console.log('');
console.log(renderTable(rows));
console.log('');
for (const note of notes) console.log(`note: ${note}`);
const met = rows.filter((row) => row.result === 'pass').length;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`sections: ${sectionSeconds.join(', ')}`);
console.log(`targets: ${met} met, ${failed} missed (${seconds} s)`);
if (argv.includes('--readme')) {
  // The README shows a whole run only: every source, every section, full length.
  if (chosenSources.length > 0 || chosenSections.length > 0 || quick) {
    console.log('README.md not written: --readme takes a whole run (no --source, --section or --quick)');
  } else writeReadmeTable(renderTable(rows));
}

/** Replaces the table of README.md's Performance section with this run's. */
function writeReadmeTable(table: string) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf('| figure ', text.indexOf('## Performance'));
  if (start < 0) throw new Error('README.md has no Performance table to replace');
  let end = start;
  while (end < text.length && text[end] === '|') end = text.indexOf('\n', end) + 1 || text.length;
  writeFileSync(readme, `${text.slice(0, start)}${table}\n${text.slice(end)}`);
  console.log('README.md: Performance table replaced');
}
process.exitCode = failed > 0 ? 1 : 0;
