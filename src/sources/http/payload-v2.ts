import { bodyText, httpApiEncodesBase64 } from './body.js';
import { type HeaderField, headerLayout, lowerCaseName } from './headers.js';
import { joinedValues, joinedValuesIn } from './maps.js';
import { decodedQueryGroups } from './query.js';
import type { HttpRequest } from './request.js';

/** The request fields of a payload format 2.0 event, shared by HTTP APIs and function URLs (FORMATS §4, §5). */
export interface PayloadV2Request {
  rawPath: string;
  rawQueryString: string;
  /** Undefined (absent from the event) when empty, like every optional field here. */
  cookies: string[] | undefined;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string> | undefined;
  body: string | undefined;
  isBase64Encoded: boolean;
}

/**
 * Lowercase header names with repeats comma-joined, the query decoded and comma-joined beside the raw
 * string, cookies as `cookies[]`, and every empty field left out (FORMATS §0.3, §0.4, §0.9, §0.10).
 * `removed` names client headers the service takes out (HTTP APIs: `cookie`).
 */
export function payloadV2Request(
  request: HttpRequest,
  serviceHeaders: readonly HeaderField[],
  removed: readonly string[],
  rawPath: string,
): PayloadV2Request {
  // The client's headers less X-Forwarded-For, which the service rewrites, and those it removes.
  const fields: HeaderField[] = [];
  for (const field of request.headers) {
    const lower = field[0].toLowerCase();
    if (lower !== 'x-forwarded-for' && !removed.includes(lower)) fields.push(field);
  }
  for (const field of serviceHeaders) fields.push(field);
  const query = decodedQueryGroups(request.rawQuery);
  const base64 = request.body.length > 0 && httpApiEncodesBase64(request.contentType);
  return {
    rawPath,
    rawQueryString: request.rawQuery,
    cookies: request.cookies.length > 0 ? [...request.cookies] : undefined,
    headers: joinedValuesIn(fields, headerLayout(fields, lowerCaseName)),
    queryStringParameters: query.length > 0 ? joinedValues(query) : undefined,
    body: request.body.length > 0 ? bodyText(request.body, base64) : undefined,
    isBase64Encoded: base64,
  };
}
