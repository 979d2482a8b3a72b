/**
 * In-process throughput, run in a fresh process by bench/main.ts for the sources named in argv[2] (a
 * JSON list): gen-event's library against a hand-written baseline producing the same JSON
 * (bench/sources/<name>.ts), measured in alternating rounds so both see the same machine. Prints one
 * JSON line per source.
 */
import { hasSource, type Library, loadLibrary } from './library.js';
import { sourceBench } from './source-bench.js';
import { median } from './stats.js';

export interface ThroughputResult {
  figure: string;
  /** Events per second. */
  rate: number;
  /** Size of the compact JSON, to show both sides build events of the same size. */
  bytesPerEvent?: number;
  baselineRate?: number;
  baselineBytesPerEvent?: number;
  /** The median of each round's rate over that of the baseline round run right after it. */
  ratio?: number;
  skipped?: string;
}

// Many short rounds a side, taking turns after a warm-up round: on a shared machine whose load comes
// and goes, the median of many alternating rounds is steadier than that of a few long ones.
const quick = process.argv[3] === 'quick';
const ROUNDS = quick ? 5 : 13;
const ROUND_MS = quick ? 60 : 80;

interface Case {
  figure: string;
  source: string;
  options: object;
  baseline?: () => unknown;
}

/** One case per source: its hand-written baseline when bench/sources/<name>.ts has one. */
async function caseFor(source: string): Promise<Case> {
  const throughput = (await sourceBench(source))?.throughput;
  if (throughput === undefined) return { figure: `${source}, realistic values`, source, options: {} };
  return {
    figure: `${source}, ${throughput.what}`,
    source,
    options: throughput.options,
    baseline: throughput.handWritten,
  };
}

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
    // Paired round by round: a load that comes and goes slows both rounds of a pair alike, so it
    // cancels in their ratio, where a median of each side's rates can take them from different times.
    result.ratio = median(rounds.map((r, i) => r.rate / (baselineRounds[i] as Round).rate));
  }
  return result;
}

const library = await loadLibrary();
for (const source of JSON.parse(process.argv[2] ?? '[]') as string[]) {
  console.log(JSON.stringify(await measure(library, await caseFor(source))));
}
