import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import {
  headerGroups,
  headerValue,
  lowerCaseName,
  parseHeaderArg,
  restHeaderName,
} from '../../../src/sources/http/headers.js';
import { allValues, joinedValues, lastValues } from '../../../src/sources/http/maps.js';

describe('parseHeaderArg', () => {
  test("reads 'Name: value', trimming the value", () => {
    expect(parseHeaderArg('X-Request-Id:   42  ')).toEqual(['X-Request-Id', '42']);
    expect(parseHeaderArg('X-Empty:')).toEqual(['X-Empty', '']);
    expect(parseHeaderArg('X-Url: https://a.example/b')).toEqual(['X-Url', 'https://a.example/b']);
  });

  test.each(['X Request: 1', 'Bad(Name): 1', 'Café: 1', ': 1', 'no-colon'])('refuses %j', (arg) => {
    expect(() => parseHeaderArg(arg)).toThrow(UsageError);
  });

  test('refuses a line break in the value', () => {
    expect(() => parseHeaderArg('X-A: 1\r\nX-B: 2')).toThrow(UsageError);
  });
});

describe('header maps', () => {
  const fields = [
    ['X-Test', '1'],
    ['accept', '*/*'],
    ['x-test', '2'],
    ['aUThorization', 'Bearer t'],
  ] as const;

  test('lowercase names, sorted, repeats grouped whatever their casing', () => {
    const groups = headerGroups(fields, lowerCaseName);
    expect(lastValues(groups)).toEqual({ accept: '*/*', authorization: 'Bearer t', 'x-test': '2' });
    expect(Object.keys(lastValues(groups))).toEqual(['accept', 'authorization', 'x-test']);
    expect(joinedValues(groups)['x-test']).toBe('1,2');
    expect(allValues(groups)['x-test']).toEqual(['1', '2']);
  });

  test('REST keeps the first spelling but re-cases Authorization', () => {
    const groups = headerGroups(fields, restHeaderName);
    expect(Object.keys(allValues(groups))).toEqual(['accept', 'Authorization', 'X-Test']);
  });

  test('headerValue finds the last value whatever the casing', () => {
    expect(headerValue(fields, 'X-TEST')).toBe('2');
    expect(headerValue(fields, 'host')).toBeUndefined();
  });
});
