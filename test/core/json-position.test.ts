import { describe, expect, it } from 'vitest';
import { invalidJsonOffset } from '../../src/core/json-position.js';

describe('invalidJsonOffset', () => {
  it.each([
    ['{"a":1,}', 7],
    ['[1,,2]', 3],
    ['{"a" 1}', 5],
    ["{'a':1}", 1],
    ['[1] x', 4],
    ['"bad \\q escape"', 6],
    ['{"a":tru}', 8],
    ['-', 0],
    ['[01]', 2],
    ['{"a":[1,2', 9],
  ])('%j breaks at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(invalidJsonOffset(text)).toBe(offset);
  });

  it('valid JSON scans to the end', () => {
    for (const text of ['{"a":[1,2.5e-3,true,false,null,"x\\u00e9"]}', ' 42 ', '"s"']) {
      expect(invalidJsonOffset(text)).toBe(text.length);
    }
  });
});
