import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import {
  headerGroups,
  headerLayout,
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

describe('headerLayout', () => {
  test('a list of names that begins a longer one keeps its own layout, whichever comes first', () => {
    const longer: [string, string][] = [
      ['X-B', '1'],
      ['Accept', '2'],
      ['x-b', '3'],
    ];
    const shorter = longer.slice(0, 2);
    const longerLayout = {
      groups: [
        { key: 'accept', name: 'accept', at: [1] },
        { key: 'x-b', name: 'x-b', at: [0, 2] },
      ],
      plain: true,
    };
    const shorterLayout = {
      groups: [
        { key: 'accept', name: 'accept', at: [1] },
        { key: 'x-b', name: 'x-b', at: [0] },
      ],
      plain: true,
    };
    for (let round = 0; round < 2; round++) {
      expect(headerLayout(longer, lowerCaseName)).toStrictEqual(longerLayout);
      expect(headerLayout(shorter, lowerCaseName)).toStrictEqual(shorterLayout);
      expect(headerLayout([], lowerCaseName)).toStrictEqual({ groups: [], plain: true });
    }
  });

  test("the same names under another spelling rule get that rule's layout", () => {
    const fields: [string, string][] = [['authorization', 'Bearer x']];
    expect(headerLayout(fields, lowerCaseName).groups).toStrictEqual([
      { key: 'authorization', name: 'authorization', at: [0] },
    ]);
    expect(headerLayout(fields, restHeaderName).groups).toStrictEqual([
      { key: 'authorization', name: 'Authorization', at: [0] },
    ]);
  });
});
