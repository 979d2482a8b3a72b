import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { apigwV1Event, apigwV2Event, authorizerEvent } from '../../../src/index.js';

const REAL = {
  host: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com',
  accountId: '123456789012',
  sourceIp: '15.248.3.126',
  userAgent: 'HTTPie/3.2.2',
} as const;

describe('REST TOKEN', () => {
  test('exactly type, methodArn, authorizationToken; the ARN of the captured request', async () => {
    const event = await authorizerEvent({
      ...REAL,
      method: 'POST',
      path: '/lambda-token',
      token: 'Bearer foo',
      seed: 1,
    });
    expect(event).toStrictEqual({
      type: 'TOKEN',
      methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token',
      authorizationToken: 'Bearer foo',
    });
  });

  test('the root resource ends the ARN with a slash; the path is the concrete one, escapes kept', async () => {
    const root = await authorizerEvent({ path: '/', accountId: '123456789012', seed: 2 });
    expect(root.methodArn).toMatch(/^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/prod\/GET\/$/);
    const user = await authorizerEvent({
      resource: '/users/{id}',
      path: '/users/a%2Fb',
      stage: 'v2',
      seed: 2,
    });
    expect(user.methodArn).toMatch(/\/v2\/GET\/users\/a%2Fb$/);
  });

  test('the partition follows the region', async () => {
    const event = await authorizerEvent({ region: 'cn-north-1', seed: 3 });
    expect(event.methodArn).toMatch(/^arn:aws-cn:execute-api:cn-north-1:\d{12}:/);
  });

  test('a token header of its own name; without --token a realistic credential', async () => {
    const named = await authorizerEvent({
      identitySources: ['method.request.header.X-Access-Token'],
      headers: { 'X-Access-Token': 'abc.def' },
      seed: 4,
    });
    expect(named.authorizationToken).toBe('abc.def');
    const realistic = await authorizerEvent({ seed: 4 });
    expect(realistic.authorizationToken).toMatch(/^Bearer [A-Za-z0-9_-]{40}$/);
  });

  test('a TOKEN authorizer reads one header, and a token is given once', async () => {
    await expect(authorizerEvent({ identitySources: ['method.request.querystring.t'] })).rejects.toThrow(
      'a TOKEN authorizer reads one header',
    );
    await expect(authorizerEvent({ token: 'a', headers: { authorization: 'b' } })).rejects.toThrow(
      UsageError,
    );
    await expect(authorizerEvent({ token: '' })).rejects.toThrow('--token is empty');
  });
});

