import { isRecord, type ProblemList } from '../../check/problems.js';
import { formatRequestTime, traceTimeHex } from '../../core/time.js';
import { bodyBytes, isBase64 } from './body.js';
import { firstLabel, parseExecuteApiHost } from './hosts.js';
import { HTTP_METHODS, matchPath, type PathTemplate } from './routes.js';

/**
 * Rules every HTTP event kind shares (FORMATS §0, §1): times that agree with their epoch, trace ids
 * that carry the request time, header maps, single- and multi-value maps that agree, and bodies whose
 * encoding follows the service's rule.
 */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** REST `extendedRequestId`, HTTP API `requestId` (FORMATS §1.3). */
export const GATEWAY_REQUEST_ID = /^[A-Za-z0-9_-]{15}=$/;
export const ACCOUNT_ID = /^\d{12}$/;
/** The methods API Gateway and function URLs accept. */
export const HTTP_METHOD = new RegExp(`^(?:${HTTP_METHODS.join('|')})$`);
const TRACE = /^(?:Self=1-[0-9a-f]{8}-[0-9a-f]{24};)?Root=1-([0-9a-f]{8})-[0-9a-f]{24}(?:;[A-Za-z]+=[^;]*)*$/;

/** `time` is `dd/MMM/yyyy:HH:mm:ss +0000` of the epoch, which is a number of milliseconds (FORMATS §0.6). */
export function checkRequestTime(
  problems: ProblemList,
  timePath: string,
  time: unknown,
  epochPath: string,
  epoch: unknown,
): number | undefined {
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 1e12) {
    problems.add(epochPath, 'the epoch is a JSON number of milliseconds');
    return undefined;
  }
  problems.expectEqual(
    timePath,
    time,
    formatRequestTime(epoch),
    'the time is the epoch in dd/MMM/yyyy:HH:mm:ss +0000',
  );
  return epoch;
}

/** `Root=1-<8 hex>-<24 hex>`, its time field the request's epoch second when the event has one (FORMATS §0.7). */
export function checkTraceHeader(
  problems: ProblemList,
  path: string,
  value: unknown,
  epochMs?: number,
): void {
  const match = typeof value === 'string' ? TRACE.exec(value) : null;
  if (!match) {
    problems.add(
      path,
      'the trace header is Root=1-<8 hex>-<24 hex>',
      'Root=1-5e9f0c65-1de4d666d4dd26aced652b6c',
    );
    return;
  }
  if (epochMs !== undefined) {
    problems.expectEqual(
      path,
      match[1],
      traceTimeHex(epochMs),
      "the trace id's time field is the request's epoch second",
    );
  }
}

/** A `{name: string}` map, or undefined (with a problem) when it is not one. */
export function stringMap(
  problems: ProblemList,
  path: string,
  value: unknown,
): Record<string, string> | undefined {
  if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    problems.add(path, 'a map of strings');
    return undefined;
  }
  return value as Record<string, string>;
}

/** A `{name: string[]}` map with at least one value per name, or undefined (with a problem). */
export function multiValueMap(
  problems: ProblemList,
  path: string,
  value: unknown,
): Record<string, string[]> | undefined {
  if (
    !isRecord(value) ||
    Object.values(value).some(
      (v) => !Array.isArray(v) || v.length === 0 || v.some((item) => typeof item !== 'string'),
    )
  ) {
    problems.add(path, 'a map of non-empty string arrays');
    return undefined;
  }
  return value as Record<string, string[]>;
}

/** The single-value map holds the last value of each multi-value entry, with the same names (FORMATS §0.4). */
export function checkLastValues(
  problems: ProblemList,
  singlePath: string,
  single: Record<string, string>,
  multiPath: string,
  multi: Record<string, string[]>,
): void {
  problems.expectEqual(
    singlePath,
    Object.keys(single).sort(),
    Object.keys(multi).sort(),
    `names are those of ${multiPath}`,
  );
  for (const [name, values] of Object.entries(multi)) {
    if (name in single) {
      problems.expectEqual(
        `${singlePath}["${name}"]`,
        single[name],
        values[values.length - 1],
        `the last value of ${multiPath}`,
      );
    }
  }
}

export function checkLowercaseNames(problems: ProblemList, path: string, map: Record<string, unknown>): void {
  for (const name of Object.keys(map)) {
    if (name !== name.toLowerCase())
      problems.add(`${path}["${name}"]`, 'header names are lowercase', name.toLowerCase());
  }
}

/** A header's value, its name matched case-insensitively. */
export function header(map: Record<string, string> | undefined, name: string): string | undefined {
  if (!map) return undefined;
  const found = Object.keys(map).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : map[found];
}

/**
 * The body and `isBase64Encoded`: base64 exactly when `expectBase64` says so (undefined: any), and
 * a base64 body that decodes; `content-length`, when present, counts the body's bytes.
 */
