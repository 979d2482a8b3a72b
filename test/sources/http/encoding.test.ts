import { describe, expect, test } from 'vitest';
import { escapeUnsafe, percentDecode } from '../../../src/sources/http/encoding.js';

describe('escapeUnsafe', () => {
  test('keeps what a client sends as it is, and escapes already written', () => {
    expect(escapeUnsafe("/a-b_c.d~e!$&'()*+,;=:@/?")).toBe("/a-b_c.d~e!$&'()*+,;=:@/?");
    expect(escapeUnsafe('foo%3Dbar%2b')).toBe('foo%3Dbar%2b');
  });

  test('escapes spaces and non-ASCII as UTF-8; a % stays as the client typed it, as browsers and curl send it', () => {
    expect(escapeUnsafe('a b')).toBe('a%20b');
    expect(escapeUnsafe('café')).toBe('caf%C3%A9');
    expect(escapeUnsafe('50%')).toBe('50%');
    expect(escapeUnsafe('%zz')).toBe('%zz');
    expect(escapeUnsafe('%3D')).toBe('%3D');
    expect(escapeUnsafe('😀')).toBe('%F0%9F%98%80');
    expect(escapeUnsafe('"<>#`{}|\\^')).toBe('%22%3C%3E%23%60%7B%7D%7C%5C%5E');
  });

  test('escapes the characters it is told to', () => {
    expect(escapeUnsafe('a&b=c', '&=')).toBe('a%26b%3Dc');
  });
});

describe('percentDecode', () => {
  test('decodes escapes as UTF-8 and + only when asked', () => {
    expect(percentDecode('caf%C3%A9+x%2B', true)).toBe('café x+');
    expect(percentDecode('a+b', false)).toBe('a+b');
  });

  test('leaves what is not an escape', () => {
    expect(percentDecode('100%', true)).toBe('100%');
    expect(percentDecode('%G1', true)).toBe('%G1');
  });

  test('turns bytes that are not UTF-8 into U+FFFD', () => {
    expect(percentDecode('%FF', true)).toBe('\uFFFD');
  });
});
