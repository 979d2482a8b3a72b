import type { EdgeEventType } from './options.js';
import { isOriginEvent } from './options.js';

/**
 * Lambda@Edge's size limits (FORMATS-api-identity §4.2, §4.4; CloudFront quotas). The quotas say
 * "40 KB" and "1 MB"; they are taken as 1024-based (UNCONFIRMED: the pages give no byte counts).
 */
const KB = 1024;
const MB = 1024 * 1024;

/** Include body: the body is truncated past 40 KB on viewer requests, 1 MB on origin requests. */
export function includedBodyLimit(type: EdgeEventType): number {
  return isOriginEvent(type) ? MB : 40 * KB;
}

/** A response the function generates or replaces, headers and body together: 40 KB viewer, 1 MB origin. */
export function generatedResponseLimit(type: EdgeEventType): number {
  return isOriginEvent(type) ? MB : 40 * KB;
}

/** A replaced request body: 40 KB / 1 MB as text, 53.2 KB / 1.33 MB as base64. */
export function replacedBodyLimit(type: EdgeEventType, encoding: 'text' | 'base64'): number {
  if (encoding === 'text') return isOriginEvent(type) ? MB : 40 * KB;
  return isOriginEvent(type) ? Math.floor(1.33 * MB) : Math.floor(53.2 * KB);
}

/** The largest limit of any event type: what applies when the event answered is not known. */
export const LARGEST_GENERATED_RESPONSE = MB;
