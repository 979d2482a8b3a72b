import { isRecord } from '../../check/problems.js';

/** A Lambda@Edge event: `Records` whose record holds a `cf` object (FORMATS-api-identity §4.1). */
export function detectCloudFront(event: unknown): boolean {
  return (
    isRecord(event) &&
    Array.isArray(event.Records) &&
    event.Records.some((r) => isRecord(r) && isRecord(r.cf))
  );
}