export function checkBody(
  problems: ProblemList,
  event: Record<string, unknown>,
  headers: Record<string, string> | undefined,
  expectBase64: boolean | undefined,
): void {
  const { body, isBase64Encoded } = event;
  if (typeof isBase64Encoded !== 'boolean') {
    problems.add('isBase64Encoded', 'isBase64Encoded is a boolean');
    return;
  }
  const empty = body === undefined || body === null || body === '';
  if (empty) {
    if (isBase64Encoded) problems.add('isBase64Encoded', 'an empty body is never base64-encoded', false);
  } else if (typeof body !== 'string') {
    problems.add('body', 'the body is a string');
    return;
  } else if (expectBase64 !== undefined && isBase64Encoded !== expectBase64) {
    problems.add(
      'isBase64Encoded',
      "base64 follows the service's rule for this content type (FORMATS §1.5)",
      expectBase64,
    );
  }
  if (isBase64Encoded && typeof body === 'string' && !isBase64(body))
    problems.add('body', 'a base64-encoded body is valid base64');
  const length = header(headers, 'content-length');
  // A REST body of non-UTF-8 bytes arrives mangled (U+FFFD), so its length says nothing of the original.
  const mangled = typeof body === 'string' && !isBase64Encoded && body.includes('\uFFFD');
  if (length !== undefined && typeof body !== 'object' && !mangled) {
    const bytes = empty ? 0 : bodyBytes(body as string, isBase64Encoded).length;
    problems.expectEqual(
      'headers["content-length"]',
      length,
      String(bytes),
      'content-length is the length of the body',
    );
  }
}

/** The client address is the first hop the service appended to X-Forwarded-For (FORMATS §1.4). */
export function checkForwardedFor(
  problems: ProblemList,
  path: string,
  value: string | undefined,
  sourceIp: unknown,
  hopsAfterClient: number,
): void {
  const hops = (value ?? '').split(',').map((hop) => hop.trim());
  problems.expectEqual(
    path,
    hops[hops.length - 1 - hopsAfterClient],
    sourceIp,
    'X-Forwarded-For ends with the client address',
  );
}

/**
 * API Gateway's `domainName` / `domainPrefix` / `apiId` and the Host header agree: the prefix is the
 * first label, and on the execute-api host it is the API id (FORMATS §3.2).
 */
export function checkGatewayDomain(
  problems: ProblemList,
  context: Record<string, unknown>,
  hostHeader: string | undefined,
): void {
  const { domainName, domainPrefix, apiId } = context;
  problems.expectMatch(
    'requestContext.apiId',
    apiId,
    /^[a-z0-9]{10}$/,
    'apiId is 10 lowercase letters and digits',
  );
  if (typeof domainName !== 'string') {
    problems.add('requestContext.domainName', 'domainName is the host name');
    return;
  }
  problems.expectEqual(
    'requestContext.domainPrefix',
    domainPrefix,
    firstLabel(domainName),
    'domainPrefix is the first label of domainName',
  );
  const own = parseExecuteApiHost(domainName);
  if (own)
    problems.expectEqual('requestContext.apiId', apiId, own.apiId, 'the execute-api host names the API id');
  if (hostHeader !== undefined)
    problems.expectEqual(
      'requestContext.domainName',
      domainName,
      hostHeader,
      'domainName is the Host the client used',
    );
}

/** A value with object keys sorted: maps are compared by content, whatever order their keys are in. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

/**
 * `pathParameters` are what the resource or route matches in the path, as sent (FORMATS §3.1); with
 * none, REST sends null and payload 2.0 leaves the key out. False when the path does not match.
 */
export function checkPathParameters(
  problems: ProblemList,
  event: Record<string, unknown>,
  template: PathTemplate,
  path: string,
  none: null | undefined,
  matcher: 'resource' | 'route',
): boolean {
  const parameters = matchPath(template, path);
  if (!parameters) return false;
  const expected = Object.keys(parameters).length === 0 ? none : parameters;
  problems.expectEqual(
    'pathParameters',
    sortedKeys(event.pathParameters),
    sortedKeys(expected),
    `pathParameters are what the ${matcher} matches in the path`,
  );
  return true;
}

/** Fields that must be left out rather than sent as null or empty (FORMATS §0.3). */
export function checkAbsentWhenEmpty(
  problems: ProblemList,
  event: Record<string, unknown>,
  keys: readonly string[],
): void {
  for (const key of keys) {
    if (!(key in event)) continue;
    const value = event[key];
    const empty =
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (isRecord(value) && Object.keys(value).length === 0);
    if (empty) problems.add(key, `${key} is left out when empty, not ${JSON.stringify(value)}`);
  }
}
