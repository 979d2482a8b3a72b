import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { UsageError } from '../../../src/core/errors.js';
import { authorizerEvent, generateMany, websocketEvent } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';

const ID = /^[A-Za-z0-9_-]{15}=$/;
const CONTEXT_BASE = ['extendedRequestId', 'requestTime', 'messageDirection'];

describe('event types: the keys each has and lacks', () => {
  test('a message: requestContext, body, isBase64Encoded; messageId beside requestId', async () => {
    const event = await websocketEvent({ json: { action: 'sendmessage', data: 'hi' }, seed: 1 });
    expect(Object.keys(event)).toEqual(['requestContext', 'body', 'isBase64Encoded']);
    expect(Object.keys(event.requestContext)).toEqual([
      'routeKey',
      'messageId',
      'eventType',
      ...CONTEXT_BASE,
      'stage',
      'connectedAt',
      'requestTimeEpoch',
      'identity',
      'requestId',
      'domainName',
      'connectionId',
      'apiId',
    ]);
    expect(event).toMatchObject({ body: '{"action":"sendmessage","data":"hi"}', isBase64Encoded: false });
    expect(event.requestContext).toMatchObject({
      routeKey: '$default',
      eventType: 'MESSAGE',
      messageDirection: 'IN',
    });
    expect(event.requestContext.requestId).toBe(event.requestContext.extendedRequestId);
    expect(event.requestContext.messageId).toMatch(ID);
    expect(event.requestContext.messageId).not.toBe(event.requestContext.requestId);
    expect(event.requestContext.domainName).toBe(
      `${event.requestContext.apiId}.execute-api.us-east-1.amazonaws.com`,
    );
  });

  test('$connect: the upgrade request, query maps only with a query, no body', async () => {
    const plain = await websocketEvent({ route: '$connect', seed: 2 });
    expect(Object.keys(plain)).toEqual(['headers', 'multiValueHeaders', 'requestContext', 'isBase64Encoded']);
    expect(Object.keys(plain.requestContext)).not.toContain('messageId');
    expect(plain.headers['Sec-WebSocket-Version']).toBe('13');
    expect(plain.headers['Sec-WebSocket-Key']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(plain.headers.Connection).toBeUndefined();
    const withQuery = await websocketEvent({
      route: '$connect',
      query: { token: 'eyJ', room: 'a b' },
      seed: 2,
    });
    expect(Object.keys(withQuery)).toEqual([
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'requestContext',
      'isBase64Encoded',
    ]);
    expect(withQuery.queryStringParameters).toStrictEqual({ token: 'eyJ', room: 'a b' });
    const { requestTimeEpoch, connectedAt } = withQuery.requestContext;
    expect([0, 1]).toContain(requestTimeEpoch - connectedAt);
  });

  test("$disconnect: API Gateway's four headers, the close code and reason", async () => {
    const event = await websocketEvent({ route: '$disconnect', seed: 3 });
    expect(event.headers).toStrictEqual({
      Host: event.requestContext.domainName,
      'x-api-key': '',
      'X-Forwarded-For': '',
      'x-restapi': '',
    });
    expect(Object.keys(event.requestContext)).toEqual([
      'routeKey',
      'disconnectStatusCode',
      'eventType',
      'extendedRequestId',
      'requestTime',
      'messageDirection',
      'disconnectReason',
      'stage',
      'connectedAt',
      'requestTimeEpoch',
      'identity',
      'requestId',
      'domainName',
      'connectionId',
      'apiId',
    ]);
    expect(event.requestContext).toMatchObject({ disconnectStatusCode: 1001, disconnectReason: '' });
    const noStatus = await websocketEvent({ route: '$disconnect', disconnectStatus: 1005, seed: 3 });
    expect(noStatus.requestContext.disconnectReason).toBe('Client-side close frame status not set');
    const normal = await websocketEvent({
      route: '$disconnect',
      disconnectStatus: 1000,
      disconnectReason: 'bye',
      seed: 3,
    });
    expect(normal.requestContext).toMatchObject({ disconnectStatusCode: 1000, disconnectReason: 'bye' });
  });

  test('a custom route key; its default message names the route', async () => {
    const event = await websocketEvent({ route: 'sendmessage', seed: 4 });
    expect(event.requestContext.routeKey).toBe('sendmessage');
    expect(JSON.parse(event.body).action).toBe('sendmessage');
  });

  test('a binary frame is base64', async () => {
    const bytes = Uint8Array.from([0xff, 0x00, 0x80]);
    const event = await websocketEvent({ body: bytes, seed: 5 });
    expect(event).toMatchObject({ body: '/wCA', isBase64Encoded: true });
  });
});

describe('connections', () => {
  test('--count n without --route: one connection from $connect to $disconnect', async () => {
    const result = await runCli(['websocket', '--count', '5', '--ndjson', '--seed', '6']);
    expect(result.status).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.requestContext.routeKey)).toEqual([
      '$connect',
      '$default',
      '$default',
      '$default',
      '$disconnect',
    ]);
    expect(new Set(events.map((e) => e.requestContext.connectionId)).size).toBe(1);
    expect(new Set(events.map((e) => e.requestContext.connectedAt)).size).toBe(1);
    expect(new Set(events.map((e) => JSON.stringify(e.requestContext.identity))).size).toBe(1);
    expect(events.map((e) => 'messageId' in e.requestContext)).toEqual([false, true, true, true, false]);
    const times = events.map((e) => e.requestContext.requestTimeEpoch);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0] - events[0].requestContext.connectedAt).toBeLessThanOrEqual(1);
    expect(events[0].headers['User-Agent']).toBe(events[1].requestContext.identity.userAgent);
    for (const event of events) expect(await checkEvent(event)).toEqual({ kind: 'websocket', problems: [] });
  });

  test("messages on a route share the run's connection; $connect alone opens one per event", async () => {
    const messages = [];
    for await (const e of generateMany('websocket', 3, { route: 'sendmessage', seed: 7 })) messages.push(e);
    expect(new Set(messages.map((e) => e.requestContext.connectionId)).size).toBe(1);
    const connects = [];
    for await (const e of generateMany('websocket', 3, { route: '$connect', seed: 7 })) connects.push(e);
    expect(new Set(connects.map((e) => e.requestContext.connectionId)).size).toBe(3);
    const kept = [];
    for await (const e of generateMany('ws', 3, {
      route: '$connect',
      connectionId: 'R1kmxc2VNjMCFIA=',
      seed: 7,
    }))
      kept.push(e);
    expect(kept.map((e) => e.requestContext.connectionId)).toEqual(Array(3).fill('R1kmxc2VNjMCFIA='));
  });

  test('the $connect authorizer and the $connect route see the same request', async () => {
    const request = {
      query: { token: 'abc' },
      headers: { 'X-Tenant': 'acme' },
      stage: 'live',
      seed: 'agree',
    } as const;
    const input = await authorizerEvent({
      ...request,
      api: 'websocket',
      identitySources: ['route.request.querystring.token'],
    });
    const route = await websocketEvent({ ...request, route: '$connect' });
    expect(input.requestContext).toStrictEqual(route.requestContext);
    expect(input.queryStringParameters).toStrictEqual(route.queryStringParameters);
    const { Connection, Upgrade, 'content-length': length, ...headers } = input.headers;
    expect({ Connection, Upgrade, length }).toStrictEqual({
      Connection: 'upgrade',
      Upgrade: 'websocket',
      length: '0',
    });
    expect(headers).toStrictEqual(route.headers);
    expect(input.methodArn).toBe(
      `arn:aws:execute-api:us-east-1:${input.methodArn.split(':')[4]}:${route.requestContext.apiId}/live/$connect`,
    );
  });
});

