import type { Random } from '../../core/random.js';

/**
 * Kinesis sequence numbers as Firehose passes them on: 56 decimal digits (FORMATS-events §6), increasing
 * within a shard and sharing a long common prefix, like the documented examples.
 */
export function sequenceStart(rng: Random): bigint {
  return BigInt(`49${rng.digits(54)}`);
}

/** The next sequence number of a shard: further on by an amount that keeps the 56 digits. */
export function nextSequence(rng: Random, previous: bigint): bigint {
  return previous + BigInt(rng.int(1, 2 ** 30)) * 1_000_000n + BigInt(rng.int(0, 999_999));
}

/** Firehose's recordId: the record's sequence number and its subsequence, padded to 6 digits (a real Direct PUT id has 62 digits ending 000000). */
export function firehoseRecordId(sequence: bigint, subsequence: number): string {
  return `${sequence}${String(subsequence).padStart(6, '0')}`;
}
