import type { Random } from '../../core/random.js';
import type { RealisticWords } from '../../core/realistic/words.js';
import { samplePayload } from '../../core/sample-payloads.js';

/** Key attributes of the items gen-event makes up: a single-table design's partition and sort key. */
export const SAMPLE_KEYS: readonly string[] = ['pk', 'sk'];

const ENTITY: Readonly<Record<string, string>> = {
  OrderPlaced: 'ORDER',
  UserSignedUp: 'USER',
  PaymentCaptured: 'PAYMENT',
  ShipmentDispatched: 'SHIPMENT',
};

/**
 * A realistic item of a single-table design (`pk` = `ORDER#ord_…`, `sk` = `METADATA`), holding a
 * business record with a version counter, as optimistic locking keeps one; `at` is the write's instant.
 */
export function sampleItem(
  words: RealisticWords,
  rng: Random,
  at: number,
  version: number,
): Record<string, unknown> {
  const payload = samplePayload(words, rng, at);
  const idKey = Object.keys(payload).find((key) => key.endsWith('Id')) as string;
  const entity = ENTITY[payload.type as string] ?? 'ITEM';
  return {
    pk: `${entity}#${payload[idKey] as string}`,
    sk: 'METADATA',
    ...payload,
    version,
    updatedAt: new Date(at).toISOString(),
  };
}

/** The same item as it was one write earlier: the version before, updated some minutes before. */
export function previousVersion(
  item: Record<string, unknown>,
  rng: Random,
  at: number,
): Record<string, unknown> {
  return {
    ...item,
    version: (item.version as number) - 1,
    updatedAt: new Date(at - rng.int(60_000, 3_600_000)).toISOString(),
  };
}
