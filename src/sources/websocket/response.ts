import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { kindOf, WHOLE } from '../../check/response-values.js';
import { checkBodyAndEncoding, checkHeaderMap, checkStatusCode, noteUnknownKeys } from '../http/response.js';

const FAILS = 'API Gateway answers the route with an error';
/** A WebSocket message is at most 128 KB; a larger one closes the connection with 1009 (FORMATS-api-identity §2.4). */
const MESSAGE_BYTES = 128 * 1024;

/**
 * What a WebSocket route's integration returns (FORMATS-api-identity §2.4): on `$connect` the
 * statusCode decides the handshake (2xx accepts, anything else rejects); on a message route the body
 * reaches the client only with a route response configured (two-way route); `$disconnect`'s return
 * is ignored. The shape is the REST proxy output: statusCode, headers, body, isBase64Encoded.
 */
export const webSocketResponseChecker: ResponseChecker = {
  source: 'websocket',
  event: 'optional',
  eventMismatch: (event) =>
    isRecord(event.requestContext) && typeof event.requestContext.connectionId === 'string'
      ? undefined
      : 'is not a WebSocket event (no requestContext.connectionId)',
  check(response, event, problems) {
    const eventType =
      event !== undefined && isRecord(event.requestContext) ? event.requestContext.eventType : undefined;
    if (eventType === 'DISCONNECT') {
      problems.note('API Gateway ignores what a $disconnect route returns');
      return;
    }
    if (response === null || response === undefined) {
      if (eventType === 'CONNECT')
        problems.add(
          WHOLE,
          'a $connect route returns nothing: its statusCode is what accepts (2xx) or rejects the handshake',
          '{"statusCode": 200}',
        );
      return;
    }
    if (!isRecord(response)) {
      problems.add(
        WHOLE,
        `the response is ${kindOf(response)}, not an object: ${FAILS}`,
        '{"statusCode": 200, "body": "…"}',
      );
      return;
    }
    if (eventType === 'CONNECT' || response.statusCode !== undefined)
      checkStatusCode(response.statusCode, FAILS, problems);
    if (
      eventType === 'CONNECT' &&
      Number.isInteger(response.statusCode) &&
      ((response.statusCode as number) < 200 || (response.statusCode as number) > 299)
    )
      problems.note(`statusCode ${response.statusCode} rejects the connection (2xx accepts it)`);
    checkHeaderMap(response.headers, 'headers', FAILS, problems);
    checkBodyAndEncoding(response, FAILS, problems);
    if (typeof response.body === 'string' && eventType !== 'CONNECT') {
      const bytes = Buffer.byteLength(response.body);
      if (bytes > MESSAGE_BYTES)
        problems.add(
          'body',
          `the message is ${bytes} bytes, over the WebSocket limit of 128 KB: API Gateway closes the connection (1009)`,
          `≤ ${MESSAGE_BYTES} bytes`,
        );
    }
    if (eventType === undefined)
      problems.note('without --event the route is not known: the statusCode is checked only when given');
    noteUnknownKeys(
      response,
      ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
      'API Gateway',
      problems,
    );
  },
};