describe('REST REQUEST', () => {
  test('the proxy event less body and isBase64Encoded, {} for empty maps, no authorizer key', async () => {
    const event = await authorizerEvent({
      ...REAL,
      type: 'request',
      method: 'POST',
      path: '/lambda-request',
      seed: 5,
    });
    expect(Object.keys(event)).toEqual([
      'type',
      'methodArn',
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
    ]);
    expect(event).toMatchObject({
      methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-request',
      queryStringParameters: {},
      multiValueQueryStringParameters: {},
      stageVariables: {},
    });
    expect(Object.keys(event.requestContext)).toEqual([
      'resourceId',
      'resourcePath',
      'httpMethod',
      'extendedRequestId',
      'requestTime',
      'path',
      'accountId',
      'protocol',
      'stage',
      'domainPrefix',
      'requestTimeEpoch',
      'requestId',
      'identity',
      'domainName',
      'deploymentId',
      'apiId',
    ]);
    expect(event.requestContext.path).toBe('/prod/lambda-request');
  });

  test('same request, same seed: every field the REST proxy event has agrees', async () => {
    const request = {
      resource: '/users/{id}',
      path: '/users/42?expand=orders&tag=a&tag=b',
      headers: { 'X-Tenant': 'acme' },
      cookies: { session: 'abc' },
      stageVariables: { alias: 'live' },
      seed: 'agree',
    } as const;
    const input = await authorizerEvent({ ...request, type: 'request' });
    const proxy = await apigwV1Event({ ...request, authorizer: 'lambda' });
    const { authorizer: _authorizer, ...proxyContext } = proxy.requestContext;
    expect(input.requestContext).toStrictEqual(proxyContext);
    for (const key of [
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
    ] as const) {
      expect(input[key], key).toStrictEqual(proxy[key]);
    }
    expect(input.methodArn).toBe(
      `arn:aws:execute-api:us-east-1:${proxy.requestContext.accountId}:${proxy.requestContext.apiId}/prod/GET/users/42`,
    );
    const token = await authorizerEvent({ ...request });
    expect(token).toStrictEqual({
      type: 'TOKEN',
      methodArn: input.methodArn,
      authorizationToken: proxy.headers.Authorization,
    });
  });

  test.each([
    ['the default Authorization header', {}],
    ['a header of its own', { identitySources: ['method.request.header.X-Token'] }],
    ['a header the client sends', { identitySources: ['method.request.header.Accept'] }],
    [
      'a header given twice',
      {
        headers: [
          ['X-Key', 'a'],
          ['X-Key', 'b'],
        ],
        identitySources: ['method.request.header.x-key'],
      },
    ],
    ['a header CloudFront adds', { identitySources: ['method.request.header.Via'] }],
    [
      'X-Forwarded-For, which the service rewrites',
      {
        headers: { 'X-Forwarded-For': '198.51.100.7' },
        identitySources: ['method.request.header.X-Forwarded-For'],
      },
    ],
    [
      'a regional endpoint',
      {
        endpoint: 'regional',
        identitySources: ['method.request.header.CloudFront-Viewer-Country'],
        headers: { 'CloudFront-Viewer-Country': 'NZ' },
      },
    ],
  ] as const)('TOKEN from %s: the value and ARN of the proxy event of every seed', async (_what, given) => {
    const { identitySources, ...request } = given as { identitySources?: readonly string[] };
    const name = (identitySources?.[0] ?? 'method.request.header.Authorization').slice(
      'method.request.header.'.length,
    );
    for (const seed of [1, 2, 3]) {
      const token = await authorizerEvent({
        ...request,
        ...(identitySources ? { identitySources: [...identitySources] } : {}),
        seed,
      });
      // The request the authorizer saw, credential included: the REQUEST input of the same options.
      const input = await authorizerEvent({
        ...request,
        type: 'request',
        ...(identitySources ? { identitySources: [...identitySources] } : {}),
        seed,
      });
      const values = Object.entries(input.multiValueHeaders ?? {}).find(
        ([key]) => key.toLowerCase() === name.toLowerCase(),
      )?.[1];
      expect(token).toStrictEqual({
        type: 'TOKEN',
        methodArn: input.methodArn,
        authorizationToken: values?.at(-1),
      });
    }
  });

  test('empty query and path maps are {} where the proxy event has null', async () => {
    const request = { path: '/', seed: 6 } as const;
    const input = await authorizerEvent({ ...request, type: 'request' });
    const proxy = await apigwV1Event({ ...request, authorizer: 'lambda' });
    expect(proxy.pathParameters).toBeNull();
    expect(input.pathParameters).toStrictEqual({});
    expect(input.headers).toStrictEqual(proxy.headers);
  });

  test('every identity source the request lacks gets a credential; other values stay as they were', async () => {
    const base = await authorizerEvent({ type: 'request', seed: 7 });
    const event = await authorizerEvent({
      type: 'request',
      identitySources: ['method.request.header.X-Api-Key', 'method.request.querystring.tenant'],
      seed: 7,
    });
    expect(event.headers?.['X-Api-Key']).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(event.queryStringParameters?.tenant).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(event.requestContext.requestId).toBe(base.requestContext.requestId);
    expect(event.requestContext.apiId).toBe(base.requestContext.apiId);
  });

  test('a stage variable source needs the stage variable', async () => {
    await expect(
      authorizerEvent({ type: 'request', identitySources: ['stageVariables.key'] }),
    ).rejects.toThrow('--identity-source stageVariables.key names a stage variable the stage does not have');
    const event = await authorizerEvent({
      type: 'request',
      identitySources: ['stageVariables.key'],
      stageVariables: { key: 'v1' },
      seed: 1,
    });
    expect(event.stageVariables).toStrictEqual({ key: 'v1' });
  });
});

describe('HTTP API payload 2.0', () => {
  test('the captured shape: identitySource values, routeArn with the literal $default stage', async () => {
    const event = await authorizerEvent({
      payload: '2.0',
      host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
      accountId: '123456789012',
      route: 'POST /lambda',
      path: '/lambda',
      token: 'Bearer foo',
      seed: 8,
    });
    expect(Object.keys(event)).toEqual([
      'version',
      'type',
      'routeArn',
      'identitySource',
      'routeKey',
      'rawPath',
      'rawQueryString',
      'headers',
      'requestContext',
    ]);
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda',
      identitySource: ['Bearer foo'],
      routeKey: 'POST /lambda',
      rawPath: '/lambda',
      rawQueryString: '',
    });
    expect(event.headers).toMatchObject({ authorization: 'Bearer foo', 'content-length': '0' });
    expect('authorizer' in event.requestContext).toBe(false);
  });

  test('identitySource holds the values in the configured order; a named stage is in the ARN', async () => {
    const event = await authorizerEvent({
      payload: '2.0',
      identitySources: ['$request.header.X-Api-Key', '$request.querystring.tenant', '$stageVariables.env'],
      headers: [
        ['X-Api-Key', 'k1'],
        ['x-api-key', 'k2'],
      ],
      query: { tenant: 'acme' },
      stage: 'dev',
      stageVariables: { env: 'test' },
      route: 'GET /items/{id}',
      path: '/items/42',
      seed: 9,
    });
    expect(event.identitySource).toStrictEqual(['k1,k2', 'acme', 'test']);
    expect(event.routeArn).toMatch(/\/dev\/GET\/items\/42$/);
    expect(event.rawPath).toBe('/dev/items/42');
    expect(event.pathParameters).toStrictEqual({ id: '42' });
  });

  test('same request, same seed: the HTTP API proxy event less body, isBase64Encoded and authorizer', async () => {
    const request = {
      route: 'POST /orders/{id}',
      path: '/orders/7?x=1&x=2',
      json: { qty: 2 },
      cookies: { session: 'abc' },
      mtls: true,
      seed: 'agree',
    } as const;
    const input = await authorizerEvent({ ...request, payload: '2.0' });
    const proxy = await apigwV2Event({ ...request, authorizer: 'lambda' });
    const { body: _body, isBase64Encoded: _b64, requestContext, ...proxyFields } = proxy;
    const { authorizer: _authorizer, ...proxyContext } = requestContext;
    const {
      type: _type,
      routeArn: _arn,
      identitySource,
      requestContext: inputContext,
      ...inputFields
    } = input;
    expect(inputFields).toStrictEqual(proxyFields);
    expect(inputContext).toStrictEqual(proxyContext);
    expect(identitySource).toStrictEqual([proxy.headers.authorization]);
  });
});

