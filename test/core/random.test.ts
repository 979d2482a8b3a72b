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

  it('chars and uuid draw exactly what one draw per character gives, at every length', () => {
    // The plain definition, written out: character i is alphabet[uint32() % length].
    const reference = (rng: Random, alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[rng.uint32() % alphabet.length]).join('');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const length of [0, 1, 2, 12, 13, 14, 36, 1023, 1024, 1025, 3000]) {
      const key = Random.keyOf('chars', length);
      expect(Random.forIndex(key, 0).chars(alphabet, length)).toBe(
        reference(Random.forIndex(key, 0), alphabet, length),
      );
    }
    // A UUID: 30 hex digits drawn in order, one draw for the version digit, one for the variant's.
    const key = Random.keyOf('uuid-reference');
    for (let index = 0; index < 50; index++) {
      const digits = Random.forIndex(key, index);
      const hex = () => '0123456789abcdef'[digits.uint32() % 16];
      const draw = (count: number) => Array.from({ length: count }, hex).join('');
      const a = draw(8);
      const b = draw(4);
      digits.uint32();
      const c = draw(3);
      digits.uint32();
      const d = draw(3);
      const e = draw(12);
      const variant = '89ab'[digits.uint32() & 3];
      expect(Random.forIndex(key, index).uuid()).toBe(`${a}-${b}-4${c}-${variant}${d}-${e}`);
    }
  });

  it('digitsValue is the number digits spells, taking the same draws', () => {
    const key = Random.keyOf('digits-value');
    for (let index = 0; index < 200; index++) {
      const spelled = Random.forIndex(key, index);
      const counted = Random.forIndex(key, index);
      const length = 1 + (index % 6);
      expect(counted.digitsValue(length)).toBe(Number(spelled.digits(length)));
      // Both leave the stream at the same place.
      expect(counted.uint32()).toBe(spelled.uint32());
    }
  });

  it('refuses an alphabet beyond ASCII for a long text rather than garble it', () => {
    const rng = Random.fromParts('wide');
    expect(() => rng.chars('aé', 40)).toThrow(RangeError);
  });
});
