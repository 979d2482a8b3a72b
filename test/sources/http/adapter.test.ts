import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, test } from 'vitest';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  type HttpRequestOptions,
} from '../../../src/index.js';
import { PNG } from './cases.js';

/**
 * Reads events back the way web frameworks' Lambda adapters do (a WHATWG Request built from the
 * event), and checks the request that comes out is the one described.
 */
function toRequest(
  method: string,
  path: string,
  query: string,
  headers: Headers,
  body: Buffer | undefined,
): Request {
  const url = `https://${headers.get('host')}${path}${query ? `?${query}` : ''}`;
  const init: RequestInit = { method, headers };
  if (body && body.length > 0 && method !== 'GET' && method !== 'HEAD') init.body = body;
  return new Request(url, init);
}

const bodyOf = (event: { body?: string | null; isBase64Encoded: boolean }) =>
  event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : undefined;

function headersFrom(
  single?: Record<string, string | undefined>,
  multi?: Record<string, string[] | undefined>,
): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(multi ?? {}))
    for (const value of values ?? []) headers.append(name, value);
  if (!multi) for (const [name, value] of Object.entries(single ?? {})) headers.set(name, value ?? '');
  return headers;
}

/** ALB passes the query as sent, so the adapter joins it back without encoding (FORMATS §0.2). */
function fromAlb(event: ALBEvent): Request {
  const query = event.multiValueQueryStringParameters
    ? Object.entries(event.multiValueQueryStringParameters).flatMap(([k, vs]) =>
        (vs ?? []).map((v) => `${k}=${v}`),
      )
    : Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => `${k}=${v}`);
  return toRequest(
    event.httpMethod,
    event.path,
    query.join('&'),
    headersFrom(event.headers, event.multiValueHeaders),
    bodyOf(event),
  );
}

/** REST passes decoded values, so the adapter encodes them again. */
function fromRest(event: APIGatewayProxyEvent): Request {
  const query = new URLSearchParams();
  for (const [k, vs] of Object.entries(event.multiValueQueryStringParameters ?? {}))
    for (const v of vs ?? []) query.append(k, v);
  return toRequest(
    event.httpMethod,
    event.path,
    query.toString(),
    headersFrom(event.headers, event.multiValueHeaders),
    bodyOf(event),
  );
}

/** Payload 2.0 has the raw query string; cookies come back from cookies[]. */
function fromPayloadV2(event: APIGatewayProxyEventV2): Request {
  const headers = headersFrom(event.headers);
  if (event.cookies) headers.set('cookie', event.cookies.join('; '));
  return toRequest(
    event.requestContext.http.method,
    event.rawPath,
    event.rawQueryString,
    headers,
    bodyOf(event),
  );
}

const described: readonly HttpRequestOptions[] = [
  {
    method: 'POST',
    path: '/users/José Smith/orders?status=open&q=a+b',
    query: [
      ['status', 'late'],
      ['note', 'x&y=z ✓'],
    ],
    headers: [
      ['X-Request-Id', 'abc-123'],
      ['X-Tag', 'a'],
      ['X-Tag', 'b'],
    ],
    cookies: [
      ['session', 'abc123'],
      ['theme', 'dark'],
    ],
    json: { orderId: 42, note: 'ünïcode' },
  },
  { method: 'PUT', path: '/upload/photo.png', body: PNG, contentType: 'image/png', cookies: { s: '1' } },
  { method: 'GET', path: '/search?tag=%2Fa&tag=b', headers: { Accept: 'application/json' } },
];

const pairs = (input: HttpRequestOptions['headers']): [string, string][] =>
  Array.isArray(input)
    ? (input as [string, string][])
    : Object.entries(input ?? {}).map(([k, v]) => [k, String(v)]);

/**
 * How repeats survive: single-value maps keep the last value, multi-value maps every value (the
 * adapter's Headers joins them with ", "), payload 2.0 joins them with "," (FORMATS §0.4).
 */
type Repeats = 'last' | 'every' | 'comma-joined';

async function expectDescribed(request: Request, options: HttpRequestOptions, repeats: Repeats) {
  const url = new URL(request.url);
  expect(request.method).toBe(options.method);
  const [pathPart, queryPart = ''] = (options.path ?? '').split('?');
  expect(decodeURIComponent(url.pathname)).toBe(pathPart);
  const query = new URLSearchParams(queryPart);
  for (const [k, v] of pairs(options.query)) query.append(k, v);
  expect([...new Set(url.searchParams.keys())]).toEqual([...new Set(query.keys())]);
  for (const key of query.keys()) {
    expect(url.searchParams.getAll(key)).toEqual(
      repeats === 'last' ? query.getAll(key).slice(-1) : query.getAll(key),
    );
  }
  for (const [name] of pairs(options.headers)) {
    const values = pairs(options.headers)
      .filter(([n]) => n.toLowerCase() === name.toLowerCase())
      .map(([, v]) => v);
    const expected = { last: values.at(-1), every: values.join(', '), 'comma-joined': values.join(',') }[
      repeats
    ];
    expect(request.headers.get(name)).toBe(expected);
  }
  const cookies = pairs(options.cookies);
  expect(request.headers.get('cookie')).toBe(
    cookies.length ? cookies.map(([n, v]) => `${n}=${v}`).join('; ') : null,
  );
  const expectedBody =
    options.json !== undefined ? Buffer.from(JSON.stringify(options.json)) : Buffer.from(options.body ?? '');
  expect(Buffer.from(await request.arrayBuffer())).toEqual(expectedBody);
}

describe('read back by a framework adapter', () => {
  test.each(described)('ALB single-value: %#', async (options) => {
    await expectDescribed(fromAlb(await albEvent({ ...options, seed: 1 })), options, 'last');
  });
  test.each(described)('ALB multi-value: %#', async (options) => {
    await expectDescribed(
      fromAlb(await albEvent({ ...options, multiValue: true, seed: 1 })),
      options,
      'every',
    );
  });
  test.each(described)('REST: %#', async (options) => {
    const event = await apigwV1Event({ ...options, binaryMediaTypes: ['image/*'], seed: 1 });
    await expectDescribed(fromRest(event), options, 'every');
  });
  test.each(described)('HTTP API: %#', async (options) => {
    await expectDescribed(
      fromPayloadV2(await apigwV2Event({ ...options, seed: 1 })),
      options,
      'comma-joined',
    );
  });
  test.each(described)('function URL: %#', async (options) => {
    await expectDescribed(
      fromPayloadV2(await functionUrlEvent({ ...options, seed: 1 })),
      options,
      'comma-joined',
    );
  });
});
