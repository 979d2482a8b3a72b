import { beforeAll, describe } from 'vitest';
import { websocketEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.connect = await websocketEvent({ route: '$connect', query: { token: 'a' }, seed: 1 });
  bases.message = await websocketEvent({ route: 'sendmessage', seed: 1 });
  bases.disconnect = await websocketEvent({ route: '$disconnect', seed: 1 });
});

describe('WebSocket checker rules', () => {
  testBrokenRules('websocket', bases, [
    ['a message has no headers', 'message', { headers: { Host: 'x' } }, '', /exactly these keys/],
    ['no REST keys', 'connect', { path: '/' }, '', /exactly these keys/],
    ['no body on $disconnect', 'disconnect', { body: '' }, '', /exactly these keys/],
    [
      'eventType follows the route',
      'message',
      { 'requestContext.eventType': 'CONNECT' },
      'requestContext.eventType',
      /MESSAGE event/,
    ],
    [
      'messageId only on messages',
      'connect',
      { 'requestContext.messageId': 'AAAAAAAAAAAAAAA=' },
      'requestContext',
      /exactly these keys/,
    ],
    [
      'a message has a messageId',
      'message',
      { 'requestContext.messageId': REMOVED },
      'requestContext.messageId',
      /15 characters/,
    ],
    [
      'messageId differs from requestId',
      'message',
      (e) => {
        e.requestContext.messageId = e.requestContext.requestId;
      },
      'requestContext.messageId',
      /differs/,
    ],
    [
      'requestId equals extendedRequestId',
      'message',
      { 'requestContext.extendedRequestId': 'AAAAAAAAAAAAAAA=' },
      'requestContext.extendedRequestId',
      /equals requestId/,
    ],
    [
      'requestId shape (not a UUID)',
      'message',
      (e) => {
        e.requestContext.requestId = '141d6671-99b4-40ca-9997-7a22f01eac74';
        e.requestContext.extendedRequestId = e.requestContext.requestId;
      },
      'requestContext.requestId',
      /15 characters/,
    ],
    [
      'messageDirection IN',
      'message',
      { 'requestContext.messageDirection': 'OUT' },
      'requestContext.messageDirection',
      /IN/,
    ],
    [
      'connected before the request',
      'message',
      (e) => {
        e.requestContext.connectedAt = e.requestContext.requestTimeEpoch + 1;
      },
      'requestContext.connectedAt',
      /before the request/,
    ],
    [
      'requestTime is the epoch',
      'disconnect',
      { 'requestContext.requestTime': '01/Jan/2020:00:00:00 +0000' },
      'requestContext.requestTime',
      /the epoch/,
    ],
    [
      'a numeric close code',
      'disconnect',
      { 'requestContext.disconnectStatusCode': '1001' },
      'requestContext.disconnectStatusCode',
      /close code/,
    ],
    [
      'a reason string',
      'disconnect',
      { 'requestContext.disconnectReason': null },
      'requestContext.disconnectReason',
      /string/,
    ],
    [
      "$disconnect headers are API Gateway's",
      'disconnect',
      { 'headers.x-api-key': 'k', 'multiValueHeaders.x-api-key': ['k'] },
      'headers',
      /three empty headers/,
    ],
    [
      'identity has no nulls',
      'message',
      { 'requestContext.identity.caller': null },
      'requestContext.identity.caller',
      /non-null/,
    ],
    [
      'apiId is the host',
      'message',
      { 'requestContext.apiId': 'abcdefghij' },
      'requestContext.apiId',
      /host names the API id/,
    ],
    ['$connect headers agree', 'connect', { 'headers.Host': 'x' }, 'headers["Host"]', /last value/],
    [
      '$connect query maps agree',
      'connect',
      { 'queryStringParameters.token': 'b' },
      'queryStringParameters["token"]',
      /last value/,
    ],
    ['isBase64Encoded on a message', 'message', { isBase64Encoded: 'false' }, 'isBase64Encoded', /boolean/],
    [
      'a base64 body decodes',
      'message',
      { isBase64Encoded: true, body: '{not base64}' },
      'body',
      /valid base64/,
    ],
  ]);
});
