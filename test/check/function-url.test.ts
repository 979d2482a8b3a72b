import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { functionUrlEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.none = await functionUrlEvent({
    path: '/x?a=1&a=2',
    cookies: { foo: 'bar', hello: 'hello' },
    seed: 1,
  });
  bases.iam = await functionUrlEvent({ auth: 'iam', json: { a: 1 }, seed: 1 });
});

describe('function URL checker rules', () => {
  testBrokenRules('function-url', bases, [
    [
      'routeKey is $default',
      'none',
      { routeKey: 'GET /x', 'requestContext.routeKey': 'GET /x' },
      'routeKey',
      /\$default route/,
    ],
    [
      'stage is $default',
      'none',
      { 'requestContext.stage': 'prod' },
      'requestContext.stage',
      /\$default stage/,
    ],
    [
      'requestId is a UUID v4',
      'none',
      { 'requestContext.requestId': 'ZhNHJhhLjoEEPiw=' },
      'requestContext.requestId',
      /UUID v4/,
    ],
    ['no path parameters', 'none', { pathParameters: { a: '1' } }, 'pathParameters', /no pathParameters/],
    [
      'no authentication',
      'none',
      { 'requestContext.authentication': null },
      'requestContext.authentication',
      /no authentication/,
    ],
    [
      'domainName is a function URL host',
      'none',
      { 'requestContext.domainName': 'abc.lambda-url.us-east-1.on.aws' },
      'requestContext.domainName',
      /lambda-url/,
    ],
    [
      'apiId is the url id',
      'none',
      { 'requestContext.apiId': 'x'.repeat(32) },
      'requestContext.apiId',
      /url id/,
    ],
    [
      'domainPrefix is the url id',
      'none',
      { 'requestContext.domainPrefix': 'x' },
      'requestContext.domainPrefix',
      /url id/,
    ],
    [
      'the host header is domainName',
      'none',
      { 'headers.host': 'example.com' },
      'headers["host"]',
      /domainName/,
    ],
    [
      'AuthType NONE: accountId is anonymous',
      'none',
      { 'requestContext.accountId': '123456789012' },
      'requestContext.accountId',
      /anonymous/,
    ],
    [
      'AWS_IAM: accountId is 12 digits',
      'iam',
      { 'requestContext.accountId': 'anonymous' },
      'requestContext.accountId',
      /12 digits/,
    ],
    [
      'AWS_IAM: authorization is taken out',
      'iam',
      { 'headers.authorization': 'AWS4-HMAC-SHA256 x' },
      'headers["authorization"]',
      /authorization/,
    ],
    [
      'AWS_IAM: the caller has every field',
      'iam',
      { 'requestContext.authorizer.iam': {} },
      'requestContext.authorizer.iam',
      /accessKey/,
    ],
    [
      'cookies[] are the pairs of the cookie header',
      'none',
      { cookies: ['foo=bar'] },
      'cookies',
      /cookie header/,
    ],
    ['the cookie header stays', 'none', { 'headers.cookie': REMOVED }, 'cookies', /cookie header/],
    [
      'x-amzn-tls-version is added',
      'none',
      { 'headers["x-amzn-tls-version"]': REMOVED },
      'headers["x-amzn-tls-version"]',
      /add/,
    ],
    [
      'the query map is the decoded raw query',
      'none',
      { 'queryStringParameters.a': '2' },
      'queryStringParameters',
      /comma-joined/,
    ],
    [
      'JSON is not base64',
      'iam',
      (e) => {
        e.isBase64Encoded = true;
        e.body = Buffer.from(e.body).toString('base64');
      },
      'isBase64Encoded',
      /rule/,
    ],
  ]);
});

describe('detection', () => {
  test('a format 2.0 event is a function URL event by its lambda-url host, else an HTTP API event', async () => {
    const asHttpApi = structuredClone(bases.none) as Editable;
    asHttpApi.requestContext.domainName = 'abcdefghij.execute-api.us-east-1.amazonaws.com';
    expect((await checkEvent(bases.none)).kind).toBe('function-url');
    expect((await checkEvent(asHttpApi)).kind).toBe('apigw-v2');
  });

  test('authorizer inputs and other shapes are not taken for proxy events', async () => {
    // A format 2.0 event with a type is an authorizer's input, never a function URL event.
    expect((await checkEvent({ ...bases.none, type: 'REQUEST' })).kind).toBe('authorizer (HTTP API 2.0)');
    expect(
      (await checkEvent({ version: '1.0', resource: '/', requestContext: { resourcePath: '/' } })).kind,
    ).toBe('unknown');
    expect((await checkEvent({ type: 'TOKEN', authorizationToken: 'x', methodArn: 'arn' })).kind).toBe(
      'authorizer (REST TOKEN)',
    );
  });
});
