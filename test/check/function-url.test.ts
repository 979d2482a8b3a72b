import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { functionUrlEvent } from '../../src/index.js';
import { type Editable, expectBroken } from './helpers.js';

let none: Editable;
let iam: Editable;
const KIND = 'function-url';

beforeAll(async () => {
  none = await functionUrlEvent({ path: '/x?a=1&a=2', cookies: { foo: 'bar', hello: 'hello' }, seed: 1 });
  iam = await functionUrlEvent({ auth: 'iam', json: { a: 1 }, seed: 1 });
});

describe('function URL checker rules', () => {
  test('routeKey is $default', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.routeKey = 'GET /x';
        e.requestContext.routeKey = 'GET /x';
      },
      'routeKey',
      /\$default route/,
    ));
  test('stage is $default', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.stage = 'prod';
      },
      'requestContext.stage',
      /\$default stage/,
    ));
  test('requestId is a UUID v4', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.requestId = 'ZhNHJhhLjoEEPiw=';
      },
      'requestContext.requestId',
      /UUID v4/,
    ));
  test('no path parameters', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.pathParameters = { a: '1' };
      },
      'pathParameters',
      /no pathParameters/,
    ));
  test('no authentication', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.authentication = null;
      },
      'requestContext.authentication',
      /no authentication/,
    ));
  test('domainName is a function URL host', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.domainName = 'abc.lambda-url.us-east-1.on.aws';
      },
      'requestContext.domainName',
      /lambda-url/,
    ));
  test('apiId is the url id', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.apiId = 'x'.repeat(32);
      },
      'requestContext.apiId',
      /url id/,
    ));
  test('domainPrefix is the url id', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.domainPrefix = 'x';
      },
      'requestContext.domainPrefix',
      /url id/,
    ));
  test('the host header is domainName', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.headers.host = 'example.com';
      },
      'headers["host"]',
      /domainName/,
    ));
  test('AuthType NONE: accountId is anonymous', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.requestContext.accountId = '123456789012';
      },
      'requestContext.accountId',
      /anonymous/,
    ));
  test('AWS_IAM: accountId is 12 digits', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.requestContext.accountId = 'anonymous';
      },
      'requestContext.accountId',
      /12 digits/,
    ));
  test('AWS_IAM: the authorization header is taken out', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.headers.authorization = 'AWS4-HMAC-SHA256 x';
      },
      'headers["authorization"]',
      /authorization/,
    ));
  test('AWS_IAM: the caller has every field', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.requestContext.authorizer.iam = {};
      },
      'requestContext.authorizer.iam',
      /accessKey/,
    ));
  test('cookies[] are the pairs of the cookie header', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.cookies = ['foo=bar'];
      },
      'cookies',
      /cookie header/,
    ));
  test('the cookie header stays', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        delete e.headers.cookie;
      },
      'cookies',
      /cookie header/,
    ));
  test('x-amzn-tls-version is added', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        delete e.headers['x-amzn-tls-version'];
      },
      'headers["x-amzn-tls-version"]',
      /add/,
    ));
  test('shared payload 2.0 rules hold: the query map is the decoded raw query', () =>
    expectBroken(
      none,
      KIND,
      (e) => {
        e.queryStringParameters.a = '2';
      },
      'queryStringParameters',
      /comma-joined/,
    ));
  test('shared payload 2.0 rules hold: JSON is not base64', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.isBase64Encoded = true;
        e.body = Buffer.from(e.body).toString('base64');
      },
      'isBase64Encoded',
      /rule/,
    ));
});

describe('detection', () => {
  test('a format 2.0 event is a function URL event by its lambda-url host, else an HTTP API event', () => {
    const asHttpApi = structuredClone(none);
    asHttpApi.requestContext.domainName = 'abcdefghij.execute-api.us-east-1.amazonaws.com';
    expect(checkEvent(none).kind).toBe('function-url');
    expect(checkEvent(asHttpApi).kind).toBe('apigw-v2');
  });

  test('authorizer inputs and other shapes are not taken for proxy events', () => {
    expect(checkEvent({ ...none, type: 'REQUEST' }).kind).toBe('unknown');
    expect(checkEvent({ version: '1.0', resource: '/', requestContext: { resourcePath: '/' } }).kind).toBe(
      'unknown',
    );
    expect(checkEvent({ type: 'TOKEN', authorizationToken: 'x', methodArn: 'arn' }).kind).toBe('unknown');
  });
});
