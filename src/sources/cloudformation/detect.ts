import { isRecord } from '../../check/problems.js';

/**
 * A CloudFormation custom resource request: the fields no other event has together, a `RequestType`
 * beside a `ResponseURL` and a `LogicalResourceId` (FORMATS-api-identity §6).
 */
export function detectCloudFormation(event: unknown): boolean {
  return (
    isRecord(event) &&
    typeof event.RequestType === 'string' &&
    'ResponseURL' in event &&
    'LogicalResourceId' in event
  );
}
