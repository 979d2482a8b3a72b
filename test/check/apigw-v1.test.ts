import { beforeAll, describe } from 'vitest';
import { apigwV1Event } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.plain = await apigwV1Event({ path: '/', seed: 1 });
  bases.user = await apigwV1Event({
    resource: '/users/{id}',
    path: '/users/42?t=1&t=2',
    json: { a: 1 },
    seed: 1,
  });
  bases.cognito = await apigwV1Event({ authorizer: 'cognito', seed: 1 });
  bases.lambda = await apigwV1Event({ authorizer: 'lambda', seed: 1 });
  bases.iam = await apigwV1Event({ authorizer: 'iam', seed: 1 });
  bases.binary = await apigwV1Event({
    body: Uint8Array.from([0, 255]),
    contentType: 'image/png',
    binaryMediaTypes: ['image/png'],
    seed: 1,
  });
});

/** Sets a header in both maps, so only the rule under test breaks. */
const setHeader = (name: string, value: string) => ({
  [`headers["${name}"]`]: value,
  [`multiValueHeaders["${name}"]`]: [value],
});

describe('REST checker rules', () => {
  testBrokenRules('apigw-v1', bases, [
    [
      'every top-level key is present',
      'plain',
      { stageVariables: REMOVED },
      'stageVariables',
      /always present/,
    ],
    [
      'empty query maps are null, not {}',
      'plain',
      { queryStringParameters: {}, multiValueQueryStringParameters: {} },
      'queryStringParameters',
      /null, not \{\}/,
    ],
    [
      'empty path parameters are null, not {}',
      'plain',
      { pathParameters: {} },
      'pathParameters',
      /null, not \{\}/,
    ],
    [
      'both query maps are null or neither',
      'user',
      { multiValueQueryStringParameters: null },
      'queryStringParameters',
      /both query maps/,
    ],
    [
      'the query map keeps the last value',
      'user',
      { 'queryStringParameters.t': '1' },
      'queryStringParameters["t"]',
      /last value/,
    ],
    [
      'headers and multiValueHeaders name the same headers',
      'user',
      { 'multiValueHeaders["X-Extra"]': ['1'] },
      'headers',
      /names are those/,
    ],
    [
      'headers hold the last value of multiValueHeaders',
      'user',
      (e) => {
        e.multiValueHeaders.Host = ['a.example', e.headers.Host];
        e.headers.Host = 'a.example';
      },
      'headers["Host"]',
      /last value/,
    ],
    [
      'service headers have canonical casing',
      'user',
      (e) => {
        for (const map of [e.headers, e.multiValueHeaders]) {
          map['x-forwarded-port'] = map['X-Forwarded-Port'];
          delete map['X-Forwarded-Port'];
        }
      },
      'headers["x-forwarded-port"]',
      /canonical/,
    ],
    [
      'resourcePath is the resource',
      'user',
      { 'requestContext.resourcePath': '/users' },
      'requestContext.resourcePath',
      /resource/,
    ],
    [
      'requestContext.httpMethod agrees',
      'user',
      { 'requestContext.httpMethod': 'GET' },
      'requestContext.httpMethod',
      /agrees/,
    ],
    [
      'httpMethod is an HTTP method',
      'plain',
      { httpMethod: 'FETCH', 'requestContext.httpMethod': 'FETCH' },
      'httpMethod',
      /HTTP method/,
    ],
    ['the path matches the resource', 'user', { path: '/orders/42' }, 'path', /does not match/],
    [
      'pathParameters are what the resource matches',
      'user',
      { 'pathParameters.id': '43' },
      'pathParameters',
      /what the resource matches/,
    ],
    [
      'requestContext.path carries the stage',
      'user',
      { 'requestContext.path': '/users/42' },
      'requestContext.path',
      /\/<stage><path>/,
    ],
    [
      'requestTime is the epoch',
      'plain',
      (e) => {
        e.requestContext.requestTimeEpoch += 86_400_000;
      },
      'requestContext.requestTime',
      /the epoch/,
    ],
    [
      'requestTimeEpoch is a number',
      'plain',
      { 'requestContext.requestTimeEpoch': '1718635693506' },
      'requestContext.requestTimeEpoch',
      /number/,
    ],
    [
      "the trace id's time is the request second",
      'plain',
      (e) => {
        const trace = e.headers['X-Amzn-Trace-Id'].replace(/Root=1-[0-9a-f]{8}/, 'Root=1-00000000');
        Object.assign(e.headers, { 'X-Amzn-Trace-Id': trace });
        Object.assign(e.multiValueHeaders, { 'X-Amzn-Trace-Id': [trace] });
      },
      'headers["X-Amzn-Trace-Id"]',
      /epoch second/,
    ],
    [
      'requestId is a UUID',
      'plain',
      { 'requestContext.requestId': 'id' },
      'requestContext.requestId',
      /UUID/,
    ],
    [
      'extendedRequestId has its shape',
      'plain',
      { 'requestContext.extendedRequestId': 'abc' },
      'requestContext.extendedRequestId',
      /15 characters/,
    ],
    [
      'resourceId has 6 characters',
      'plain',
      { 'requestContext.resourceId': 'ABC' },
      'requestContext.resourceId',
      /6 characters/,
    ],
    [
      'deploymentId has 6 characters',
      'plain',
      { 'requestContext.deploymentId': 'x' },
      'requestContext.deploymentId',
      /6 characters/,
    ],
    [
      'accountId is 12 digits',
      'plain',
      { 'requestContext.accountId': '1234' },
      'requestContext.accountId',
      /12 digits/,
    ],
    [
      'domainPrefix is the first label',
      'plain',
      { 'requestContext.domainPrefix': 'other' },
      'requestContext.domainPrefix',
      /first label/,
    ],
    [
      'the execute-api host names the API id',
      'plain',
      { 'requestContext.apiId': 'abcdefghij' },
      'requestContext.apiId',
      /API id/,
    ],
    ['domainName is the Host', 'plain', setHeader('Host', 'x.example'), 'requestContext.domainName', /Host/],
    [
      'identity has every key',
      'plain',
      { 'requestContext.identity.principalOrgId': REMOVED },
      'requestContext.identity.principalOrgId',
      /present/,
    ],
    [
      'identity.userAgent is the User-Agent',
      'plain',
      { 'requestContext.identity.userAgent': 'x' },
      'requestContext.identity.userAgent',
      /User-Agent/,
    ],
    [
      'identity.sourceIp is the client of X-Forwarded-For',
      'plain',
      { 'requestContext.identity.sourceIp': '192.0.2.1' },
      'requestContext.identity.sourceIp',
      /X-Forwarded-For/,
    ],
    [
      'an IAM caller is also the user',
      'iam',
      { 'requestContext.identity.user': 'someone' },
      'requestContext.identity.user',
      /also the user/,
    ],
    [
      'an IAM userArn is an ARN',
      'iam',
      { 'requestContext.identity.userArn': 'admin' },
      'requestContext.identity.userArn',
      /ARN/,
    ],
    [
      'Cognito claims are strings',
      'cognito',
      { 'requestContext.authorizer.claims.auth_time': 1718636404 },
      'requestContext.authorizer.claims["auth_time"]',
      /strings/,
    ],
    [
      'Cognito exp is in Java Date form',
      'cognito',
      { 'requestContext.authorizer.claims.exp': '1718722804' },
      'requestContext.authorizer.claims["exp"]',
      /Tue Jun 18/,
    ],
    [
      'a Lambda authorizer reports integrationLatency as a number',
      'lambda',
      { 'requestContext.authorizer.integrationLatency': '12' },
      'requestContext.authorizer.integrationLatency',
      /number/,
    ],
    [
      'a Lambda authorizer returns a principalId',
      'lambda',
      { 'requestContext.authorizer.principalId': REMOVED },
      'requestContext.authorizer.principalId',
      /principalId/,
    ],
    ['a null body is not base64', 'plain', { isBase64Encoded: true }, 'isBase64Encoded', /null body/],
    ['an empty body is null, not ""', 'plain', { body: '' }, 'body', /an empty body is null/],
    ['a base64 body is valid base64', 'binary', { body: '%%%' }, 'body', /valid base64/],
    [
      'Content-Length is the length of the body',
      'user',
      { body: '{}' },
      'headers["content-length"]',
      /length of the body/,
    ],
  ]);
});
