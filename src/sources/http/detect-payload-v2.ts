import { isRecord } from '../../check/problems.js';

/** A payload format 2.0 event: an HTTP API's or a function URL's (FORMATS §4, §5). */
export const isPayloadV2 = (event: unknown): event is Record<string, unknown> =>
  isRecord(event) &&
  event.version === '2.0' &&
  isRecord(event.requestContext) &&
  isRecord(event.requestContext.http) &&
  // Lambda authorizer inputs are format 2.0 too, but carry a `type` and no isBase64Encoded.
  !('type' in event);

/** Whether a format 2.0 event came through a function URL: its host is `<id>.lambda-url.<region>.on.aws`. */
export const isFunctionUrlEvent = (event: Record<string, unknown>): boolean => {
  const context = event.requestContext as Record<string, unknown>;
  return typeof context.domainName === 'string' && context.domainName.includes('.lambda-url.');
};
