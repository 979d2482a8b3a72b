import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import {
  checkMethod,
  fillPath,
  matchPath,
  parsePathTemplate,
  parseRouteKey,
} from '../../../src/sources/http/routes.js';

const template = (text: string) => parsePathTemplate(text, '--resource');

describe('path templates', () => {
  test('variables take one segment, greedy ones the rest, values as sent', () => {
    expect(matchPath(template('/users/{id}'), '/users/42')).toEqual({ id: '42' });
    expect(matchPath(template('/users/{id}'), '/users/42/x')).toBeUndefined();
    expect(matchPath(template('/users/{id}'), '/users/')).toBeUndefined();
    expect(matchPath(template('/{proxy+}'), '/a//b/test%2Balias@x')).toEqual({
      proxy: 'a//b/test%2Balias@x',
    });
    expect(matchPath(template('/files/{key+}'), '/files')).toBeUndefined();
    expect(matchPath(template('/a/{b}/c/{d+}'), '/a/1/c/2/3')).toEqual({ b: '1', d: '2/3' });
  });

  test('the root resource matches only /', () => {
    expect(matchPath(template('/'), '/')).toEqual({});
    expect(matchPath(template('/{proxy+}'), '/')).toBeUndefined();
  });

  test('fills variables', () => {
    expect(fillPath(template('/u/{id}/f/{p+}'), (name, greedy) => (greedy ? 'a/b' : name))).toBe(
      '/u/id/f/a/b',
    );
  });

  test.each(['users', '/a//b', '/{proxy+}/x', '/{id}/{id}', '/a{id}', '/{}'])('refuses %j', (text) => {
    expect(() => template(text)).toThrow(UsageError);
  });
});

describe('route keys', () => {
  test('$default or METHOD /path, ANY allowed', () => {
    expect(parseRouteKey('$default')).toEqual({ kind: 'default' });
    const route = parseRouteKey('ANY /{proxy+}');
    expect(route.kind === 'route' && route.method).toBe('ANY');
  });

  test.each(['GET', 'get /x', 'FETCH /x', 'GET  /x', 'GET x'])('refuses %j', (text) => {
    expect(() => parseRouteKey(text)).toThrow(UsageError);
  });

  test('methods are uppercased and checked', () => {
    expect(checkMethod('patch')).toBe('PATCH');
    expect(() => checkMethod('TRACE')).toThrow(UsageError);
  });
});
