import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { allValues, joinedValues, lastValues } from '../../../src/sources/http/maps.js';
import {
  decodedQueryGroups,
  encodeQueryParam,
  joinQuery,
  parseRawQuery,
  rawQueryGroups,
  splitTarget,
} from '../../../src/sources/http/query.js';

describe('splitTarget', () => {
  test('splits the path from the query and drops the fragment', () => {
    expect(splitTarget('/a/b?x=1&y=2#top')).toEqual({ path: '/a/b', rawQuery: 'x=1&y=2' });
    expect(splitTarget('/a?')).toEqual({ path: '/a', rawQuery: '' });
    expect(splitTarget('/a?b?c')).toEqual({ path: '/a', rawQuery: 'b?c' });
  });

  test('escapes what a client would escape, keeping escapes already written', () => {
    expect(splitTarget('/users/José Smith?q=a b&e=test%2Balias')).toEqual({
      path: '/users/Jos%C3%A9%20Smith',
      rawQuery: 'q=a%20b&e=test%2Balias',
    });
  });

  test('refuses a path that does not start with /', () => {
    expect(() => splitTarget('orders')).toThrow(UsageError);
  });
});

describe('encodeQueryParam', () => {
  test('escapes & in values and & or = in keys, so the pair stays one parameter', () => {
    expect(encodeQueryParam('a=b', 'x&y=z')).toBe('a%3Db=x%26y=z');
    expect(encodeQueryParam('plus', 'a+b')).toBe('plus=a+b');
    expect(encodeQueryParam('q?', 'why?')).toBe('q%3F=why%3F');
    expect(joinQuery(['', 'a=1', '', 'b=2'])).toBe('a=1&b=2');
    expect(joinQuery(['?x=1'])).toBe('%3Fx=1');
  });
});

describe('query maps', () => {
  const raw = 'x=foo%3Dbar&plus=a+b&t=1&t=2&flag&&caf%C3%A9=%E2%82%AC';

  test('parameters as sent: a name without = has the value ""', () => {
    expect(parseRawQuery(raw)).toEqual([
      ['x', 'foo%3Dbar'],
      ['plus', 'a+b'],
      ['t', '1'],
      ['t', '2'],
      ['flag', ''],
      ['caf%C3%A9', '%E2%82%AC'],
    ]);
  });

  test('ALB keeps keys and values as sent; single-value keeps the last', () => {
    expect(lastValues(rawQueryGroups(raw))).toEqual({
      x: 'foo%3Dbar',
      plus: 'a+b',
      t: '2',
      flag: '',
      'caf%C3%A9': '%E2%82%AC',
    });
    expect(allValues(rawQueryGroups(raw)).t).toEqual(['1', '2']);
  });

  test('API Gateway decodes %XX and + (REST last value, HTTP API comma-joined)', () => {
    const groups = decodedQueryGroups(raw);
    expect(lastValues(groups)).toEqual({ x: 'foo=bar', plus: 'a b', t: '2', flag: '', café: '€' });
    expect(joinedValues(groups)).toEqual({ x: 'foo=bar', plus: 'a b', t: '1,2', flag: '', café: '€' });
  });

  test('a key named __proto__ is an ordinary key', () => {
    const map = lastValues(rawQueryGroups('__proto__=x'));
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