describe('bad input', () => {
  test.each([
    [{ route: '$foo' }, "--route '$foo' is not a route key"],
    [{ route: 'a b' }, "--route 'a b' is not a route key"],
    [{ connectionId: 'abc' }, "--connection-id 'abc' is not a connection id"],
    [{ route: '$connect', body: 'x' }, '--route $connect has no body'],
    [{ disconnectStatus: 1001 }, '--disconnect-status is for $disconnect'],
    [
      { route: '$disconnect', disconnectStatus: 999 },
      '--disconnect-status 999 is not a WebSocket close code',
    ],
    [{ route: '$default', lifecycle: 3 }, '--route and a whole connection both say which events to make'],
    [{ lifecycle: 1 }, 'lifecycle 1 is too short'],
  ] as const)('%o', async (options, message) => {
    await expect(websocketEvent(options as never)).rejects.toThrow(UsageError);
    await expect(websocketEvent(options as never)).rejects.toThrow(message);
  });
});

describe('--count 200 --ndjson through the CLI passes the checker', () => {
  test.each([
    [['--route', '$connect', '--query', 'token=a']],
    [['--route', '$disconnect', '--disconnect-status', '1005']],
    [['--route', 'sendmessage']],
    [['--stage', 'live']],
  ])('%o', async (args) => {
    const result = await runCli(['ws', ...args, '--count', '200', '--ndjson', '--seed', '9']);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    const requestIds = new Set<string>();
    for (const line of lines) {
      const event = JSON.parse(line);
      expect(await checkEvent(event)).toEqual({ kind: 'websocket', problems: [] });
      requestIds.add(event.requestContext.requestId);
    }
    expect(requestIds.size).toBe(200);
  });
});
