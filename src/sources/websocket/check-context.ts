import { isRecord, type ProblemList } from '../../check/problems.js';
import {
  checkForwardedFor,
  checkLastValues,
  checkRequestTime,
  checkTraceHeader,
  GATEWAY_REQUEST_ID,
  header,
  multiValueMap,
  stringMap,
} from '../http/check.js';
import { parseExecuteApiHost } from '../http/hosts.js';

/** `requestContext` keys of each WebSocket event type, in real order (FORMATS-api-identity §2.2). */
export const CONTEXT_KEYS = {
  CONNECT: [
    'routeKey',
    'eventType',
    'extendedRequestId',
    'requestTime',
    'messageDirection',
    'stage',
    'connectedAt',
    'requestTimeEpoch',
    'identity',
    'requestId',
    'domainName',
    'connectionId',
    'apiId',
  ],
  MESSAGE: [
    'routeKey',
    'messageId',
    'eventType',
    'extendedRequestId',
    'requestTime',
    'messageDirection',
    'stage',
    'connectedAt',
    'requestTimeEpoch',
    'identity',
    'requestId',
    'domainName',
    'connectionId',
    'apiId',
  ],
  DISCONNECT: [
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
  ],
} as const;

export type WebSocketEventType = keyof typeof CONTEXT_KEYS;

const IDENTITY_KEYS = new Set(['userAgent', 'sourceIp', 'apiKey', 'apiKeyId']);

/** The event type a route key gives: `$connect`, `$disconnect`, else a message (FORMATS-api-identity §2.2). */
export function eventTypeOf(routeKey: unknown): WebSocketEventType {
  return routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE';
}

/** The rules every WebSocket `requestContext` obeys (FORMATS-api-identity §2.2). */
export function checkWebSocketContext(
  context: Record<string, unknown>,
  problems: ProblemList,
  at = 'requestContext',
): void {
  const type = eventTypeOf(context.routeKey);
  problems.expectEqual(
    `${at}.eventType`,
    context.eventType,
    type,
    `${String(context.routeKey)} is a ${type} event`,
  );
  problems.expectEqual(
    at,
    Object.keys(context),
    CONTEXT_KEYS[type],
    `a ${type} requestContext has exactly these keys, in this order`,
  );
  problems.expectEqual(`${at}.messageDirection`, context.messageDirection, 'IN', 'messageDirection is IN');
  problems.expectMatch(
    `${at}.requestId`,
    context.requestId,
    GATEWAY_REQUEST_ID,
    'requestId is 15 characters and =',
  );
  problems.expectEqual(
    `${at}.extendedRequestId`,
    context.extendedRequestId,
    context.requestId,
    'extendedRequestId equals requestId',
  );
  problems.expectMatch(
    `${at}.connectionId`,
    context.connectionId,
    GATEWAY_REQUEST_ID,
    'connectionId is 15 characters and =',
  );
  if (type === 'MESSAGE') {
    problems.expectMatch(
      `${at}.messageId`,
      context.messageId,
      GATEWAY_REQUEST_ID,
      'messageId is 15 characters and =',
    );
    if (context.messageId === context.requestId)
      problems.add(`${at}.messageId`, 'messageId differs from requestId');
  }
  if (type === 'DISCONNECT') {
    const code = context.disconnectStatusCode;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 1000 || code > 4999)
      problems.add(`${at}.disconnectStatusCode`, 'disconnectStatusCode is a WebSocket close code (a number)');
    if (typeof context.disconnectReason !== 'string')
      problems.add(`${at}.disconnectReason`, 'disconnectReason is a string ("" when none)');
  }
  const epoch = checkRequestTime(
    problems,
    `${at}.requestTime`,
    context.requestTime,
    `${at}.requestTimeEpoch`,
    context.requestTimeEpoch,
  );
  const connectedAt = context.connectedAt;
  if (typeof connectedAt !== 'number' || !Number.isInteger(connectedAt)) {
    problems.add(`${at}.connectedAt`, 'connectedAt is a JSON number of milliseconds');
  } else if (epoch !== undefined) {
    if (connectedAt > epoch)
      problems.add(`${at}.connectedAt`, 'the connection was accepted before the request');
    if (type === 'CONNECT' && epoch - connectedAt > 1)
      problems.add(
        `${at}.connectedAt`,
        'on $connect the connection is accepted in the same or the previous millisecond',
      );
  }
  problems.expectMatch(`${at}.stage`, context.stage, /^[A-Za-z0-9_-]{1,128}$/, 'stage is a stage name');
  problems.expectMatch(
    `${at}.apiId`,
    context.apiId,
    /^[a-z0-9]{10}$/,
    'apiId is 10 lowercase letters and digits',
  );
  const own = typeof context.domainName === 'string' ? parseExecuteApiHost(context.domainName) : undefined;
  if (typeof context.domainName !== 'string') problems.add(`${at}.domainName`, 'domainName is the host name');
  else if (own)
    problems.expectEqual(`${at}.apiId`, context.apiId, own.apiId, 'the execute-api host names the API id');
  const identity = context.identity;
  if (!isRecord(identity) || typeof identity.sourceIp !== 'string') {
    problems.add(`${at}.identity`, 'identity holds sourceIp (and userAgent when known)');
  } else {
    for (const [key, value] of Object.entries(identity)) {
      if (!IDENTITY_KEYS.has(key) || typeof value !== 'string')
        problems.add(
          `${at}.identity.${key}`,
          'identity has only the non-null userAgent, sourceIp, apiKey, apiKeyId',
        );
    }
  }
}

/** The `$connect` upgrade request's headers and query (FORMATS-api-identity §2.3). */
export function checkUpgradeRequest(
  event: Record<string, unknown>,
  context: Record<string, unknown>,
  problems: ProblemList,
): void {
  const headers = stringMap(problems, 'headers', event.headers);
  const multi = multiValueMap(problems, 'multiValueHeaders', event.multiValueHeaders);
  if (headers && multi) checkLastValues(problems, 'headers', headers, 'multiValueHeaders', multi);
  if ('queryStringParameters' in event || 'multiValueQueryStringParameters' in event) {
    const query = stringMap(problems, 'queryStringParameters', event.queryStringParameters);
    const multiQuery = multiValueMap(
      problems,
      'multiValueQueryStringParameters',
      event.multiValueQueryStringParameters,
    );
    if (query && multiQuery)
      checkLastValues(
        problems,
        'queryStringParameters',
        query,
        'multiValueQueryStringParameters',
        multiQuery,
      );
  }
  const epoch = typeof context.requestTimeEpoch === 'number' ? context.requestTimeEpoch : undefined;
  checkTraceHeader(problems, 'headers["X-Amzn-Trace-Id"]', header(headers, 'x-amzn-trace-id'), epoch);
  const identity = isRecord(context.identity) ? context.identity : {};
  checkForwardedFor(
    problems,
    'requestContext.identity.sourceIp',
    header(headers, 'x-forwarded-for'),
    identity.sourceIp,
    0,
  );
  problems.expectEqual(
    'requestContext.domainName',
    context.domainName,
    header(headers, 'host'),
    'domainName is the Host the client used',
  );
  problems.expectEqual(
    'headers["Sec-WebSocket-Version"]',
    header(headers, 'sec-websocket-version'),
    '13',
    'a WebSocket handshake is version 13',
  );
  if ('userAgent' in identity)
    problems.expectEqual(
      'requestContext.identity.userAgent',
      identity.userAgent,
      header(headers, 'user-agent'),
      'userAgent is the User-Agent header',
    );
}
