/**
 * `npm run bench`: cold start, in-process throughput and scale, each beside its baseline and target.
 * Not part of `npm test` (timings vary by machine; no test asserts one). `--quick` makes a short,
 * rougher run for trying changes. Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { type Command, coldStartMedians, hyperfineVersion } from './cold-start.js';
import { benchScript, cliPath } from './paths.js';
import { cliTakesCount, measureCli, measureLibrary, medianCliMs } from './scale.js';
import { kilobytes, megabytes, ms, perSecond, type Row, renderTable, times } from './table.js';
import type { ThroughputResult } from './throughput.js';

const quick = process.argv.includes('--quick');
const SCALE_COUNT = quick ? 100_000 : 1_000_000;
const COLD_START_RATIO = 2.0;
const THROUGHPUT_RATIO = 0.5;
const SCALE_RATE = 50_000;
const SCALE_RSS_BYTES = 150 * 1024 * 1024;
const BATCH_MS = 1000;

const rows: Row[] = [];
const notes: string[] = [];
const started = performance.now();

function ratioRow(
  figure: string,
  measured: string,
  baseline: string,
  ratio: number,
  target: string,
  ok: boolean,
) {
  rows.push({ figure, measured, baseline, ratio: times(ratio), target, result: ok ? 'pass' : 'FAIL' });
}

function skipRow(figure: string, why: string) {
  rows.push({ figure, measured: '—', baseline: '—', ratio: '—', target: '—', result: 'skip' });
  notes.push(`${figure}: skipped, ${why}`);
}

function cliSources(): Set<string> {
  const result = spawnSync(process.execPath, [cliPath, 'list'], { encoding: 'utf8' });
  return new Set(result.stdout.split('\n').map((line) => line.split(/\s+/)[0] ?? ''));
}

// Cold start: each command against a bare `node -e 0`, interleaved.
const hyperfine = hyperfineVersion();
const node = process.execPath;
const available = cliSources();
const bare: Command = { label: 'node -e 0', argv: [node, '-e', '0'] };
const targeted: [label: string, args: string[]][] = [
  ['gen-event sqs --body x', ['sqs', '--body', 'x']],
  ['gen-event apigw-v1', ['apigw-v1']],
  [`gen-event apigw-v2 --json '{"a":1}'`, ['apigw-v2', '--json', '{"a":1}']],
  [`gen-event direct --payload '{"a":1}'`, ['direct', '--payload', '{"a":1}']],
  ['gen-event cloudwatch-logs --message x', ['cloudwatch-logs', '--message', 'x']],
  ['gen-event kafka --value x', ['kafka', '--value', 'x']],
  ['gen-event firehose --data x', ['firehose', '--data', 'x']],
  ['gen-event s3 --key x --body x', ['s3', '--key', 'x', '--body', 'x']],
  ['gen-event sns --message x', ['sns', '--message', 'x']],
  [`gen-event eventbridge --detail '{"a":1}'`, ['eventbridge', '--detail', '{"a":1}']],
  ['gen-event authorizer --type request', ['authorizer', '--type', 'request']],
  ['gen-event websocket', ['websocket']],
];
const informational: [label: string, args: string[]][] = [
  ['gen-event sqs (realistic body)', ['sqs']],
  ['gen-event s3 --via sns --via sqs', ['s3', '--via', 'sns', '--via', 'sqs']],
];
const present = (args: string[]) => available.has(args[0] as string);
const commands: Command[] = [
  bare,
  ...[...targeted, ...informational]
    .filter(([, args]) => present(args))
    .map(([label, args]) => ({ label, argv: [node, cliPath, ...args] })),
];
const coldStart = coldStartMedians(commands, hyperfine !== undefined);
const bareMs = coldStart.get(bare.label) as number;
for (const [label, args] of targeted) {
  if (!present(args)) {
    skipRow(`cold start: ${label}`, `no ${args[0]} source in this build`);
    continue;
  }
  const median = coldStart.get(label) as number;
  const ratio = median / bareMs;
  ratioRow(
    `cold start: ${label}`,
    ms(median),
    `${ms(bareMs)} (node -e 0)`,
    ratio,
    `≤ ${COLD_START_RATIO.toFixed(1)}×`,
    ratio <= COLD_START_RATIO,
  );
}
for (const [label] of informational) {
  const median = coldStart.get(label) as number;
  rows.push({
    figure: `cold start: ${label}`,
    measured: ms(median),
    baseline: `${ms(bareMs)} (node -e 0)`,
    ratio: times(median / bareMs),
    target: '—',
    result: 'info',
  });
}

// Throughput in process, beside the hand-written baselines.
const throughput = spawnSync(node, [benchScript('throughput')], { encoding: 'utf8' });
if (throughput.status !== 0) throw new Error(`throughput run failed: ${throughput.stderr}`);
for (const line of throughput.stdout.trim().split('\n')) {
  const result = JSON.parse(line) as ThroughputResult;
  const figure = `throughput: ${result.figure}`;
  if (result.skipped) skipRow(figure, result.skipped);
  else if (result.baselineRate === undefined) {
    rows.push({
      figure,
      measured: `${perSecond(result.rate)} (${kilobytes(result.bytesPerEvent ?? 0)})`,
      baseline: '—',
      ratio: '—',
      target: '—',
      result: 'info',
    });
  } else {
    const ratio = result.rate / result.baselineRate;
    ratioRow(
      figure,
      `${perSecond(result.rate)} (${kilobytes(result.bytesPerEvent ?? 0)})`,
      `${perSecond(result.baselineRate)} (${kilobytes(result.baselineBytesPerEvent ?? 0)}, hand-written)`,
      ratio,
      `≥ ${THROUGHPUT_RATIO}×`,
      ratio >= THROUGHPUT_RATIO,
    );
  }
}

// Scale: a big batch, then a million events from the CLI and from the library, with peak memory.
const batchMs = medianCliMs(['sqs', '--records', '10000', '--compact'], 3);
rows.push({
  figure: 'scale: gen-event sqs --records 10000 (one event, whole process)',
  measured: ms(batchMs),
  baseline: '—',
  ratio: '—',
  target: `< ${ms(BATCH_MS)}`,
  result: batchMs < BATCH_MS ? 'pass' : 'FAIL',
});

function scaleRows(figure: string, run: { ms: number; maxRssBytes: number }, targeted: boolean) {
  const rate = (SCALE_COUNT / run.ms) * 1000;
  rows.push({
    figure: `${figure}: rate`,
    measured: perSecond(rate),
    baseline: '—',
    ratio: '—',
    target: targeted ? `≥ ${perSecond(SCALE_RATE)}` : '—',
    result: !targeted ? 'info' : rate >= SCALE_RATE ? 'pass' : 'FAIL',
  });
  rows.push({
    figure: `${figure}: peak RSS`,
    measured: megabytes(run.maxRssBytes),
    baseline: '—',
    ratio: '—',
    target: targeted ? `< ${megabytes(SCALE_RSS_BYTES)}` : '—',
    result: !targeted ? 'info' : run.maxRssBytes < SCALE_RSS_BYTES ? 'pass' : 'FAIL',
  });
}

const count = SCALE_COUNT.toLocaleString('en-US');
const cliCount = cliTakesCount();
if (cliCount) {
  scaleRows(
    `scale: gen-event sqs --count ${count} --ndjson`,
    measureCli(['sqs', '--count', String(SCALE_COUNT), '--ndjson']),
    true,
  );
  scaleRows(
    `scale: gen-event sqs --body x --count ${count} --ndjson`,
    measureCli(['sqs', '--body', 'x', '--count', String(SCALE_COUNT), '--ndjson']),
    false,
  );
} else {
  skipRow(`scale: gen-event sqs --count ${count} --ndjson`, 'this build of the CLI refuses --count');
}
// The library's generateMany is one thread; it stands in for the CLI's figures when the CLI cannot be run.
scaleRows(`scale: library generateMany('sqs', ${count})`, measureLibrary('sqs', SCALE_COUNT, {}), !cliCount);

// The report.
const failed = rows.filter((row) => row.result === 'FAIL').length;
console.log(`gen-event bench${quick ? ' (--quick: fewer events, rougher figures)' : ''}`);
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs, cold start timed with ${hyperfine ?? 'the built-in harness (hyperfine not installed)'}, medians of interleaved runs`,
);
console.log('');
console.log(renderTable(rows));
console.log('');
for (const note of notes) console.log(`note: ${note}`);
const met = rows.filter((row) => row.result === 'pass').length;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`targets: ${met} met, ${failed} missed (${seconds} s)`);
process.exitCode = failed > 0 ? 1 : 0;
