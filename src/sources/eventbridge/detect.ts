import { isRecord } from '../../check/problems.js';

/** An EventBridge event: version `0` with detail-type, source and detail. */
export const detectEventBridge = (event: unknown): boolean =>
  isRecord(event) &&
  event.version === '0' &&
  'detail-type' in event &&
  'source' in event &&
  'detail' in event;
