import { isRecord, type ProblemList } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { isBase64 } from '../../core/bytes.js';
import { reasonPhrase } from '../http/status.js';
import { checkEdgeHeaders, edgeHeaderValues } from './check-headers.js';
import { readOnlyHeaders } from './headers.js';
import { generatedResponseLimit, LARGEST_GENERATED_RESPONSE, replacedBodyLimit } from './limits.js';
import { EDGE_EVENT_TYPES, type EdgeEventType, isRequestEvent } from './options.js';

type Headers = Record<string, { key?: string; value: string }[]>;

/** What the checker knows of the event answered: its type and the headers the function was given. */
interface Answered {
  type: EdgeEventType;
  /** The request's headers (request events) or the response's (response events). */
  headers: Headers | undefined;
  status?: string;
  /** The request's read-only fields (Lambda@Edge event structure: clientIp and method). */
  clientIp?: unknown;
  method?: unknown;
}

function answered(event: Record<string, unknown> | undefined): Answered | undefined {
  const records = event?.Records;
  const cf =
    Array.isArray(records) && isRecord(records[0]) && isRecord(records[0].cf) ? records[0].cf : undefined;
  const type = isRecord(cf?.config) ? (cf.config.eventType as EdgeEventType) : undefined;
  if (!cf || !type || !EDGE_EVENT_TYPES.includes(type)) return undefined;
  const part = isRequestEvent(type) ? cf.request : cf.response;
  return {
    type,
    headers: isRecord(part) && isRecord(part.headers) ? (part.headers as Headers) : undefined,
    status: isRecord(cf.response) && typeof cf.response.status === 'string' ? cf.response.status : undefined,
    clientIp: isRecord(cf.request) ? cf.request.clientIp : undefined,
    method: isRecord(cf.request) ? cf.request.method : undefined,
  };
}

/** The bytes of header lines as sent: `Name: value` and CRLF each. */
function headerBytes(headers: Headers | undefined): number {
  let total = 0;
  for (const [name, lines] of Object.entries(headers ?? {})) {
    if (!Array.isArray(lines)) continue;
    for (const line of lines) {
      if (!isRecord(line)) continue;
      total += Buffer.byteLength(
        `${typeof line.key === 'string' ? line.key : name}: ${String(line.value)}\r\n`,
      );
    }
  }
  return total;
}

/** Read-only headers (Lambda@Edge restrictions) may be neither added, removed nor changed. */
function checkReadOnly(
  problems: ProblemList,
  path: string,
  returned: Headers | undefined,
  given: Answered,
): void {
  for (const name of readOnlyHeaders(given.type)) {
    const before = edgeHeaderValues(given.headers, name);
    const after = edgeHeaderValues(returned, name);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const verb = before.length === 0 ? 'added' : after.length === 0 ? 'removed' : 'changed';
    problems.add(
      `${path}["${name}"]`,
      `${name} is read-only in ${given.type} events and was ${verb}`,
      before.length === 0 ? undefined : before,
    );
  }
}

/** `status` as a string of an HTTP code, with the description beside it (FORMATS-api-identity §4.4). */
function checkStatus(problems: ProblemList, response: Record<string, unknown>): void {
  const { status } = response;
  if (typeof status === 'number') {
    problems.add('status', `status is a string ("${status}"), not a number`, String(status));
    return;
  }
  if (typeof status !== 'string') {
    problems.add('status', 'status is required: the HTTP status code as a string, e.g. "200"');
    return;
  }
  // Generated responses answer the viewer: informational 1xx codes are no answer (UNCONFIRMED which
  // codes CloudFront refuses; the registered 2xx-5xx codes are accepted).
  const code = /^\d{3}$/.test(status) ? Number(status) : Number.NaN;
  if (!(code >= 200) || reasonPhrase(code) === undefined)
    problems.add('status', `status "${status}" is not an HTTP status code CloudFront can return (200-599)`);
  if ('statusDescription' in response && typeof response.statusDescription !== 'string')
    problems.add('statusDescription', 'statusDescription is a string, e.g. "OK"');
}

/** `body` and `bodyEncoding` of a generated or replaced response; returns the body's size in bytes. */
function checkResponseBody(problems: ProblemList, response: Record<string, unknown>): number {
  const { body, bodyEncoding } = response;
  if (bodyEncoding !== undefined && bodyEncoding !== 'text' && bodyEncoding !== 'base64')
    problems.add('bodyEncoding', 'bodyEncoding is text or base64 (text when left out)');
  if (body === undefined) return 0;
  if (typeof body !== 'string') {
    problems.add('body', 'body is a string: text, or base64 with bodyEncoding "base64"');
    return 0;
  }
  if (bodyEncoding === 'base64' && !isBase64(body)) {
    problems.add(
      'body',
      'bodyEncoding is base64 but body is not valid base64; CloudFront answers with an error',
    );
  }
  return Buffer.byteLength(body);
}

