import { isRecord } from '../../check/problems.js';

/** A REST API request. REST events have no `version` (HTTP APIs on payload 1.0 add one); authorizer inputs have a `type`. */
export const detectApigwV1 = (event: unknown): boolean =>
  isRecord(event) &&
  typeof event.resource === 'string' &&
  isRecord(event.requestContext) &&
  'resourcePath' in event.requestContext &&
  !('version' in event) &&
  !('type' in event);
