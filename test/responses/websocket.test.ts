import { describe, expect, it } from 'vitest';
import { websocketEvent } from '../../src/index.js';
import { webSocketResponseChecker } from '../../src/sources/websocket/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const connect = await websocketEvent({ route: '$connect', seed: 8 });
const message = await websocketEvent({ route: 'sendMessage', json: { text: 'hi' }, seed: 8 });
const disconnect = await websocketEvent({ route: '$disconnect', seed: 8 });
const FAILS = 'API Gateway answers the route with an error';

describe('websocket route responses', () => {
  testRightResponses(webSocketResponseChecker, [
    ['$connect accepting', { statusCode: 200 }, connect],
    ['$connect rejecting (a valid answer)', { statusCode: 401, body: 'no token' }, connect],
    [
      'a two-way route answer',
      { statusCode: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } },
      message,
    ],
    ['a one-way route returning nothing', null, message],
    ['anything from $disconnect', 'ignored', disconnect],
  ]);

  testWrongResponses(webSocketResponseChecker, [
    [
      '$connect returning nothing',
      null,
      connect,
      [
        [
          '(response)',
          'a $connect route returns nothing: its statusCode is what accepts (2xx) or rejects the handshake',
        ],
      ],
    ],
    [
      '$connect without statusCode',
      { body: 'hello' },
      connect,
      [['statusCode', `statusCode is missing: ${FAILS}`]],
    ],
    [
      'a string statusCode',
      { statusCode: '200' },
      message,
      [['statusCode', `statusCode "200" is not an HTTP status: ${FAILS}`]],
    ],
    [
      'an object body',
      { statusCode: 200, body: { ok: true } },
      message,
      [['body', `body is an object, not a string: ${FAILS}`]],
    ],
    ['a string', 'ok', message, [['(response)', `the response is a string, not an object: ${FAILS}`]]],
    [
      'a number header value',
      { statusCode: 200, headers: { 'x-n': 1 } },
      connect,
      [['headers.x-n', `header value is a number, not a string: ${FAILS}`]],
    ],
  ]);

  it('a message over 128 KB closes the connection', () => {
    const body = 'x'.repeat(128 * 1024 + 1);
    expect(judge(webSocketResponseChecker, { statusCode: 200, body }, message).problems).toStrictEqual([
      {
        path: 'body',
        message: `the message is ${body.length} bytes, over the WebSocket limit of 128 KB: API Gateway closes the connection (1009)`,
        expected: '≤ 131072 bytes',
      },
    ]);
  });

  it('notes what the route does with the answer', () => {
    expect(judge(webSocketResponseChecker, { statusCode: 403 }, connect).notes).toStrictEqual([
      'statusCode 403 rejects the connection (2xx accepts it)',
    ]);
    expect(judge(webSocketResponseChecker, { statusCode: 'x' }, disconnect).notes).toStrictEqual([
      'API Gateway ignores what a $disconnect route returns',
    ]);
  });
});
