import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { functionUrlEvent } from '../../src/index.js';

describe('function-url', () => {
  test('AuthType NONE: accountId "anonymous", no authorizer, $default route and stage', async () => {
    const event = await functionUrlEvent({ seed: 1 });
    expect(event.requestContext.accountId).toBe('anonymous');
    expect('authorizer' in event.requestContext).toBe(false);
    expect(event.routeKey).toBe('$default');
    expect(event.requestContext).toMatchObject({ routeKey: '$default', stage: '$default' });
    expect(event.requestContext.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    for (const key of ['pathParameters', 'stageVariables']) expect(key in event).toBe(false);
  });

  test('the url id is the first label of domainName, apiId and domainPrefix', async () => {
    const event = await functionUrlEvent({ region: 'ap-southeast-2', seed: 2 });
    const { apiId, domainName, domainPrefix } = event.requestContext;
    expect(apiId).toMatch(/^[a-z0-9]{32}$/);
    expect(domainName).toBe(`${apiId}.lambda-url.ap-southeast-2.on.aws`);
    expect(domainPrefix).toBe(apiId);
    expect(event.headers.host).toBe(domainName);
  });

  test('a given host sets the url id and the region; other hosts are refused', async () => {
    const host = 'zgwm4gp75oy53poez7iz64e2ze0ajmlm.lambda-url.us-west-2.on.aws';
    const event = await functionUrlEvent({ host, seed: 3 });
    expect(event.requestContext).toMatchObject({
      domainName: host,
      apiId: 'zgwm4gp75oy53poez7iz64e2ze0ajmlm',
    });
    await expect(functionUrlEvent({ host, region: 'eu-west-1' })).rejects.toThrow(UsageError);
    await expect(functionUrlEvent({ host: 'api.example.com' })).rejects.toThrow(UsageError);
  });

  test('keeps the cookie header beside cookies[]', async () => {
    const event = await functionUrlEvent({ cookies: { foo: 'bar', hello: 'hello' }, seed: 4 });
    expect(event.cookies).toEqual(['foo=bar', 'hello=hello']);
    expect(event.headers.cookie).toBe('foo=bar; hello=hello');
  });

  test('decodes and comma-joins repeated query keys', async () => {
    const event = await functionUrlEvent({ path: '/?multiQuery=foo&multiQuery=%2Fbar', seed: 5 });
    expect(event.rawQueryString).toBe('multiQuery=foo&multiQuery=%2Fbar');
    expect(event.queryStringParameters).toEqual({ multiQuery: 'foo,/bar' });
  });

  test('a body of a non-text type is base64, JSON is text', async () => {
    const binary = await functionUrlEvent({ body: '<idk/>', contentType: 'idk', seed: 6 });
    expect(binary).toMatchObject({ body: 'PGlkay8+', isBase64Encoded: true });
    const json = await functionUrlEvent({ json: { hello: 'world' }, seed: 6 });
    expect(json).toMatchObject({ body: '{"hello":"world"}', isBase64Encoded: false });
  });

  test('adds the TLS and forwarding headers', async () => {
    const event = await functionUrlEvent({ sourceIp: '198.51.100.4', seed: 7 });
    expect(event.headers['x-amzn-tls-version']).toMatch(/^TLSv1\.[23]$/);
    expect(event.headers['x-amzn-tls-cipher-suite']).toMatch(/\S/);
    expect(event.headers).toMatchObject({
      'x-forwarded-for': '198.51.100.4',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    });
    expect(event.requestContext.http.sourceIp).toBe('198.51.100.4');
  });

  test('AWS_IAM: the owner account, the caller in authorizer.iam, the authorization header taken out', async () => {
    const event = await functionUrlEvent({
      auth: 'iam',
      accountId: '123456789012',
      headers: { Authorization: 'AWS4-HMAC-SHA256 x' },
      seed: 8,
    });
    expect(event.requestContext.accountId).toBe('123456789012');
    expect(event.requestContext.authorizer.iam).toMatchObject({
      accountId: '123456789012',
      cognitoIdentity: null,
    });
    expect(event.headers.authorization).toBeUndefined();
    expect(event.headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(event.headers['x-amz-security-token']).toMatch(/^IQoJb3JpZ2luX2Vj/);
  });
});
