import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { apigwV2Event } from '../../src/index.js';
import { PNG } from './http/cases.js';

const TIME = '2024-06-17T15:52:39.080Z';

describe('apigw-v2', () => {
  test('rawQueryString as sent; the map decoded with repeats comma-joined', async () => {
    const event = await apigwV2Event({
      path: '/x?x=foo%3Dbar&plus=a+b&t=1&t=2',
      query: { t: '3 4' },
      seed: 1,
    });
    expect(event.rawQueryString).toBe('x=foo%3Dbar&plus=a+b&t=1&t=2&t=3%204');
    expect(event.queryStringParameters).toEqual({ x: 'foo=bar', plus: 'a b', t: '1,2,3 4' });
  });

  test('empty fields are left out; content-length is 0 without a body', async () => {
    const event = await apigwV2Event({ path: '/', seed: 2 });
    expect(Object.keys(event)).toEqual([
      'version',
      'routeKey',
      'rawPath',
      'rawQueryString',
      'headers',
      'requestContext',
      'isBase64Encoded',
    ]);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/',
      rawQueryString: '',
      isBase64Encoded: false,
    });
    expect(event.headers['content-length']).toBe('0');
    expect(Object.keys(event.requestContext)).toEqual([
      'accountId',
      'apiId',
      'domainName',
      'domainPrefix',
      'http',
      'requestId',
      'routeKey',
      'stage',
      'time',
      'timeEpoch',
    ]);
  });

  test('time, timeEpoch and the trace id agree with --time; requestId has the real shape', async () => {
    const event = await apigwV2Event({ time: TIME, seed: 3 });
    expect(event.requestContext.time).toBe('17/Jun/2024:15:52:39 +0000');
    expect(event.requestContext.timeEpoch).toBe(1718639559080);
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-66705bc7-[0-9a-f]{24}$/);
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9_-]{15}=$/);
  });

  test('cookies go to cookies[] and leave the headers', async () => {
    const event = await apigwV2Event({
      cookies: [
        ['session', 'abc'],
        ['theme', 'dark'],
      ],
      headers: { Cookie: 'lang=en' },
      seed: 4,
    });
    expect(event.cookies).toEqual(['lang=en', 'session=abc', 'theme=dark']);
    expect(event.headers.cookie).toBeUndefined();
  });

  test('header names lowercased, repeats comma-joined without a space', async () => {
    const event = await apigwV2Event({
      headers: [
        ['Header2', 'h1'],
        ['header2', 'h2'],
        ['ExTrA-HeadErs', 'With WeiRd CapS'],
      ],
      seed: 5,
    });
    expect(event.headers.header2).toBe('h1,h2');
    expect(event.headers['extra-headers']).toBe('With WeiRd CapS');
  });

  test('a route gives routeKey, the method and pathParameters; a named stage prefixes rawPath', async () => {
    const event = await apigwV2Event({ route: 'GET /items/{id}', path: '/items/42', stage: 'dev', seed: 6 });
    expect(event.routeKey).toBe('GET /items/{id}');
    expect(event.requestContext.routeKey).toBe('GET /items/{id}');
    expect(event.rawPath).toBe('/dev/items/42');
    expect(event.requestContext.http).toMatchObject({ method: 'GET', path: '/dev/items/42' });
    expect(event.requestContext.stage).toBe('dev');
    expect(event.pathParameters).toEqual({ id: '42' });
  });

  test('a greedy route; a route with no --path gets one it matches', async () => {
    const proxy = await apigwV2Event({ route: 'ANY /{proxy+}', path: '/a/b', method: 'DELETE', seed: 7 });
    expect(proxy.pathParameters).toEqual({ proxy: 'a/b' });
    const filled = await apigwV2Event({ route: 'POST /carts/{cartId}/items', seed: 7 });
    expect(filled.rawPath).toMatch(/^\/carts\/[0-9a-f-]+\/items$/);
    expect(filled.requestContext.http.method).toBe('POST');
  });

  test('a route and a path or method that disagree are refused', async () => {
    await expect(apigwV2Event({ route: 'GET /items/{id}', path: '/orders/1' })).rejects.toThrow(UsageError);
    await expect(apigwV2Event({ route: 'GET /items/{id}', method: 'POST' })).rejects.toThrow(UsageError);
    await expect(apigwV2Event({ route: 'get /items' })).rejects.toThrow(UsageError);
  });

  test.each([
    ['application/json', '{"a":1}', false],
    ['text/plain; charset=utf-8', 'hi', false],
    ['application/x-www-form-urlencoded', 'a=b', true],
    ['image/png', PNG, true],
  ] as const)('a %s body is base64: %s', async (contentType, body, base64) => {
    const event = await apigwV2Event({ body, contentType, seed: 8 });
    expect(event.isBase64Encoded).toBe(base64);
    expect(event.body).toBe(Buffer.from(body).toString(base64 ? 'base64' : 'utf8'));
    expect(event.headers['content-length']).toBe(String(Buffer.from(body).length));
  });

  test('jwt: claims sorted and all strings; scopes null for an id token, the list for an access token', async () => {
    const id = await apigwV2Event({
      authorizer: 'jwt',
      claims: { email: 'jane@example.com', exp: '1718722804' },
      seed: 9,
    });
    const claims = id.requestContext.authorizer.jwt.claims;
    expect(Object.keys(claims)).toEqual([...Object.keys(claims)].sort());
    expect(claims).toMatchObject({ exp: '1718722804', email: 'jane@example.com', token_use: 'id' });
    expect(id.requestContext.authorizer.jwt.scopes).toBeNull();
    const access = await apigwV2Event({
      authorizer: 'jwt',
      scopes: ['orders/read', 'orders/write'],
      seed: 9,
    });
    expect(access.requestContext.authorizer.jwt.scopes).toEqual(['orders/read', 'orders/write']);
    expect(access.requestContext.authorizer.jwt.claims).toMatchObject({
      scope: 'orders/read orders/write',
      token_use: 'access',
    });
    expect(access.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test('lambda: null without context, the context object with it', async () => {
    const bare = await apigwV2Event({ authorizer: 'lambda', seed: 10 });
    expect(bare.requestContext.authorizer).toEqual({ lambda: null });
    const withContext = await apigwV2Event({
      authorizer: 'lambda',
      authorizerContext: { tenant: 'acme', level: 3 },
      seed: 10,
    });
    expect(withContext.requestContext.authorizer).toEqual({ lambda: { tenant: 'acme', level: 3 } });
  });

  test('iam: the caller in authorizer.iam and a SigV4 authorization header for the region', async () => {
    const event = await apigwV2Event({
      authorizer: 'iam',
      region: 'eu-west-1',
      accountId: '123456789012',
      time: TIME,
      seed: 11,
    });
    const iam = event.requestContext.authorizer.iam;
    expect(Object.keys(iam)).toEqual([
      'accessKey',
      'accountId',
      'callerId',
      'cognitoIdentity',
      'principalOrgId',
      'userArn',
      'userId',
    ]);
    expect(iam).toMatchObject({ accountId: '123456789012', cognitoIdentity: null, principalOrgId: null });
    expect(iam.userId).toBe(iam.callerId);
    expect(event.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${iam.accessKey}/20240617/eu-west-1/execute-api/aws4_request, SignedHeaders=`,
      ),
    );
    expect(event.headers['x-amz-date']).toMatch(/^20240617T15\d{4}Z$/);
  });

  test('mtls adds authentication.clientCert; without it there is no authentication key', async () => {
    const event = await apigwV2Event({ mtls: true, seed: 12 });
    const cert = event.requestContext.authentication?.clientCert;
    expect(Object.keys(cert ?? {})).toEqual([
      'clientCertPem',
      'subjectDN',
      'issuerDN',
      'serialNumber',
      'validity',
    ]);
    expect(cert?.clientCertPem).toMatch(
      /^-----BEGIN CERTIFICATE-----\nMII[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/,
    );
    expect(cert?.validity.notBefore).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4} GMT$/);
    expect('authentication' in (await apigwV2Event({ seed: 12 })).requestContext).toBe(false);
  });

  test('--scope and --claim need the jwt authorizer', async () => {
    await expect(apigwV2Event({ scopes: ['a'] })).rejects.toThrow(UsageError);
    await expect(apigwV2Event({ authorizer: 'iam', claims: { a: 'b' } })).rejects.toThrow(UsageError);
    await expect(apigwV2Event({ authorizer: 'jwt', scopes: ['has space'] })).rejects.toThrow(UsageError);
  });
});
