import { isRecord } from '../../check/problems.js';

/** A resolver event: `info` names the field and its parent type, beside `arguments` (FORMATS-api-identity §5.1). */
export const isAppSyncResolverEvent = (event: unknown): boolean =>
  isRecord(event) &&
  'arguments' in event &&
  isRecord(event.info) &&
  'fieldName' in event.info &&
  'parentTypeName' in event.info;

/** A batch invoke: a JSON array of resolver events (FORMATS-api-identity §5.2). */
export const isAppSyncBatch = (event: unknown): boolean =>
  Array.isArray(event) && event.length > 0 && isAppSyncResolverEvent(event[0]);
