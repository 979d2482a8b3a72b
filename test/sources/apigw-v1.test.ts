import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { apigwV1Event } from '../../src/index.js';
import { PNG } from './http/cases.js';

const TIME = '2024-06-17T14:48:13.506Z';
const jwtPayload = (authorization: string | undefined) =>
  JSON.parse(
    Buffer.from((authorization ?? '').split(' ')[1]?.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );

describe('apigw-v1', () => {
  test('decodes query values (+ is a space), keeps the last value, and every value in the multi-value map', async () => {
    const event = await apigwV1Event({ path: '/x?x=foo%3Dbar&plus=a+b&t=1&t=2&t=', seed: 1 });
    expect(event.queryStringParameters).toEqual({ x: 'foo=bar', plus: 'a b', t: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      x: ['foo=bar'],
      plus: ['a b'],
      t: ['1', '2', ''],
    });
  });

  test('null for empty maps and an empty body; every top-level key present, no version', async () => {
    const event = await apigwV1Event({ path: '/', method: 'POST', seed: 2 });
    expect(Object.keys(event)).toEqual([
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
      'body',
      'isBase64Encoded',
    ]);
    expect(event).toMatchObject({
      resource: '/',
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
    expect('authorizer' in event.requestContext).toBe(false);
  });

  test('requestTime, requestTimeEpoch and the trace id agree with --time', async () => {
    const event = await apigwV1Event({ time: TIME, seed: 3 });
    expect(event.requestContext.requestTime).toBe('17/Jun/2024:14:48:13 +0000');
    expect(event.requestContext.requestTimeEpoch).toBe(1718635693506);
    expect(event.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-66704cad-[0-9a-f]{24}$/);
  });

  test('path parameters from the resource, not decoded; the path keeps its escapes', async () => {
    const user = await apigwV1Event({ resource: '/users/{id}', path: '/users/test%2Balias@x.com', seed: 4 });
    expect(user.pathParameters).toEqual({ id: 'test%2Balias@x.com' });
    expect(user.path).toBe('/users/test%2Balias@x.com');
    expect(user.requestContext.path).toBe('/prod/users/test%2Balias@x.com');
    const proxy = await apigwV1Event({ path: '/proxy-value//double/a b', stage: 'v2', seed: 4 });
    expect(proxy.resource).toBe('/{proxy+}');
    expect(proxy.pathParameters).toEqual({ proxy: 'proxy-value//double/a%20b' });
    expect(proxy.requestContext.path).toBe('/v2/proxy-value//double/a%20b');
    await expect(apigwV1Event({ resource: '/users/{id}', path: '/orders/1' })).rejects.toThrow(UsageError);
  });

  test('a resource with variables and no path gets a path it matches', async () => {
    const event = await apigwV1Event({ resource: '/shops/{shop}/items/{itemId}', seed: 5 });
    expect(event.path).toMatch(/^\/shops\/[a-z-]+\/items\/[0-9a-f-]+$/);
    expect(Object.keys(event.pathParameters ?? {})).toEqual(['shop', 'itemId']);
  });

  test('a custom domain: requestContext.path is the path as sent, domainPrefix the first label', async () => {
    const event = await apigwV1Event({ host: 'api.example.com', path: '/orders', seed: 6 });
    expect(event.requestContext).toMatchObject({
      path: '/orders',
      domainName: 'api.example.com',
      domainPrefix: 'api',
    });
    expect(event.headers.Host).toBe('api.example.com');
  });

  test('an execute-api host sets the API id and the region', async () => {
    const event = await apigwV1Event({ host: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com', seed: 6 });
    expect(event.requestContext).toMatchObject({ apiId: 'puhdx84jy9', domainPrefix: 'puhdx84jy9' });
    await expect(
      apigwV1Event({ host: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com', region: 'us-east-1' }),
    ).rejects.toThrow(UsageError);
  });

  test('edge endpoints add CloudFront headers and the edge address; regional ones do not', async () => {
    const options = { sourceIp: '15.248.3.126', userAgent: 'HTTPie/3.2.2', seed: 7 } as const;
    const edge = await apigwV1Event(options);
    expect(Object.keys(edge.headers).filter((h) => /^(CloudFront-|Via|X-Amz-Cf-Id)/.test(h))).toEqual([
      'CloudFront-Forwarded-Proto',
      'CloudFront-Is-Desktop-Viewer',
      'CloudFront-Is-Mobile-Viewer',
      'CloudFront-Is-SmartTV-Viewer',
      'CloudFront-Is-Tablet-Viewer',
      'CloudFront-Viewer-ASN',
      'CloudFront-Viewer-Country',
      'Via',
      'X-Amz-Cf-Id',
    ]);
    expect(edge.headers['CloudFront-Is-Desktop-Viewer']).toBe('true');
    expect(edge.headers['X-Forwarded-For']).toMatch(/^15\.248\.3\.126, \d+\.\d+\.\d+\.\d+$/);
    expect(edge.headers.Via).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(edge.headers['X-Amz-Cf-Id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    const regional = await apigwV1Event({ ...options, endpoint: 'regional' });
    expect(Object.keys(regional.headers)).toEqual([
      'Accept',
      'Host',
      'User-Agent',
      'X-Amzn-Trace-Id',
      'X-Forwarded-For',
      'X-Forwarded-Port',
      'X-Forwarded-Proto',
    ]);
    expect(regional.headers['X-Forwarded-For']).toBe('15.248.3.126');
  });

  test('a mobile User-Agent sets CloudFront-Is-Mobile-Viewer', async () => {
    const event = await apigwV1Event({
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148',
      seed: 7,
    });
    expect(event.headers['CloudFront-Is-Mobile-Viewer']).toBe('true');
    expect(event.headers['CloudFront-Is-Desktop-Viewer']).toBe('false');
  });

  test("keeps the client's header casing, re-cases Authorization, and keeps the last of repeats", async () => {
    const event = await apigwV1Event({
      headers: [
        ['tEsT-HEADeR', 'aValUE'],
        ['aUThorization', 'random-value'],
        ['X-Tag', 'gzip, deflate'],
        ['x-tag', 'b'],
      ],
      cookies: { a: '1' },
      seed: 8,
    });
    expect(event.headers['tEsT-HEADeR']).toBe('aValUE');
    expect(event.headers.Authorization).toBe('random-value');
    expect(event.headers['X-Tag']).toBe('b');
    expect(event.multiValueHeaders['X-Tag']).toEqual(['gzip, deflate', 'b']);
    expect(event.headers.Cookie).toBe('a=1');
  });

  test('base64 only for a Content-Type in binaryMediaTypes', async () => {
    const matched = await apigwV1Event({
      body: PNG,
      contentType: 'image/png',
      binaryMediaTypes: ['image/*'],
      seed: 9,
    });
    expect(matched).toMatchObject({ body: Buffer.from(PNG).toString('base64'), isBase64Encoded: true });
    const json = await apigwV1Event({ json: { a: 1 }, binaryMediaTypes: ['image/*'], seed: 9 });
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false, httpMethod: 'POST' });
    const form = await apigwV1Event({ form: { a: 'b c' }, seed: 9 });
    expect(form).toMatchObject({ body: 'a=b+c', isBase64Encoded: false });
    expect(form.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  test('warns that a binary body without a binary media type arrives as mangled text', async () => {
    const warnings: string[] = [];
    const event = await apigwV1Event({
      body: PNG,
      contentType: 'image/png',
      onWarning: (w) => warnings.push(w),
      seed: 9,
    });
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(Buffer.from(PNG).toString('utf8'));
    expect(warnings).toEqual([
      'the body is binary but image/png is not a binary media type; REST would pass it as mangled text (add --binary-media-type)',
    ]);
  });

  test('cognito: claims are strings, exp/iat in Java Date form, auth_time in digits, and the token carries them', async () => {
    const event = await apigwV1Event({
      authorizer: 'cognito',
      claims: { exp: '1718722804', iat: '1718636404', auth_time: '1718636404', email: 'jane@example.com' },
      time: TIME,
      seed: 10,
    });
    const claims = event.requestContext.authorizer.claims;
    expect(claims).toMatchObject({
      exp: 'Tue Jun 18 15:00:04 UTC 2024',
      iat: 'Mon Jun 17 15:00:04 UTC 2024',
      auth_time: '1718636404',
      email: 'jane@example.com',
      token_use: 'id',
    });
    expect(Object.values(claims).every((v) => typeof v === 'string')).toBe(true);
    expect(Object.keys(event.requestContext.authorizer)).toEqual(['claims']);
    const token = jwtPayload(event.headers.Authorization);
    expect(token).toMatchObject({
      exp: 1718722804,
      iat: 1718636404,
      email: 'jane@example.com',
      sub: claims.sub,
    });
  });

  test('lambda: principalId, a numeric integrationLatency and the context as strings', async () => {
    const event = await apigwV1Event({
      authorizer: 'lambda',
      principalId: 'user-7',
      authorizerContext: { tenant: 'acme', admin: true, level: 3 },
      seed: 11,
    });
    const authorizer = event.requestContext.authorizer;
    expect(Object.keys(authorizer)).toEqual([
      'principalId',
      'integrationLatency',
      'tenant',
      'admin',
      'level',
    ]);
    expect(authorizer).toMatchObject({ principalId: 'user-7', tenant: 'acme', admin: 'true', level: '3' });
    expect(typeof authorizer.integrationLatency).toBe('number');
    expect(event.headers.Authorization).toMatch(/^Bearer [A-Za-z0-9_-]{40}$/);
  });

  test('iam: identity filled in, no authorizer key, SigV4 headers without Authorization', async () => {
    const event = await apigwV1Event({
      authorizer: 'iam',
      json: { a: 1 },
      accountId: '123456789012',
      seed: 12,
    });
    const identity = event.requestContext.identity;
    expect(identity.accountId).toBe('123456789012');
    expect(identity.caller).toMatch(/^AROA[A-Z2-7]{17}:.+$/);
    expect(identity.user).toBe(identity.caller);
    expect(identity.accessKey).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(identity.userArn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/[^/]+\/.+$/);
    expect(identity.cognitoIdentityPoolId).toBeNull();
    expect('authorizer' in event.requestContext).toBe(false);
    expect(event.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
    expect(event.headers.Authorization).toBeUndefined();
  });

  test('stage variables, and options the authorizer does not use are refused', async () => {
    const event = await apigwV1Event({ stageVariables: { alias: 'live' }, seed: 13 });
    expect(event.stageVariables).toEqual({ alias: 'live' });
    await expect(apigwV1Event({ authorizer: 'lambda', claims: { a: 'b' } })).rejects.toThrow(UsageError);
    await expect(apigwV1Event({ principalId: 'x' })).rejects.toThrow(UsageError);
    await expect(apigwV1Event({ stage: 'bad stage' })).rejects.toThrow(UsageError);
    await expect(
      apigwV1Event({ authorizer: 'lambda', authorizerContext: { principalId: 'x' } }),
    ).rejects.toThrow(UsageError);
  });

  test('ids have the shapes of real events', async () => {
    const { requestContext } = await apigwV1Event({ seed: 14 });
    expect(requestContext.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(requestContext.extendedRequestId).toMatch(/^[A-Za-z0-9_-]{15}=$/);
    expect(requestContext.resourceId).toMatch(/^[a-z0-9]{6}$/);
    expect(requestContext.apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(requestContext.domainName).toBe(`${requestContext.apiId}.execute-api.us-east-1.amazonaws.com`);
    expect(requestContext.protocol).toBe('HTTP/1.1');
  });
});
