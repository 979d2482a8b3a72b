/**
 * In-process throughput, run in a fresh process by bench/main.ts: gen-event's library against a
 * hand-written baseline producing the same JSON, measured in alternating rounds so both see the same
 * machine. Prints one JSON line per case.
 */
import { handWrittenHttpApiEvent, handWrittenRestEvent } from './baseline-apigw.js';
import { handWrittenS3Event } from './baseline-s3.js';
import { handWrittenSqsEvent } from './baseline-sqs.js';
import { hasSource, type Library, loadLibrary } from './library.js';
import { median } from './stats.js';

export interface ThroughputResult {
  figure: string;
  /** Events per second. */
  rate: number;
  /** Size of the compact JSON, to show both sides build events of the same size. */
  bytesPerEvent?: number;
  baselineRate?: number;
  baselineBytesPerEvent?: number;
  skipped?: string;
}

const ROUNDS = 5;
const ROUND_MS = 400;

/** Ten realistic message bodies of a few hundred bytes, as a fixture set would hold. */
export const TEN_BODIES: readonly string[] = Array.from({ length: 10 }, (_, i) =>
  JSON.stringify({
    type: 'OrderPlaced',
    orderId: `ord_${(1000 + i).toString(36)}x9k2m4q`,
    customerId: `3f6c2a1e-8b7d-4c5e-9a0f-${String(100000000000 + i)}`,
    items: [
      { sku: 'KX82JD0Q', name: 'Ergonomic Steel Chair', quantity: 1 + (i % 3), unitPrice: 129.99 },
      { sku: 'PL03MZ7A', name: 'Small Cotton Towels', quantity: 2, unitPrice: 14.5 },
    ],
    total: 158.99 + i,
    currency: 'USD',
    placedAt: '2025-06-01T12:00:00.000Z',
  }),
);

interface Case {
  figure: string;
  source: string;
  options: object;
  baseline?: () => unknown;
}

const CASES: readonly Case[] = [
  {
    figure: 'sqs, 10 records, given bodies',
    source: 'sqs',
    options: { bodies: TEN_BODIES },
    baseline: () => handWrittenSqsEvent(TEN_BODIES),
  },
  { figure: 'apigw-v1, realistic values', source: 'apigw-v1', options: {}, baseline: handWrittenRestEvent },
  {
    figure: 'apigw-v2, realistic values, JSON body',
    source: 'apigw-v2',
    options: { json: { a: 1 } },
    baseline: handWrittenHttpApiEvent,
  },
  {
    figure: 's3, given key and body',
    source: 's3',
    options: {
      bucket: 'photos',
      key: '2025/summer trip.jpg',
      body: TEN_BODIES[0],
      configurationId: 'OnUpload',
    },
    baseline: () => handWrittenS3Event('2025/summer trip.jpg', TEN_BODIES[0] as string),
  },
  { figure: 's3 via sns and sqs, realistic values', source: 's3', options: { via: ['sns', 'sqs'] } },
  { figure: 'sns, 1 realistic message (faker)', source: 'sns', options: {} },
  { figure: 'eventbridge, realistic values', source: 'eventbridge', options: {} },
  { figure: 'sqs, 1 record, realistic body (faker)', source: 'sqs', options: {} },
  {
    figure: 'cloudwatch-logs, 10 given messages (gzip)',
    source: 'cloudwatch-logs',
    options: { messages: TEN_BODIES },
  },
  {
    figure: 'kafka, 10 given values, 2 partitions',
    source: 'kafka',
    options: { values: TEN_BODIES, partitions: [0, 1] },
  },
  { figure: 'firehose, 10 given records', source: 'firehose', options: { data: TEN_BODIES } },
];

/** Events and bytes of one round, which ends once ROUND_MS have passed (the clock is read every 32 events). */
class Round {
  private readonly start = performance.now();
  private events = 0;
  private bytes = 0;
  private elapsed = 0;

  /** Counts one serialised event; true when the round is over. */
  count(json: string): boolean {
    this.bytes += json.length;
    this.events += 1;
    if (this.events % 32 !== 0) return false;
    this.elapsed = performance.now() - this.start;
    return this.elapsed >= ROUND_MS;
  }

  get rate(): number {
    return (this.events / this.elapsed) * 1000;
  }

  get bytesPerEvent(): number {
    return this.bytes / this.events;
  }
}

/** gen-event's library: each event built and serialised as the CLI prints it. */
async function libraryRound(library: Library, testCase: Case): Promise<Round> {
  const round = new Round();
  const events = library.generateMany(testCase.source, Number.MAX_SAFE_INTEGER, testCase.options);
  for await (const event of events) if (round.count(JSON.stringify(event))) break;
  return round;
}

function baselineRound(baseline: () => unknown): Round {
  const round = new Round();
  while (!round.count(JSON.stringify(baseline()))) {
    // counting is the work
  }
  return round;
}

async function measure(library: Library, testCase: Case): Promise<ThroughputResult> {
  if (!(await hasSource(library, testCase.source))) {
    return { figure: testCase.figure, rate: 0, skipped: `no ${testCase.source} source in this build` };
  }
  const rounds: Round[] = [];
  const baselineRounds: Round[] = [];
  for (let i = -1; i < ROUNDS; i++) {
    const round = await libraryRound(library, testCase);
    const handWritten = testCase.baseline ? baselineRound(testCase.baseline) : undefined;
    if (i < 0) continue; // warm-up: both compiled by the JIT before anything counts
    rounds.push(round);
    if (handWritten) baselineRounds.push(handWritten);
  }
  const result: ThroughputResult = {
    figure: testCase.figure,
    rate: median(rounds.map((r) => r.rate)),
    bytesPerEvent: median(rounds.map((r) => r.bytesPerEvent)),
  };
  if (baselineRounds.length > 0) {
    result.baselineRate = median(baselineRounds.map((r) => r.rate));
    result.baselineBytesPerEvent = median(baselineRounds.map((r) => r.bytesPerEvent));
  }
  return result;
}

const library = await loadLibrary();
for (const testCase of CASES) console.log(JSON.stringify(await measure(library, testCase)));
