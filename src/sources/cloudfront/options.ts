import type { HttpRequestOptions } from '../http/options.js';

/** The four places a Lambda@Edge function can be associated with a cache behavior (FORMATS-api-identity §4.1). */
export const EDGE_EVENT_TYPES = [
  'viewer-request',
  'origin-request',
  'origin-response',
  'viewer-response',
] as const;
export type EdgeEventType = (typeof EDGE_EVENT_TYPES)[number];

export const EDGE_ORIGINS = ['s3', 'custom'] as const;
export type EdgeOrigin = (typeof EDGE_ORIGINS)[number];

/** A CloudFront Lambda@Edge event (FORMATS-api-identity §4): the request, and on response events the response. */
export interface CloudFrontOptions extends HttpRequestOptions {
  /** Which trigger runs the function (default viewer-request). */
  eventType?: EdgeEventType;
  /** Origin and origin-response events: the origin the request goes to (default custom). */
  origin?: EdgeOrigin;
  /** Request events: the association's Include body option; the body arrives base64 with `inputTruncated`. */
  includeBody?: boolean;
  /** Response events: the HTTP status of the response (default 200). */
  status?: number;
  /** Response events: headers of the response, besides the origin's usual ones; a repeated name is multi-value. */
  responseHeaders?: HttpRequestOptions['headers'];
  /** Origin events: the `CloudFront-*` viewer headers (country, device, protocol) an origin request policy adds. */
  cloudFrontHeaders?: boolean;
  /** The distribution's id, `E` and 13 uppercase letters or digits (default: a new one). */
  distributionId?: string;
}

/** Whether an event type runs before the cache answers (the request) or after (the response). */
export const isRequestEvent = (type: EdgeEventType): boolean => type.endsWith('-request');
/** Whether an event type sits between CloudFront and the origin. */
export const isOriginEvent = (type: EdgeEventType): boolean => type.startsWith('origin-');
