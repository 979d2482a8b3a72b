import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';

describe('Random', () => {
  it('the same key and index give the same stream; neighbouring indexes give unrelated ones', () => {
    const key = Random.keyOf('seed:1', 'event');
    const first = (index: number) => Array.from({ length: 4 }, () => Random.forIndex(key, index).uint32());
    expect(first(7)).toEqual(first(7));
    const starts = new Set(Array.from({ length: 10_000 }, (_, i) => Random.forIndex(key, i).uint32()));
    expect(starts.size).toBe(10_000);
    // Bits of neighbouring streams agree about half the time, as for independent words.
    let agreeing = 0;
    for (let i = 0; i < 2_000; i++) {
      const x = Random.forIndex(key, i).uint32() ^ Random.forIndex(key, i + 1).uint32();
      agreeing += 32 - x.toString(2).replaceAll('0', '').length;
    }
    expect(agreeing / (2_000 * 32)).toBeGreaterThan(0.48);
    expect(agreeing / (2_000 * 32)).toBeLessThan(0.52);
  });

  it('uuids are version 4 with the RFC 4122 variant', () => {
    const rng = Random.forIndex(Random.keyOf('uuid'), 0);
    for (let i = 0; i < 200; i++)
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