function checkSize(
  problems: ProblemList,
  response: Record<string, unknown>,
  bodyBytes: number,
  type: EdgeEventType | undefined,
): void {
  const limit = type === undefined ? LARGEST_GENERATED_RESPONSE : generatedResponseLimit(type);
  const size =
    bodyBytes + headerBytes(isRecord(response.headers) ? (response.headers as Headers) : undefined);
  if (size > limit) {
    const where = type === undefined ? 'any event' : `${type} events`;
    problems.add(
      response.body !== undefined ? 'body' : 'headers',
      `the response is ${size} bytes with its headers; ${where} allow ${limit}`,
    );
  }
}

/** A generated response (request events) or the updated response (response events). */
function checkHttpResponse(
  problems: ProblemList,
  response: Record<string, unknown>,
  event: Answered | undefined,
): void {
  checkStatus(problems, response);
  const headers =
    response.headers === undefined
      ? undefined
      : checkEdgeHeaders(problems, 'headers', response.headers, { keyOptional: true });
  const bodyBytes = checkResponseBody(problems, response);
  checkSize(problems, response, bodyBytes, event?.type);
  if (!event || isRequestEvent(event.type)) return;
  // Lambda@Edge restrictions: a viewer-response function cannot change the status.
  if (event.type === 'viewer-response' && event.status !== undefined && response.status !== event.status)
    problems.add(
      'status',
      `viewer-response functions cannot change the status (${event.status})`,
      event.status,
    );
  checkReadOnly(problems, 'headers', headers, event);
}

/** A request returned to go on (request events): what may be changed of it and how. */
function checkRequest(
  problems: ProblemList,
  request: Record<string, unknown>,
  event: Answered | undefined,
): void {
  if (typeof request.uri !== 'string' || !request.uri.startsWith('/'))
    problems.add('uri', 'uri is a path starting with /');
  if (typeof request.querystring === 'string' && request.querystring.startsWith('?'))
    problems.add('querystring', 'querystring has no leading ?');
  const headers = checkEdgeHeaders(problems, 'headers', request.headers, { keyOptional: true });
  if ('origin' in request) {
    const origin = request.origin;
    if (
      !isRecord(origin) ||
      Object.keys(origin).length !== 1 ||
      !(isRecord(origin.custom) || isRecord(origin.s3))
    )
      problems.add('origin', 'origin holds exactly one of custom or s3');
  }
  if (isRecord(request.body) && request.body.action === 'replace') {
    const encoding = request.body.encoding === 'base64' ? 'base64' : 'text';
    if (request.body.encoding !== 'text' && request.body.encoding !== 'base64')
      problems.add('body.encoding', 'a replaced body is text or base64');
    if (typeof request.body.data !== 'string')
      problems.add('body.data', 'a replaced body gives its data as a string');
    else {
      if (encoding === 'base64' && !isBase64(request.body.data))
        problems.add('body.data', 'body.encoding is base64 but data is not valid base64');
      // The event's own type when known; else the larger origin-request limit.
      const type = event?.type ?? 'origin-request';
      const limit = replacedBodyLimit(type, encoding);
      const size = Buffer.byteLength(request.body.data);
      if (size > limit)
        problems.add(
          'body.data',
          `a replaced ${encoding} body is ${size} bytes; ${type} events allow ${limit}`,
        );
    }
  } else if (isRecord(request.body) && request.body.action !== 'read-only') {
    problems.add('body.action', 'body.action is read-only, or replace with a new body');
  }
  if (!event) return;
  for (const field of ['clientIp', 'method'] as const) {
    if (field in request && request[field] !== event[field])
      problems.add(field, `${field} is read-only and cannot be changed`, event[field]);
  }
  checkReadOnly(problems, 'headers', headers, event);
}

/**
 * What a Lambda@Edge function returns (FORMATS-api-identity §4.4): on request events the request
 * (possibly changed) or a generated response; on response events the response. With the event,
 * the read-only headers of its type, the viewer-response status and the type's size limits apply.
 */
export const cloudfrontResponseChecker: ResponseChecker = {
  source: 'cloudfront',
  event: 'optional',
  check(response, event, problems) {
    const given = answered(event);
    if (event !== undefined && !given) {
      problems.add(
        '(event)',
        'the event given is not a Lambda@Edge event (Records[0].cf with config.eventType)',
      );
      return;
    }
    if (!isRecord(response)) {
      problems.add(
        '(response)',
        'a Lambda@Edge function returns an object: the request, or a response with status',
      );
      return;
    }
    const isRequest = 'uri' in response || 'clientIp' in response || 'method' in response;
    if (isRequest && 'status' in response) {
      problems.add(
        '(response)',
        'the answer mixes a request (uri, method) and a response (status); return one of them',
      );
      return;
    }
    if (isRequest) {
      if (given && !isRequestEvent(given.type)) {
        problems.add('(response)', `${given.type} functions return the response, not the request`);
        return;
      }
      checkRequest(problems, response, given);
      return;
    }
    checkHttpResponse(problems, response, given);
  },
};
