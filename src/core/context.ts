import { checkAccountId, checkRegion, dnsSuffixOf, partitionOf, randomAccountId } from './aws.js';
import { UsageError } from './errors.js';
import { Random } from './random.js';
import { checkRange, parseTime, seededInstant } from './time.js';

/** Options every source takes (the library's names; the CLI's are their kebab-case forms). */
export interface RunOptions {
  /** Same options + same seed = the same bytes, on any machine, any day. */
  seed?: string | number;
  /** When the event happened: a Date, ISO-8601 text with a zone, or epoch milliseconds. Default: now (or, with a seed, an instant fixed by the seed). */
  time?: string | number | Date;
  /** Default us-east-1. Every region field and ARN agrees with it. */
  region?: string;
  /** Default: a realistic random 12-digit id. Every ARN agrees with it. */
  accountId?: string;
  /** Told about anything the service would do differently or refuse (an event over a size limit…). */
  onWarning?: (message: string) => void;
}

/** What is fixed for a whole run: the account, the region, the clock's start, the run's own randomness. */
export interface RunContext {
  readonly seedMaterial: string;
  /** For choices made once per run (a queue name, a sender). */
  readonly rng: Random;
  readonly region: string;
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly accountId: string;
  readonly startTime: number;
  warn(message: string): void;
}

/** What one event is built from: its own randomness and its own instant. */
export interface EventContext {
  readonly run: RunContext;
  readonly rng: Random;
  readonly time: number;
  readonly index: number;
}

/** Region and account a source's own options imply, e.g. from a queue ARN. */
export interface ImpliedPlacement {
  region?: string;
  accountId?: string;
}

/** What a run's randomness and clock start from: given again, it opens the same run in another thread. */
export interface RunOrigin {
  seedMaterial: string;
  startTime: number;
}

export function createRunContext(
  options: RunOptions,
  implied: ImpliedPlacement = {},
  origin?: RunOrigin,
): RunContext {
  const seeded = options.seed !== undefined;
  if (seeded && String(options.seed).length === 0) {
    throw new UsageError('--seed is empty', 'give a number or a word, e.g. --seed 42');
  }
  const seedMaterial =
    origin?.seedMaterial ?? (seeded ? `seed:${String(options.seed)}` : `random:${Random.unseededHex()}`);
  const rng = Random.fromParts(seedMaterial, 'run');

  const region = checkRegion(agree('region', options.region, implied.region) ?? 'us-east-1');
  const accountOption = agree('account-id', options.accountId, implied.accountId);
  const accountId = accountOption === undefined ? randomAccountId(rng) : checkAccountId(accountOption);

  let startTime: number;
  if (origin) startTime = origin.startTime;
  else if (options.time instanceof Date)
    startTime = checkRange(options.time.getTime(), String(options.time.getTime()));
  else if (options.time !== undefined) startTime = parseTime(options.time);
  else if (seeded) startTime = seededInstant(Random.fromParts(seedMaterial, 'clock').float());
  else startTime = Date.now();

  const onWarning = options.onWarning ?? (() => {});
  return {
    seedMaterial,
    rng,
    region,
    partition: partitionOf(region),
    dnsSuffix: dnsSuffixOf(region),
    accountId,
    startTime,
    warn: onWarning,
  };
}

function agree(option: string, given: string | undefined, implied: string | undefined): string | undefined {
  if (given !== undefined && implied !== undefined && given !== implied) {
    throw new UsageError(
      `--${option} ${given} disagrees with the ARN you gave (${implied})`,
      `drop --${option} or make the two agree`,
    );
  }
  return given ?? implied;
}

/** The contexts of a run's events, in order. */
export interface EventContexts {
  next(): EventContext;
  /** Moves past events without building them: their instants still count, so later events are unchanged. */
  skip(count: number): void;
}

/**
 * The context of event `index` of a run. Events after the first move forward in time by a realistic
 * gap, so a `--count` run reads like traffic; each has randomness of its own, so events are independent
 * (and a long run can be built by several threads, each skipping the others' events).
 */
export function eventContexts(run: RunContext): EventContexts {
  let index = 0;
  let time = run.startTime;
  const key = Random.keyOf(run.seedMaterial, 'event');
  const advance = (): Random => {
    const rng = Random.forIndex(key, index);
    if (index > 0) time += rng.int(5, 2500);
    return rng;
  };
  return {
    next() {
      const rng = advance();
      return { run, rng, time, index: index++ };
    },
    skip(count) {
      for (let i = 0; i < count; i++) {
        advance();
        index++;
      }
    },
  };
}
