import { describe, expect, it } from 'vitest';
import { rememberLast } from '../../src/core/remember-last.js';

describe('rememberLast', () => {
  it('computes again only when the key differs from the last one, whatever the first key is', () => {
    const asked: unknown[] = [];
    const square = rememberLast((n: number | undefined) => {
      asked.push(n);
      return n === undefined ? -1 : n * n;
    });
    expect([undefined, undefined, 3, 3, 3, 4, 3, Number.NaN, Number.NaN].map(square)).toEqual([
      -1,
      -1,
      9,
      9,
      9,
      16,
      9,
      Number.NaN,
      Number.NaN,
    ]);
    // NaN is never === itself, so it is computed each time.
    expect(asked).toEqual([undefined, 3, 4, 3, Number.NaN, Number.NaN]);
  });
});
