import { setOwn } from '../../core/own-keys.js';
import type { HeaderField } from '../http/headers.js';
import type { EdgeEventType } from './options.js';

/** One header line as Lambda@Edge shows it: the name as sent, and the value. */
export interface EdgeHeaderLine {
  key: string;
  value: string;
}

export type EdgeHeaders = Record<string, EdgeHeaderLine[]>;

/**
 * Lambda@Edge's header map: lowercase names, each an array with one `{key, value}` per header line,
 * `key` as the sender spelt it, in the order the names first appear (FORMATS-api-identity §4.2).
 */
export function edgeHeaders(fields: readonly HeaderField[]): EdgeHeaders {
  const map: EdgeHeaders = {};
  for (const [name, value] of fields) {
    const lower = name.toLowerCase();
    const lines = Object.hasOwn(map, lower) ? map[lower] : undefined;
    if (lines) lines.push({ key: name, value });
    else setOwn(map, lower, [{ key: name, value }]);
  }
  return map;
}

/**
 * Headers a function may read but not add, remove or change, per event type (Lambda@Edge
 * restrictions, "Read-only headers"). `range` on origin requests follows a library that lists it
 * beside the conditional headers (UNCONFIRMED: the page was not re-read here).
 */
const READ_ONLY: Readonly<Record<EdgeEventType, readonly string[]>> = {
  'viewer-request': ['content-length', 'host', 'transfer-encoding', 'via'],
  'origin-request': [
    'accept-encoding',
    'content-length',
    'if-modified-since',
    'if-none-match',
    'if-range',
    'if-unmodified-since',
    'range',
    'transfer-encoding',
    'via',
  ],
  'origin-response': ['transfer-encoding', 'via'],
  'viewer-response': ['content-encoding', 'content-length', 'transfer-encoding', 'warning', 'via'],
};

export function readOnlyHeaders(type: EdgeEventType): readonly string[] {
  return READ_ONLY[type];
}

/**
 * Headers CloudFront never shows a function and refuses from one (Lambda@Edge restrictions,
 * "Disallowed headers"); `x-amz-cf-` and `x-edge-` name whole families.
 */
const DISALLOWED = new Set([
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'trailer',
  'upgrade',
  'x-accel-buffering',
  'x-accel-charset',
  'x-accel-limit-rate',
  'x-accel-redirect',
  'x-amzn-auth',
  'x-amzn-cf-billing',
  'x-amzn-cf-id',
  'x-amzn-cf-xff',
  'x-amzn-errortype',
  'x-amzn-fle-profile',
  'x-amzn-header-count',
  'x-amzn-header-order',
  'x-amzn-lambda-integration-tag',
  'x-amzn-requestid',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);

export function isDisallowedHeader(lowerName: string): boolean {
  return DISALLOWED.has(lowerName) || lowerName.startsWith('x-amz-cf-') || lowerName.startsWith('x-edge-');
}
