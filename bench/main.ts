/**
 * `npm run bench`: cold start, in-process throughput and scale, each beside its baseline and target,
 * for every source in the catalog (as `gen-event list` names them; bench/sources/<name>.ts adds a
 * source's hand-written baseline). Not part of `npm test` (timings vary by machine; no test asserts
 * one). `--quick` makes a short, rougher run for trying changes. Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hyperfineVersion, startupFigures, startupPaths } from './cold-start.js';
import { benchScript, cliPath } from './paths.js';
import { measureThroughPipe, medianCliMs, type PipeMeasure } from './scale.js';
import { sourceBench } from './source-bench.js';
import { kilobytes, megabytes, ms, perSecond, type Row, renderTable, times } from './table.js';
import type { ThroughputResult } from './throughput.js';

const quick = process.argv.includes('--quick');
const SCALE_COUNT = quick ? 100_000 : 1_000_000;
const COLD_START_RATIO = 1.5;
const THROUGHPUT_RATIO = 0.8;
const NDJSON_RATIO = 0.5;
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

const sources = catalogSources();
const benches = new Map(await Promise.all(sources.map(async (s) => [s, await sourceBench(s)] as const)));
const missing = sources.filter((s) => benches.get(s)?.throughput === undefined);
if (missing.length > 0) {
  notes.push(
    `no hand-written baseline for ${missing.join(', ')}: add bench/sources/<name>.ts (see bench/source-bench.ts)`,
  );
}

// Cold start: every path against a bare `node -e 0`, interleaved, without the CA bundle; then every
// path again with it, as on machines that set it (information only). On 2 cores this section takes
// about 90 s: 47 paths x 12 runs without the bundle, x 6 with it (half with --quick).
const hyperfine = hyperfineVersion();
const work = mkdtempSync(join(tmpdir(), 'gen-event-bench-'));
const checkFile = join(work, 'event.json');
const made = spawnSync(node, [cliPath, sources[0] ?? 'sqs', '--seed', '1', '--out', checkFile], {
  env: withoutCa,
});
if (made.status !== 0) throw new Error(`could not write an event to check: ${made.stderr}`);
const paths = startupPaths(sources, (s) => benches.get(s)?.givenArgs, checkFile);
const startupCounts = quick ? { rounds: 2, runs: 2 } : { rounds: 3, runs: 3 };
for (const { label, ms: median, bareMs } of startupFigures(
  node,
  cliPath,
  paths,
  hyperfine !== undefined,
  withoutCa,
  startupCounts,
)) {
  ratioRow(
    `cold start: ${label}`,
    ms(median),
    `${ms(bareMs)} (node -e 0)`,
    median / bareMs,
    COLD_START_RATIO,
    true,
  );
}
if (caBundle !== undefined) {
  const withCa = { ...withoutCa, [CA_VARIABLE]: caBundle };
  const caCounts = quick ? { rounds: 1, runs: 2 } : { rounds: 2, runs: 2 };
  for (const { label, ms: median, bareMs } of startupFigures(
    node,
    cliPath,
    paths,
    hyperfine !== undefined,
    withCa,
    caCounts,
  )) {
    const met = median / bareMs <= COLD_START_RATIO ? 'met' : 'missed';
    infoRow(
      `cold start with ${CA_VARIABLE} set: ${label}`,
      ms(median),
      `${ms(bareMs)} (node -e 0)`,
      `${times(median / bareMs)} (≤ ${COLD_START_RATIO.toFixed(1)}× ${met})`,
    );
  }
}
rmSync(work, { recursive: true, force: true });

// Throughput in process, beside the hand-written baselines.
const throughput = spawnSync(node, [benchScript('throughput'), JSON.stringify(sources)], {
  encoding: 'utf8',
  env: withoutCa,
});
if (throughput.status !== 0) throw new Error(`throughput run failed: ${throughput.stderr}`);
for (const line of throughput.stdout.trim().split('\n')) {
  const result = JSON.parse(line) as ThroughputResult;
  const figure = `throughput: ${result.figure}`;
  const measured = `${perSecond(result.rate)} (${kilobytes(result.bytesPerEvent ?? 0)})`;
  if (result.baselineRate === undefined) infoRow(figure, measured, 'no hand-written baseline');
  else {
    ratioRow(
      figure,
      measured,
      `${perSecond(result.baselineRate)} (${kilobytes(result.baselineBytesPerEvent ?? 0)}, hand-written)`,
      result.rate / result.baselineRate,
      THROUGHPUT_RATIO,
      false,
    );
  }
}

// Scale: one big batch, then a million events of every source through a pipe, beside pre-made lines.
const batchMs = medianCliMs(['sqs', '--records', '10000', '--compact'], 3, withoutCa);
rows.push({
  figure: 'scale: gen-event sqs --records 10000 (one event, whole process)',
  measured: ms(batchMs),
  baseline: '—',
  ratio: '—',
  target: `< ${ms(BATCH_MS)}`,
  result: batchMs < BATCH_MS ? 'pass' : 'FAIL',
});
const count = SCALE_COUNT.toLocaleString('en-US');
for (const source of sources) {
  const figure = `scale: gen-event ${source} --count ${count} --ndjson`;
  const run = await measureThroughPipe(
    [cliPath, source, '--count', String(SCALE_COUNT), '--ndjson'],
    withoutCa,
  );
  const lineBytes = run.bytes / SCALE_COUNT;
  const lines = await measureThroughPipe(
    [benchScript('ndjson-lines'), String(SCALE_COUNT), String(lineBytes)],
    withoutCa,
  );
  const rate = eventRate(run);
  ratioRow(
    `${figure}: rate`,
    `${perSecond(rate)} (${kilobytes(lineBytes)})`,
    `${perSecond(eventRate(lines))} (pre-made lines)`,
    rate / eventRate(lines),
    NDJSON_RATIO,
    false,
  );
  rows.push({
    figure: `${figure}: peak RSS`,
    measured: megabytes(run.maxRssBytes),
    baseline: '—',
    ratio: '—',
    target: `< ${megabytes(SCALE_RSS_BYTES)}`,
    result: run.maxRssBytes < SCALE_RSS_BYTES ? 'pass' : 'FAIL',
  });
}

function eventRate(run: PipeMeasure): number {
  return (SCALE_COUNT / run.ms) * 1000;
}

// The report.
const failed = rows.filter((row) => row.result === 'FAIL').length;
console.log(`gen-event bench${quick ? ' (--quick: fewer events, rougher figures)' : ''}`);
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs, cold start timed with ${hyperfine ?? 'the built-in harness (hyperfine not installed)'}, medians of interleaved runs, ${CA_VARIABLE} unset${caBundle === undefined ? '' : ' (it is set here: its rows are marked)'}`,
);
console.log('');
console.log(renderTable(rows));
console.log('');
for (const note of notes) console.log(`note: ${note}`);
const met = rows.filter((row) => row.result === 'pass').length;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`targets: ${met} met, ${failed} missed (${seconds} s)`);
process.exitCode = failed > 0 ? 1 : 0;
