import type { Random } from '../../core/random.js';

export type TimestampType = 'CREATE_TIME' | 'LOG_APPEND_TIME';
export const TIMESTAMP_TYPES: readonly TimestampType[] = ['CREATE_TIME', 'LOG_APPEND_TIME'];

/** One Kafka record as the event source mapping delivers it, keys in the documented order. */
export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: TimestampType;
  /** Absent when the record was produced without a key. */
  key?: string;
  value: string;
  headers: Record<string, number[]>[];
}

/** What one batch is made of; the key, value and headers of each record are already encoded. */
export interface BatchPlan {
  topic: string;
  /** The partition each record came from, in delivery order. */
  partitions: readonly number[];
  timestampType: TimestampType;
  /** Base64 key of record `i`, or undefined for a record without a key. */
  keyOf: (i: number) => string | undefined;
  /** Base64 value of record `i`. */
  valueOf: (i: number) => string;
  /** Header names and their bytes, the same on every record. */
  headers: readonly (readonly [string, Uint8Array])[];
  /** The batch's instant: every record was written before it. */
  time: number;
}

/**
 * `records` grouped as Lambda groups them, under `<topic>-<partition>` keys in the order partitions
 * first appear. Offsets count up by one within a partition from a realistic position; timestamps move
 * forward through the batch and end shortly before it is delivered.
 */
export function groupedRecords(rng: Random, plan: BatchPlan): Record<string, KafkaRecord[]> {
  const count = plan.partitions.length;
  const timestamps = new Array<number>(count);
  let t = plan.time - rng.int(5, 200);
  for (let i = count - 1; i >= 0; i--) {
    timestamps[i] = t;
    t -= rng.int(0, 30);
  }
  const nextOffset = new Map<number, number>();
  const groups: Record<string, KafkaRecord[]> = {};
  for (let i = 0; i < count; i++) {
    const partition = plan.partitions[i] as number;
    const offset = nextOffset.get(partition) ?? rng.int(0, 9_999_999);
    nextOffset.set(partition, offset + 1);
    const timestamp = timestamps[i] as number;
    const { topic, timestampType } = plan;
    // Keys in the documented order; `key` only for a record produced with one.
    const key = plan.keyOf(i);
    const value = plan.valueOf(i);
    const headers = plan.headers.map(([name, bytes]) => ({ [name]: Array.from(bytes) }));
    const record: KafkaRecord =
      key === undefined
        ? { topic, partition, offset, timestamp, timestampType, value, headers }
        : { topic, partition, offset, timestamp, timestampType, key, value, headers };
    const group = `${plan.topic}-${partition}`;
    const list = groups[group];
    if (list) list.push(record);
    else groups[group] = [record];
  }
  return groups;
}
