import { UsageError } from '../../core/errors.js';
import { rememberLast } from '../../core/remember-last.js';

/**
 * Request bodies and the rule each service applies to decide between text and base64
 * (FORMATS §1.5). The decision always follows the content type the client sent, never a fixed value.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are valid UTF-8: a file that is not is a binary body. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The media type of a Content-Type value: lowercase, without parameters such as `; charset=utf-8`. */
export function mediaType(contentType: string): string {
  return (contentType.split(';', 1)[0] as string).trim().toLowerCase();
}

// The types ALB, HTTP APIs and function URLs pass as text (FORMATS §1.5). Whether `+json` suffixes
// count is UNCONFIRMED (§10.1), so only the documented list is text.
const TEXT_TYPES = new Set(['application/json', 'application/javascript', 'application/xml']);

/** Asked per event of a run's one Content-Type, so the last answer is kept. */
const isTextType = rememberLast((contentType: string): boolean => {
  const type = mediaType(contentType);
  return type.startsWith('text/') || TEXT_TYPES.has(type);
});

export function isTextMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && isTextType(contentType);
}

/** ALB: base64 when a Content-Encoding is present or the type is not text, missing type included (FORMATS §1.5). */
export function albEncodesBase64(
  contentType: string | undefined,
  contentEncoding: string | undefined,
): boolean {
  return contentEncoding !== undefined || !isTextMediaType(contentType);
}

/** HTTP APIs and function URLs: base64 unless the type is text; a missing type is binary (FORMATS §1.5). */
export function httpApiEncodesBase64(contentType: string | undefined): boolean {
  return !isTextMediaType(contentType);
}

const BINARY_MEDIA_TYPE = /^(?:\*\/\*|[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]*))$/;

/** Checks a REST API `binaryMediaTypes` entry: `type/subtype`, `type/*` or `*\/*`. */
export function checkBinaryMediaType(entry: string): string {
  const type = entry.trim().toLowerCase();
  if (!BINARY_MEDIA_TYPE.test(type)) {
    throw new UsageError(
      `--binary-media-type '${entry}' is not a media type`,
      'give image/png, image/* or */*',
    );
  }
  return type;
}

/** REST: base64 only when the Content-Type matches a `binaryMediaTypes` entry: exact, `type/*` or `*\/*` (FORMATS §1.5). */
export function restEncodesBase64(
  contentType: string | undefined,
  binaryMediaTypes: readonly string[],
): boolean {
  if (binaryMediaTypes.includes('*/*')) return true;
  if (contentType === undefined) return false;
  const type = mediaType(contentType);
  const wildcard = `${type.split('/', 1)[0]}/*`;
  return binaryMediaTypes.some((entry) => entry === type || entry === wildcard);
}

/** How a service names itself, and the fix, when it would pass a binary body as text. */
export interface BinaryAsText {
  service: string;
  /** Why the service takes this Content-Type for text, e.g. `is not a binary media type`. */
  because: string;
  remedy: string;
}

/**
 * Warns when a body that is not UTF-8 goes to a service that passes it as text: the function would see
 * U+FFFD where the bytes were (FORMATS §1.5). `base64` is the service's own decision for the type.
 */
export function warnIfBinaryAsText(
  body: { body?: Uint8Array; bodyIsText: boolean; contentType?: string },
  base64: boolean,
  warn: (message: string) => void,
  how: BinaryAsText,
): void {
  if (!body.body || body.bodyIsText || base64) return;
  warn(
    `the body is binary but ${body.contentType} ${how.because}; ${how.service} would pass it as mangled text (${how.remedy})`,
  );
}

/** ALB, HTTP APIs and function URLs pass the documented text types as text (FORMATS §1.5). */
export const PASSED_AS_TEXT: Omit<BinaryAsText, 'service'> = {
  because: 'is a text type',
  remedy: 'give the binary Content-Type, e.g. --content-type application/octet-stream',
};

/** A body as the event carries it: base64 of the bytes, or the bytes read as UTF-8 text. */
export function bodyText(bytes: Uint8Array, base64: boolean): string {
  // A view of the same bytes, not a copy: only read here.
  const view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.toString(base64 ? 'base64' : 'utf8');
}

/** The bytes an event's body stands for. */
export function bodyBytes(body: string, isBase64Encoded: boolean): Buffer {
  return Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** The Content-Type a client sends with a body nobody typed one for. */
export function defaultContentType(bytes: Uint8Array, isText: boolean): string {
  if (!isText) return 'application/octet-stream';
  const text = Buffer.from(bytes).toString('utf8').trim();
  if (/^[[{]/.test(text)) {
    try {
      JSON.parse(text);
      return 'application/json';
    } catch {
      // Not JSON: plain text.
    }
  }
  return 'text/plain';
}

/** `application/x-www-form-urlencoded` as browsers write it (spaces as `+`). */
export function formBody(pairs: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString();
}
