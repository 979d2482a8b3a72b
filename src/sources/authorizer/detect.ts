import { isRecord } from '../../check/problems.js';

// An authorizer's input carries a `type`; which one, and its `version`, tell the five apart
// (FORMATS-api-identity §1).

/** A REST API TOKEN authorizer's input. */
export const detectTokenAuthorizer = (event: unknown): boolean => isRecord(event) && event.type === 'TOKEN';

/** A REST API REQUEST authorizer's input: no `version`, a `resource`. */
export const detectRequestAuthorizer = (event: unknown): boolean =>
  isRecord(event) && event.type === 'REQUEST' && !('version' in event) && typeof event.resource === 'string';

/** An HTTP API REQUEST authorizer's input on payload format 2.0. */
export const detectHttpApiV2Authorizer = (event: unknown): boolean =>
  isRecord(event) && event.type === 'REQUEST' && event.version === '2.0';

/** An HTTP API REQUEST authorizer's input on payload format 1.0. */
export const detectHttpApiV1Authorizer = (event: unknown): boolean =>
  isRecord(event) && event.type === 'REQUEST' && event.version === '1.0';

/** A WebSocket API `$connect` authorizer's input: no `version`, no `resource`, a connection id. */
export const detectWebSocketAuthorizer = (event: unknown): boolean =>
  isRecord(event) &&
  event.type === 'REQUEST' &&
  !('version' in event) &&
  !('resource' in event) &&
  isRecord(event.requestContext) &&
  'connectionId' in event.requestContext;
