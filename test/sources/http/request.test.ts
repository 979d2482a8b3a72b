import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { describeRequest } from '../../../src/sources/http/request.js';

describe('describeRequest', () => {
  test('joins the query of --path and --query, escaped as a client sends them', () => {
    const spec = describeRequest({
      path: '/s?a=1&b=x y',
      query: [
        ['c', 'd&e'],
        ['c', 'é'],
      ],
    });
    expect(spec.path).toBe('/s');
    expect(spec.rawQuery).toBe('a=1&b=x%20y&c=d%26e&c=%C3%A9');
  });

  test('Host, User-Agent, Content-Type and Cookie headers stand for their options', () => {
    const spec = describeRequest({
      headers: [
        ['HOST', 'API.example.com'],
        ['User-Agent', 'x/1'],
        ['content-type', 'text/csv'],
        ['Cookie', 'a=1; b=2'],
      ],
      cookies: { c: '3' },
    });
    expect(spec).toMatchObject({ host: 'api.example.com', userAgent: 'x/1', contentType: 'text/csv' });
    expect(spec.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(spec.headers).toEqual([]);
  });

  test('any other header name is an ordinary header, constructor and __proto__ included', () => {
    expect(
      describeRequest({
        headers: [
          ['constructor', 'x'],
          ['__proto__', 'y'],
        ],
      }).headers,
    ).toEqual([
      ['constructor', 'x'],
      ['__proto__', 'y'],
    ]);
  });

  test('a body sets the Content-Type a client would send', () => {
    expect(describeRequest({ json: [1, 2] })).toMatchObject({
      contentType: 'application/json',
      body: Buffer.from('[1,2]'),
    });
    expect(describeRequest({ form: { a: 'b c' } })).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      body: Buffer.from('a=b+c'),
    });
    expect(describeRequest({ body: Uint8Array.from([0xff]) })).toMatchObject({
      contentType: 'application/octet-stream',
      bodyIsText: false,
    });
    expect(describeRequest({ body: 'x', contentType: 'text/csv' }).contentType).toBe('text/csv');
  });

  test.each([
    ['a derived header', { headers: { 'Content-Length': '3' } }, /--header Content-Length cannot be given/],
    ['a trace header', { headers: { 'X-Amzn-Trace-Id': 'Root=1-a-b' } }, /X-Amzn-Trace-Id cannot be given/],
    ['two bodies', { body: 'a', json: {} }, /more than one of body, json and form/],
    [
      'two user agents',
      { userAgent: 'a', headers: { 'User-Agent': 'b' } },
      /--user-agent and a --header give two values/,
    ],
    ['a bad address', { sourceIp: '300.1.1.1' }, /is not an IP address/],
    ['a bad host', { host: 'a b' }, /is not a host name/],
    ['a bad cookie', { cookies: { a: 'x;y' } }, /cookie a has the value/],
    ['a cookie header without =', { headers: { Cookie: 'flag' } }, /not name=value/],
    ['an empty query name', { query: [['', 'x']] }, /--query has an empty name/],
    ['a method', { method: 'TRACE' }, /is not an HTTP method/],
    ['a JSON value that is none', { json: () => 1 }, /json is not a JSON value/],
  ] as const)('refuses %s', (_name, options, message) => {
    expect(() => describeRequest(options as never)).toThrow(UsageError);
    expect(() => describeRequest(options as never)).toThrow(message);
  });
});
