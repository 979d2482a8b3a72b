import { beforeAll, describe } from 'vitest';
import { formatRequestTime } from '../../src/core/time.js';
import { apigwV2Event } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.plain = await apigwV2Event({ seed: 1 });
  bases.routed = await apigwV2Event({
    route: 'POST /items/{id}',
    path: '/items/42?t=1&t=b%20c',
    stage: 'dev',
    json: { a: 1 },
    cookies: { s: '1' },
    seed: 1,
  });
  bases.form = await apigwV2Event({ form: { a: 'b' }, seed: 1 });
  bases.jwt = await apigwV2Event({ authorizer: 'jwt', seed: 1 });
  bases.lambda = await apigwV2Event({ authorizer: 'lambda', seed: 1 });
  bases.iam = await apigwV2Event({ authorizer: 'iam', seed: 1 });
  bases.mtls = await apigwV2Event({ mtls: true, seed: 1 });
});

describe('HTTP API checker rules', () => {
  testBrokenRules('apigw-v2', bases, [
    [
      'requestContext.routeKey is routeKey',
      'plain',
      { 'requestContext.routeKey': 'GET /x' },
      'requestContext.routeKey',
      /routeKey/,
    ],
    [
      'http.path is rawPath',
      'plain',
      { 'requestContext.http.path': '/other' },
      'requestContext.http.path',
      /rawPath/,
    ],
    [
      'rawPath starts with /',
      'plain',
      { rawPath: 'x', 'requestContext.http.path': 'x' },
      'rawPath',
      /starts with/,
    ],
    [
      'http.method is an HTTP method',
      'plain',
      { 'requestContext.http.method': 'get' },
      'requestContext.http.method',
      /HTTP method/,
    ],
    ['empty fields are absent, not null', 'plain', { cookies: null }, 'cookies', /left out when empty/],
    [
      'empty maps are absent, not {}',
      'plain',
      { pathParameters: {} },
      'pathParameters',
      /left out when empty/,
    ],
    [
      'rawQueryString has no leading ?',
      'routed',
      { rawQueryString: '?t=1&t=b%20c' },
      'rawQueryString',
      /leading \?/,
    ],
    [
      'the query map is the raw query decoded',
      'routed',
      { 'queryStringParameters.t': 'b c' },
      'queryStringParameters',
      /comma-joined/,
    ],
    [
      'no query map without a query',
      'plain',
      { queryStringParameters: { a: '1' } },
      'queryStringParameters',
      /decoded/,
    ],
    ['header names are lowercase', 'plain', { 'headers.Accept': '*/*' }, 'headers["Accept"]', /lowercase/],
    ['cookies[] holds name=value pairs', 'routed', { cookies: ['novalue'] }, 'cookies', /name=value/],
    [
      'the cookie header is moved to cookies[]',
      'routed',
      { 'headers.cookie': 's=1' },
      'headers["cookie"]',
      /cookies\[\]/,
    ],
    [
      'time is the epoch',
      'plain',
      (e) => {
        e.requestContext.time = e.requestContext.time.replace(' +0000', '+0000');
      },
      'requestContext.time',
      /the epoch/,
    ],
    [
      "the trace id's time is the request second",
      'plain',
      (e) => {
        e.requestContext.timeEpoch += 5000;
        e.requestContext.time = formatRequestTime(e.requestContext.timeEpoch);
      },
      'headers["x-amzn-trace-id"]',
      /epoch second/,
    ],
    [
      'http.userAgent is the user-agent',
      'plain',
      { 'requestContext.http.userAgent': 'x' },
      'requestContext.http.userAgent',
      /user-agent/,
    ],
    [
      'http.sourceIp ends X-Forwarded-For',
      'plain',
      { 'requestContext.http.sourceIp': '192.0.2.9' },
      'requestContext.http.sourceIp',
      /X-Forwarded-For/,
    ],
    ['a form body is base64', 'form', { isBase64Encoded: false, body: 'a=b' }, 'isBase64Encoded', /rule/],
    [
      'content-length is the length of the body',
      'routed',
      { body: '{"a":12}' },
      'headers["content-length"]',
      /length of the body/,
    ],
    [
      'requestId has its shape',
      'plain',
      { 'requestContext.requestId': 'id' },
      'requestContext.requestId',
      /15 characters/,
    ],
    [
      'accountId is 12 digits',
      'plain',
      { 'requestContext.accountId': 'anonymous' },
      'requestContext.accountId',
      /12 digits/,
    ],
    [
      'apiId is the execute-api host id',
      'plain',
      { 'requestContext.apiId': 'abcdefghij' },
      'requestContext.apiId',
      /API id/,
    ],
    [
      'domainName is the host header',
      'plain',
      { 'headers.host': 'x.example' },
      'requestContext.domainName',
      /Host/,
    ],
    [
      'stage is $default or a name',
      'plain',
      { 'requestContext.stage': 'bad stage' },
      'requestContext.stage',
      /stage name/,
    ],
    [
      'a named stage starts rawPath',
      'routed',
      { rawPath: '/items/42', 'requestContext.http.path': '/items/42' },
      'rawPath',
      /stage/,
    ],
    [
      'routeKey has its shape',
      'plain',
      { routeKey: 'GET', 'requestContext.routeKey': 'GET' },
      'routeKey',
      /METHOD/,
    ],
    [
      "the route's method is the request's",
      'routed',
      { 'requestContext.http.method': 'PUT' },
      'routeKey',
      /method/,
    ],
    [
      'the route matches the path',
      'routed',
      { routeKey: 'POST /orders/{id}', 'requestContext.routeKey': 'POST /orders/{id}' },
      'routeKey',
      /does not match/,
    ],
    [
      'pathParameters are what the route matches',
      'routed',
      { 'pathParameters.id': '7' },
      'pathParameters',
      /route matches/,
    ],
    [
      'the $default route has no path parameters',
      'plain',
      { pathParameters: { id: '1' } },
      'pathParameters',
      /\$default route/,
    ],
    [
      'authentication holds a client certificate',
      'mtls',
      { 'requestContext.authentication.clientCert.validity': REMOVED },
      'requestContext.authentication',
      /clientCert/,
    ],
    [
      'JWT claims are strings',
      'jwt',
      { 'requestContext.authorizer.jwt.claims.exp': 1718722804 },
      'requestContext.authorizer.jwt.claims["exp"]',
      /strings/,
    ],
    [
      'JWT scopes are a list or null',
      'jwt',
      { 'requestContext.authorizer.jwt.scopes': [] },
      'requestContext.authorizer.jwt.scopes',
      /null/,
    ],
    [
      'a Lambda authorizer context is an object or null',
      'lambda',
      { 'requestContext.authorizer.lambda': 'ctx' },
      'requestContext.authorizer.lambda',
      /object, or null/,
    ],
    [
      'an IAM caller has every field',
      'iam',
      { 'requestContext.authorizer.iam.callerId': REMOVED },
      'requestContext.authorizer.iam',
      /callerId/,
    ],
    [
      "an IAM caller's account is 12 digits",
      'iam',
      { 'requestContext.authorizer.iam.accountId': 'x' },
      'requestContext.authorizer.iam.accountId',
      /12 digits/,
    ],
    [
      'the authorizer is jwt, lambda or iam',
      'plain',
      { 'requestContext.authorizer': { cognito: {} } },
      'requestContext.authorizer',
      /jwt, lambda or iam/,
    ],
  ]);
});
