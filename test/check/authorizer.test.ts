import { beforeAll, describe } from 'vitest';
import { authorizerEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.token = await authorizerEvent({ path: '/orders/7', seed: 1 });
  bases.request = await authorizerEvent({ type: 'request', path: '/orders/7?x=1', seed: 1 });
  bases.v2 = await authorizerEvent({
    payload: '2.0',
    route: 'GET /orders/{id}',
    path: '/orders/7',
    stage: 'dev',
    seed: 1,
  });
  bases.v1 = await authorizerEvent({ payload: '1.0', query: { t: ['1', '2'] }, seed: 1 });
  bases.websocket = await authorizerEvent({ api: 'websocket', query: { token: 'abc' }, seed: 1 });
});

describe('REST TOKEN authorizer input rules', () => {
  testBrokenRules('authorizer (REST TOKEN)', bases, [
    ['nothing else is sent', 'token', { path: '/orders/7' }, '', /exactly these keys/],
    ['methodArn has the real shape', 'token', { methodArn: 'arn:aws:lambda:x' }, 'methodArn', /execute-api/],
    [
      'an invocation names its stage',
      'token',
      (e) => {
        e.methodArn = e.methodArn.replace('/prod/', '/*/');
      },
      'methodArn',
      /never \*/,
    ],
    [
      'a method follows the stage',
      'token',
      (e) => {
        e.methodArn = e.methodArn.replace('/GET/', '/FETCH/');
      },
      'methodArn',
      /HTTP method/,
    ],
    ['the token is the header as sent', 'token', { authorizationToken: '' }, 'authorizationToken', /as sent/],
  ]);
});

describe('REST REQUEST authorizer input rules', () => {
  testBrokenRules('authorizer (REST REQUEST)', bases, [
    ['no body', 'request', { body: null }, '', /exactly these keys/],
    ['empty maps are {}', 'request', { pathParameters: null }, 'pathParameters', /\{\} when empty/],
    [
      'no authorizer in its own input',
      'request',
      { 'requestContext.authorizer': { principalId: 'x' } },
      'requestContext.authorizer',
      /not yet known/,
    ],
    [
      'methodArn names the path',
      'request',
      (e) => {
        e.methodArn = e.methodArn.replace('/orders/7', '/orders/8');
      },
      'methodArn',
      /method and the path/,
    ],
    [
      'methodArn names the stage',
      'request',
      { 'requestContext.stage': 'dev', 'requestContext.path': '/dev/orders/7' },
      'methodArn',
      /stage/,
    ],
    [
      'methodArn names the account',
      'request',
      { 'requestContext.accountId': '000000000000' },
      'methodArn',
      /account/,
    ],
    [
      'methodArn names the region of the host',
      'request',
      (e) => {
        e.methodArn = e.methodArn.replace(':us-east-1:', ':eu-west-1:');
      },
      'methodArn',
      /region/,
    ],
    [
      'the REST proxy rules apply: last value of the multi-value map',
      'request',
      { 'queryStringParameters.x': '2' },
      'queryStringParameters["x"]',
      /last value/,
    ],
    [
      'the REST proxy rules apply: requestId is a UUID',
      'request',
      { 'requestContext.requestId': 'abc' },
      'requestContext.requestId',
      /UUID/,
    ],
  ]);
});

describe('HTTP API 2.0 authorizer input rules', () => {
  testBrokenRules('authorizer (HTTP API 2.0)', bases, [
    ['no body', 'v2', { body: 'x' }, 'body', /has no body/],
    ['no isBase64Encoded', 'v2', { isBase64Encoded: false }, 'isBase64Encoded', /has no isBase64Encoded/],
    [
      'identitySource holds values',
      'v2',
      { identitySource: 'Bearer x' },
      'identitySource',
      /array of the identity values/,
    ],
    [
      'routeArn names the path',
      'v2',
      (e) => {
        e.routeArn = e.routeArn.replace('/orders/7', '/orders/{id}');
      },
      'routeArn',
      /the path as sent/,
    ],
    [
      'routeArn names the stage literally',
      'v2',
      (e) => {
        e.routeArn = e.routeArn.replace('/dev/', '/$default/');
      },
      'routeArn',
      /stage/,
    ],
    [
      'no authorizer in its own input',
      'v2',
      { 'requestContext.authorizer': { lambda: null } },
      'requestContext.authorizer',
      /not yet known/,
    ],
    [
      'the 2.0 proxy rules apply: lowercase headers',
      'v2',
      { 'headers.Accept': '*/*' },
      'headers["Accept"]',
      /lowercase/,
    ],
    [
      'keys in the real order',
      'v2',
      (e) => {
        const { version, ...rest } = e;
        for (const k of Object.keys(e)) delete e[k];
        Object.assign(e, rest, { version });
      },
      '',
      /real order/,
    ],
  ]);
});

