import { beforeAll, describe, test } from 'vitest';
import { apigwV1Event } from '../../src/index.js';
import { type Editable, expectBroken } from './helpers.js';

let plain: Editable;
let user: Editable;
let cognito: Editable;
let lambda: Editable;
let iam: Editable;
let binary: Editable;
const KIND = 'apigw-v1';

beforeAll(async () => {
  plain = await apigwV1Event({ path: '/', seed: 1 });
  user = await apigwV1Event({ resource: '/users/{id}', path: '/users/42?t=1&t=2', json: { a: 1 }, seed: 1 });
  cognito = await apigwV1Event({ authorizer: 'cognito', seed: 1 });
  lambda = await apigwV1Event({ authorizer: 'lambda', seed: 1 });
  iam = await apigwV1Event({ authorizer: 'iam', seed: 1 });
  binary = await apigwV1Event({
    body: Uint8Array.from([0, 255]),
    contentType: 'image/png',
    binaryMediaTypes: ['image/png'],
    seed: 1,
  });
});

describe('REST checker rules', () => {
  test('every top-level key is present', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        delete e.stageVariables;
      },
      'stageVariables',
      /always present/,
    ));
  test('empty query maps are null, not {}', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.queryStringParameters = {};
        e.multiValueQueryStringParameters = {};
      },
      'queryStringParameters',
      /null, not \{\}/,
    ));
  test('empty path parameters are null, not {}', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.pathParameters = {};
      },
      'pathParameters',
      /null, not \{\}/,
    ));
  test('both query maps are null or neither', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.multiValueQueryStringParameters = null;
      },
      'queryStringParameters',
      /both query maps/,
    ));
  test('the query map keeps the last value', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.queryStringParameters.t = '1';
      },
      'queryStringParameters["t"]',
      /last value/,
    ));
  test('headers and multiValueHeaders have the same names', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.multiValueHeaders['X-Extra'] = ['1'];
      },
      'headers',
      /names are those of multiValueHeaders/,
    ));
  test('headers hold the last value of multiValueHeaders', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.multiValueHeaders.Host = ['a.example', e.headers.Host];
        e.headers.Host = 'a.example';
      },
      'headers["Host"]',
      /last value/,
    ));
  test('service headers have canonical casing', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.headers['x-forwarded-port'] = e.headers['X-Forwarded-Port'];
        e.multiValueHeaders['x-forwarded-port'] = e.multiValueHeaders['X-Forwarded-Port'];
        delete e.headers['X-Forwarded-Port'];
        delete e.multiValueHeaders['X-Forwarded-Port'];
      },
      'headers["x-forwarded-port"]',
      /canonical/,
    ));
  test('resourcePath is the resource', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.requestContext.resourcePath = '/users';
      },
      'requestContext.resourcePath',
      /resource/,
    ));
  test('requestContext.httpMethod agrees', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.requestContext.httpMethod = 'GET';
      },
      'requestContext.httpMethod',
      /agrees/,
    ));
  test('httpMethod is an HTTP method', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.httpMethod = 'FETCH';
        e.requestContext.httpMethod = 'FETCH';
      },
      'httpMethod',
      /HTTP method/,
    ));
  test('the path matches the resource', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.path = '/orders/42';
      },
      'path',
      /does not match/,
    ));
  test('pathParameters are what the resource matches', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.pathParameters.id = '43';
      },
      'pathParameters',
      /what the resource matches/,
    ));
  test('requestContext.path carries the stage', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.requestContext.path = e.path;
      },
      'requestContext.path',
      /\/<stage><path>/,
    ));
  test('requestTime is the epoch', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.requestTimeEpoch += 86_400_000;
      },
      'requestContext.requestTime',
      /the epoch/,
    ));
  test('requestTimeEpoch is a number', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.requestTimeEpoch = String(e.requestContext.requestTimeEpoch);
      },
      'requestContext.requestTimeEpoch',
      /number/,
    ));
  test("the trace id's time is the request second", () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        const trace = e.headers['X-Amzn-Trace-Id'].replace(/Root=1-[0-9a-f]{8}/, 'Root=1-00000000');
        e.headers['X-Amzn-Trace-Id'] = trace;
        e.multiValueHeaders['X-Amzn-Trace-Id'] = [trace];
      },
      'headers["X-Amzn-Trace-Id"]',
      /epoch second/,
    ));
  test('requestId is a UUID', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.requestId = 'id';
      },
      'requestContext.requestId',
      /UUID/,
    ));
  test('extendedRequestId has its shape', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.extendedRequestId = 'abc';
      },
      'requestContext.extendedRequestId',
      /15 characters/,
    ));
  test('resourceId has 6 characters', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.resourceId = 'ABC';
      },
      'requestContext.resourceId',
      /6 characters/,
    ));
  test('deploymentId has 6 characters', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.deploymentId = 'x';
      },
      'requestContext.deploymentId',
      /6 characters/,
    ));
  test('accountId is 12 digits', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.accountId = '1234';
      },
      'requestContext.accountId',
      /12 digits/,
    ));
  test('domainPrefix is the first label of domainName', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.domainPrefix = 'other';
      },
      'requestContext.domainPrefix',
      /first label/,
    ));
  test('the execute-api host names the API id', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.apiId = 'abcdefghij';
      },
      'requestContext.apiId',
      /API id/,
    ));
  test('domainName is the Host', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.headers.Host = 'x.example';
        e.multiValueHeaders.Host = ['x.example'];
      },
      'requestContext.domainName',
      /Host/,
    ));
  test('identity has every key', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        delete e.requestContext.identity.principalOrgId;
      },
      'requestContext.identity.principalOrgId',
      /present/,
    ));
  test('identity.userAgent is the User-Agent header', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.identity.userAgent = 'other';
      },
      'requestContext.identity.userAgent',
      /User-Agent/,
    ));
  test('identity.sourceIp is the client of X-Forwarded-For', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.identity.sourceIp = '192.0.2.1';
      },
      'requestContext.identity.sourceIp',
      /X-Forwarded-For/,
    ));
  test('an IAM caller is also the user', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.requestContext.identity.user = 'someone';
      },
      'requestContext.identity.user',
      /also the user/,
    ));
  test('an IAM userArn is an ARN', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.requestContext.identity.userArn = 'admin';
      },
      'requestContext.identity.userArn',
      /ARN/,
    ));
  test('Cognito claims are strings', () =>
    expectBroken(
      cognito,
      KIND,
      (e) => {
        e.requestContext.authorizer.claims.auth_time = 1718636404;
      },
      'requestContext.authorizer.claims["auth_time"]',
      /strings/,
    ));
  test('Cognito exp is in Java Date form', () =>
    expectBroken(
      cognito,
      KIND,
      (e) => {
        e.requestContext.authorizer.claims.exp = '1718722804';
      },
      'requestContext.authorizer.claims["exp"]',
      /Tue Jun 18/,
    ));
  test('a Lambda authorizer reports integrationLatency as a number', () =>
    expectBroken(
      lambda,
      KIND,
      (e) => {
        e.requestContext.authorizer.integrationLatency = '12';
      },
      'requestContext.authorizer.integrationLatency',
      /number/,
    ));
  test('a Lambda authorizer returns a principalId', () =>
    expectBroken(
      lambda,
      KIND,
      (e) => {
        delete e.requestContext.authorizer.principalId;
      },
      'requestContext.authorizer.principalId',
      /principalId/,
    ));
  test('a null body is not base64', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.isBase64Encoded = true;
      },
      'isBase64Encoded',
      /null body/,
    ));
  test('a base64 body is valid base64', () =>
    expectBroken(
      binary,
      KIND,
      (e) => {
        e.body = '%%%';
      },
      'body',
      /valid base64/,
    ));
  test('Content-Length is the length of the body', () =>
    expectBroken(
      user,
      KIND,
      (e) => {
        e.body = '{}';
      },
      'headers["content-length"]',
      /length of the body/,
    ));
});
