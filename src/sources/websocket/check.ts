import type { EventChecker, ProblemList } from '../../check/problems.js';
import { isBase64 } from '../http/body.js';
import { checkUpgradeRequest, checkWebSocketContext, eventTypeOf } from './check-context.js';
import { detectWebSocket } from './detect.js';

/** Top-level keys of each WebSocket event type, in real order (FORMATS-api-identity §2.1). */
const TOP_LEVEL = {
  CONNECT: [
    'headers',
    'multiValueHeaders',
    'queryStringParameters',
    'multiValueQueryStringParameters',
    'requestContext',
    'isBase64Encoded',
  ],
  DISCONNECT: ['headers', 'multiValueHeaders', 'requestContext', 'isBase64Encoded'],
  MESSAGE: ['requestContext', 'body', 'isBase64Encoded'],
} as const;

/** API Gateway WebSocket API events through a Lambda proxy integration (FORMATS-api-identity §2). */
export const webSocketChecker: EventChecker = {
  kind: 'websocket',
  source: 'websocket',
  detect: detectWebSocket,

  check(event, problems) {
    const context = event.requestContext as Record<string, unknown>;
    const type = eventTypeOf(context.routeKey);
    const keys = Object.keys(event);
    // The query maps of $connect appear only when the URL had a query (FORMATS-api-identity §2.3).
    const expected = TOP_LEVEL[type].filter(
      (key) =>
        !/querystring/i.test(key) ||
        'queryStringParameters' in event ||
        'multiValueQueryStringParameters' in event,
    );
    problems.expectEqual('', keys, expected, `a ${type} event has exactly these keys, in this order`);
    checkWebSocketContext(context, problems);
    if (typeof event.isBase64Encoded !== 'boolean')
      problems.add('isBase64Encoded', 'isBase64Encoded is a boolean');
    if (type === 'CONNECT') checkUpgradeRequest(event, context, problems);
    if (type === 'DISCONNECT') checkDisconnectHeaders(event, context, problems);
    if (type === 'MESSAGE') checkMessage(event, problems);
    else if (event.isBase64Encoded !== false)
      problems.add('isBase64Encoded', 'an event without a body is not base64-encoded', false);
  },
};

/** `$disconnect` headers are API Gateway's four, not the client's (FORMATS-api-identity §2.3). */
function checkDisconnectHeaders(
  event: Record<string, unknown>,
  context: Record<string, unknown>,
  problems: ProblemList,
): void {
  const expected = { Host: context.domainName, 'x-api-key': '', 'X-Forwarded-For': '', 'x-restapi': '' };
  problems.expectEqual(
    'headers',
    event.headers,
    expected,
    '$disconnect carries exactly Host and three empty headers',
  );
  problems.expectEqual(
    'multiValueHeaders',
    event.multiValueHeaders,
    Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [v]])),
    'multiValueHeaders mirrors headers',
  );
}

function checkMessage(event: Record<string, unknown>, problems: ProblemList): void {
  if (typeof event.body !== 'string') {
    problems.add('body', 'a message body is the frame as a string');
    return;
  }
  if (event.isBase64Encoded === true && !isBase64(event.body))
    problems.add('body', 'a base64-encoded body is valid base64');
}