describe('HTTP API 1.0 authorizer input rules', () => {
  testBrokenRules('authorizer (HTTP API 1.0)', bases, [
    [
      'authorizationToken is identitySource',
      'v1',
      { authorizationToken: 'other' },
      'authorizationToken',
      /identitySource/,
    ],
    [
      'identitySource is joined text',
      'v1',
      { identitySource: ['a'], authorizationToken: ['a'] },
      'identitySource',
      /comma-joined/,
    ],
    ['empty maps are {}', 'v1', { stageVariables: null }, 'stageVariables', /\{\} when empty/],
    [
      'lowercase headers',
      'v1',
      { 'headers.Host': 'x', 'multiValueHeaders.Host': ['x'] },
      'headers["Host"]',
      /lowercase/,
    ],
    [
      'the last of repeats',
      'v1',
      { 'queryStringParameters.t': '1' },
      'queryStringParameters["t"]',
      /last value/,
    ],
    [
      'extendedRequestId is requestId',
      'v1',
      { 'requestContext.extendedRequestId': 'AAAAAAAAAAAAAAA=' },
      'requestContext.extendedRequestId',
      /equals requestId/,
    ],
    [
      'resourcePath is the resource',
      'v1',
      { 'requestContext.resourcePath': '/x' },
      'requestContext.resourcePath',
      /resource/,
    ],
    ['requestContext keys', 'v1', { 'requestContext.authorizer': {} }, 'requestContext', /these keys/],
    ['methodArn names the path', 'v1', { path: '/other' }, 'methodArn', /the path as sent/],
    [
      'requestTime is the epoch',
      'v1',
      { 'requestContext.requestTimeEpoch': 1718639559080 },
      'requestContext.requestTime',
      /the epoch/,
    ],
    ['no multi-value header map is missing', 'v1', { multiValueHeaders: REMOVED }, '', /exactly these keys/],
  ]);
});

describe('WebSocket $connect authorizer input rules', () => {
  testBrokenRules('authorizer (WebSocket $connect)', bases, [
    [
      'methodArn has no method',
      'websocket',
      (e) => {
        e.methodArn = e.methodArn.replace('$connect', 'GET/');
      },
      'methodArn',
      /method and the path/,
    ],
    [
      'only $connect',
      'websocket',
      { 'requestContext.routeKey': '$default' },
      'requestContext.routeKey',
      /only \$connect/,
    ],
    ['no isBase64Encoded', 'websocket', { isBase64Encoded: false }, '', /exactly these keys/],
    ['empty maps are {}', 'websocket', { stageVariables: null }, 'stageVariables', /\{\} when empty/],
    [
      'requestId equals extendedRequestId',
      'websocket',
      { 'requestContext.extendedRequestId': 'AAAAAAAAAAAAAAA=' },
      'requestContext.extendedRequestId',
      /equals requestId/,
    ],
    [
      'connectionId shape',
      'websocket',
      { 'requestContext.connectionId': 'abc123' },
      'requestContext.connectionId',
      /15 characters/,
    ],
    [
      'accepted with the request',
      'websocket',
      (e) => {
        e.requestContext.connectedAt -= 5000;
      },
      'requestContext.connectedAt',
      /same or the previous millisecond/,
    ],
    [
      'no messageId on CONNECT',
      'websocket',
      { 'requestContext.messageId': 'AAAAAAAAAAAAAAA=' },
      'requestContext',
      /exactly these keys/,
    ],
    [
      'identity has no nulls',
      'websocket',
      { 'requestContext.identity.user': null },
      'requestContext.identity.user',
      /non-null/,
    ],
    ['headers agree', 'websocket', { 'headers.Host': 'x.example.com' }, 'headers["Host"]', /last value/],
    [
      'a version-13 handshake',
      'websocket',
      { 'headers.Sec-WebSocket-Version': '8', 'multiValueHeaders.Sec-WebSocket-Version': ['8'] },
      'headers["Sec-WebSocket-Version"]',
      /version 13/,
    ],
    [
      'the trace id carries the time',
      'websocket',
      (e) => {
        e.requestContext.requestTimeEpoch += 5000;
        e.requestContext.connectedAt += 5000;
      },
      'headers["X-Amzn-Trace-Id"]',
      /epoch second/,
    ],
  ]);
});