test('HTTP API 2.0 without identity sources: no identitySource key; 1.0 needs one', async () => {
  const event = await authorizerEvent({ payload: '2.0', identitySources: [], seed: 12 });
  expect('identitySource' in event).toBe(false);
  await expect(authorizerEvent({ payload: '1.0', identitySources: [] })).rejects.toThrow(
    'a payload 1.0 authorizer input always has an identity source',
  );
});

describe('HTTP API payload 1.0', () => {
  test('identitySource and authorizationToken are the values comma-joined; methodArn, not routeArn', async () => {
    const event = await authorizerEvent({
      payload: '1.0',
      identitySources: ['$request.header.HeaderAuth1', '$request.querystring.QueryString1'],
      headers: { HeaderAuth1: 'user1' },
      query: { QueryString1: '123' },
      route: 'GET /request',
      path: '/request',
      accountId: '123456789012',
      seed: 10,
    });
    expect(event).toMatchObject({
      version: '1.0',
      type: 'REQUEST',
      identitySource: 'user1,123',
      authorizationToken: 'user1,123',
      resource: '/request',
      path: '/request',
      httpMethod: 'GET',
      pathParameters: {},
      stageVariables: {},
    });
    expect(event.methodArn).toMatch(
      /^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/\$default\/GET\/request$/,
    );
    expect(Object.keys(event)).toEqual([
      'version',
      'type',
      'methodArn',
      'identitySource',
      'authorizationToken',
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
    ]);
  });

  test('lowercase headers, the last of repeats beside every value, the cookie header kept', async () => {
    const request = {
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
      ],
      cookies: { s: '1' },
      query: { t: ['1', '2'] },
      seed: 11,
    } as const;
    const event = await authorizerEvent({ ...request, payload: '1.0' });
    expect(event.headers['x-tag']).toBe('b');
    expect(event.multiValueHeaders['x-tag']).toStrictEqual(['a', 'b']);
    expect(event.headers.cookie).toBe('s=1');
    expect(event.queryStringParameters).toStrictEqual({ t: '2' });
    const proxy = await apigwV2Event({ ...request, authorizer: 'lambda' });
    expect(event.requestContext).toMatchObject({
      requestId: proxy.requestContext.requestId,
      extendedRequestId: proxy.requestContext.requestId,
      requestTimeEpoch: proxy.requestContext.timeEpoch,
      requestTime: proxy.requestContext.time,
      resourceId: '$default',
      resourcePath: '$default',
    });
    expect(event.identitySource).toBe(proxy.headers.authorization);
  });
});

describe('options that do not fit the API', () => {
  test.each([
    [{ api: 'http', type: 'token' }, '--type token is for REST APIs'],
    [{ api: 'websocket', type: 'token' }, '--type token is for REST APIs'],
    [{ api: 'rest', payload: '1.0' }, '--payload is for HTTP API authorizers'],
    [{ payload: '2.0', resource: '/x' }, '--resource is for REST API authorizers'],
    [{ route: 'GET /x' }, '--route is for HTTP API authorizers'],
    [{ api: 'websocket', path: '/x' }, '--path is not part of a $connect authorizer input'],
    [{ api: 'websocket', json: { a: 1 } }, '--json is not part of a $connect authorizer input'],
    [
      { payload: '2.0', identitySources: ['method.request.header.X'] },
      'is not an identity source of an HTTP API',
    ],
    [{ api: 'soap' }, `option 'api' is text ("soap") (give one of 'rest', 'http', 'websocket')`],
  ] as const)('%o', async (options, message) => {
    await expect(authorizerEvent(options as never)).rejects.toThrow(message);
  });
});
