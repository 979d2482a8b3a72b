import { isRecord } from '../../check/problems.js';

/** A WebSocket API event. No `type` (authorizer inputs have one) and no `resource` (REST events have one). */
export const detectWebSocket = (event: unknown): boolean =>
  isRecord(event) &&
  !('type' in event) &&
  !('resource' in event) &&
  isRecord(event.requestContext) &&
  'connectionId' in event.requestContext &&
  'eventType' in event.requestContext;
