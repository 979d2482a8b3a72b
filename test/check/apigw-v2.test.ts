import { beforeAll, describe, test } from 'vitest';
import { apigwV2Event } from '../../src/index.js';
import { type Editable, expectBroken } from './helpers.js';

let plain: Editable;
let routed: Editable;
let form: Editable;
let jwt: Editable;
let lambda: Editable;
let iam: Editable;
let mtls: Editable;
const KIND = 'apigw-v2';

beforeAll(async () => {
  plain = await apigwV2Event({ seed: 1 });
  routed = await apigwV2Event({
    route: 'POST /items/{id}',
    path: '/items/42?t=1&t=b%20c',
    stage: 'dev',
    json: { a: 1 },
    cookies: { s: '1' },
    seed: 1,
  });
  form = await apigwV2Event({ form: { a: 'b' }, seed: 1 });
  jwt = await apigwV2Event({ authorizer: 'jwt', seed: 1 });
  lambda = await apigwV2Event({ authorizer: 'lambda', seed: 1 });
  iam = await apigwV2Event({ authorizer: 'iam', seed: 1 });
  mtls = await apigwV2Event({ mtls: true, seed: 1 });
});

describe('HTTP API checker rules', () => {
  test('requestContext.routeKey is routeKey', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.routeKey = 'GET /x';
      },
      'requestContext.routeKey',
      /routeKey/,
    ));
  test('http.path is rawPath', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.http.path = '/other';
      },
      'requestContext.http.path',
      /rawPath/,
    ));
  test('rawPath starts with /', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.rawPath = 'x';
        e.requestContext.http.path = 'x';
      },
      'rawPath',
      /starts with/,
    ));
  test('http.method is an HTTP method', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.http.method = 'get';
      },
      'requestContext.http.method',
      /HTTP method/,
    ));
  test('empty fields are absent, not null', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.cookies = null;
      },
      'cookies',
      /left out when empty/,
    ));
  test('empty maps are absent, not {}', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.pathParameters = {};
      },
      'pathParameters',
      /left out when empty/,
    ));
  test('rawQueryString has no leading ?', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.rawQueryString = `?${e.rawQueryString}`;
      },
      'rawQueryString',
      /leading \?/,
    ));
  test('queryStringParameters is rawQueryString decoded and comma-joined', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.queryStringParameters.t = 'b c';
      },
      'queryStringParameters',
      /comma-joined/,
    ));
  test('no queryStringParameters without a query', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.queryStringParameters = { a: '1' };
      },
      'queryStringParameters',
      /decoded/,
    ));
  test('header names are lowercase', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.headers.Accept = '*/*';
      },
      'headers["Accept"]',
      /lowercase/,
    ));
  test('cookies[] holds name=value pairs', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.cookies = ['novalue'];
      },
      'cookies',
      /name=value/,
    ));
  test('the cookie header is moved to cookies[]', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.headers.cookie = 's=1';
      },
      'headers["cookie"]',
      /cookies\[\]/,
    ));
  test('time is the epoch', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.time = e.requestContext.time.replace(' +0000', '+0000');
      },
      'requestContext.time',
      /the epoch/,
    ));
  test("the trace id's time is the request second", () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.timeEpoch += 5000;
        e.requestContext.time = plainTime(e.requestContext.timeEpoch);
      },
      'headers["x-amzn-trace-id"]',
      /epoch second/,
    ));
  test('http.userAgent is the user-agent header', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.http.userAgent = 'x';
      },
      'requestContext.http.userAgent',
      /user-agent/,
    ));
  test('http.sourceIp ends X-Forwarded-For', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.http.sourceIp = '192.0.2.9';
      },
      'requestContext.http.sourceIp',
      /X-Forwarded-For/,
    ));
  test('a form body is base64', () =>
    expectBroken(
      form,
      KIND,
      (e) => {
        e.isBase64Encoded = false;
        e.body = 'a=b';
      },
      'isBase64Encoded',
      /rule/,
    ));
  test('content-length is the length of the body', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.body = '{"a":12}';
      },
      'headers["content-length"]',
      /length of the body/,
    ));
  test('requestId has its shape', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.requestId = 'id';
      },
      'requestContext.requestId',
      /15 characters/,
    ));
  test('accountId is 12 digits', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.accountId = 'anonymous';
      },
      'requestContext.accountId',
      /12 digits/,
    ));
  test('apiId is the execute-api host id', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.apiId = 'abcdefghij';
      },
      'requestContext.apiId',
      /API id/,
    ));
  test('domainName is the host header', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.headers.host = 'x.example';
      },
      'requestContext.domainName',
      /Host/,
    ));
  test('stage is $default or a name', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.stage = 'bad stage';
      },
      'requestContext.stage',
      /stage name/,
    ));
  test('a named stage starts rawPath', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.rawPath = '/items/42';
        e.requestContext.http.path = '/items/42';
      },
      'rawPath',
      /stage/,
    ));
  test('routeKey has its shape', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.routeKey = 'GET';
        e.requestContext.routeKey = 'GET';
      },
      'routeKey',
      /METHOD/,
    ));
  test("the route's method is the request's", () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.requestContext.http.method = 'PUT';
      },
      'routeKey',
      /method/,
    ));
  test('the route matches the path', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.routeKey = 'POST /orders/{id}';
        e.requestContext.routeKey = e.routeKey;
      },
      'routeKey',
      /does not match/,
    ));
  test('pathParameters are what the route matches', () =>
    expectBroken(
      routed,
      KIND,
      (e) => {
        e.pathParameters.id = '7';
      },
      'pathParameters',
      /route matches/,
    ));
  test('the $default route has no path parameters', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.pathParameters = { id: '1' };
      },
      'pathParameters',
      /\$default route/,
    ));
  test('authentication holds a client certificate', () =>
    expectBroken(
      mtls,
      KIND,
      (e) => {
        delete e.requestContext.authentication.clientCert.validity;
      },
      'requestContext.authentication',
      /clientCert/,
    ));
  test('JWT claims are strings', () =>
    expectBroken(
      jwt,
      KIND,
      (e) => {
        e.requestContext.authorizer.jwt.claims.exp = 1718722804;
      },
      'requestContext.authorizer.jwt.claims["exp"]',
      /strings/,
    ));
  test('JWT scopes are a list or null', () =>
    expectBroken(
      jwt,
      KIND,
      (e) => {
        e.requestContext.authorizer.jwt.scopes = [];
      },
      'requestContext.authorizer.jwt.scopes',
      /null/,
    ));
  test('a Lambda authorizer context is an object or null', () =>
    expectBroken(
      lambda,
      KIND,
      (e) => {
        e.requestContext.authorizer.lambda = 'ctx';
      },
      'requestContext.authorizer.lambda',
      /object, or null/,
    ));
  test('an IAM caller has every field', () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        delete e.requestContext.authorizer.iam.callerId;
      },
      'requestContext.authorizer.iam',
      /callerId/,
    ));
  test("an IAM caller's account is 12 digits", () =>
    expectBroken(
      iam,
      KIND,
      (e) => {
        e.requestContext.authorizer.iam.accountId = 'x';
      },
      'requestContext.authorizer.iam.accountId',
      /12 digits/,
    ));
  test('the authorizer is jwt, lambda or iam', () =>
    expectBroken(
      plain,
      KIND,
      (e) => {
        e.requestContext.authorizer = { cognito: {} };
      },
      'requestContext.authorizer',
      /jwt, lambda or iam/,
    ));
});

function plainTime(epoch: number): string {
  const d = new Date(epoch);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
