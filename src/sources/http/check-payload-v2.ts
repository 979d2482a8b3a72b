import type { ProblemList } from '../../check/problems.js';
import { httpApiEncodesBase64 } from './body.js';
import {
  checkAbsentWhenEmpty,
  checkBody,
  checkForwardedFor,
  checkLowercaseNames,
  checkRequestTime,
  checkTraceHeader,
  HTTP_METHOD,
  sortedKeys,
  stringMap,
} from './check.js';
import { joinedValues } from './maps.js';
import { decodedQueryGroups } from './query.js';

/**
 * The rules HTTP APIs and function URLs share; returns the headers for the rules of each.
 */
export function checkPayloadV2(
  event: Record<string, unknown>,
  problems: ProblemList,
): Record<string, string> | undefined {
  const context = event.requestContext as Record<string, unknown>;
  const http = context.http as Record<string, unknown>;
  problems.expectEqual(
    'requestContext.routeKey',
    context.routeKey,
    event.routeKey,
    'requestContext.routeKey is routeKey',
  );
  problems.expectEqual('requestContext.http.path', http.path, event.rawPath, 'http.path is rawPath');
  problems.expectMatch('rawPath', event.rawPath, /^\//, 'rawPath starts with /');
  problems.expectMatch(
    'requestContext.http.method',
    http.method,
    HTTP_METHOD,
    'http.method is an HTTP method',
  );
  // Empty fields are left out, never null (FORMATS §0.3).
  checkAbsentWhenEmpty(problems, event, [
    'cookies',
    'queryStringParameters',
    'pathParameters',
    'stageVariables',
    'body',
  ]);
  checkQuery(event, problems);

  const headers = stringMap(problems, 'headers', event.headers);
  if (headers) checkLowercaseNames(problems, 'headers', headers);
  if ('cookies' in event) {
    const cookies = event.cookies;
    if (!Array.isArray(cookies) || cookies.some((c) => typeof c !== 'string' || !/^[^=;\s]+=/.test(c))) {
      problems.add('cookies', 'cookies[] holds one name=value pair per element');
    }
  }
  const epoch = checkRequestTime(
    problems,
    'requestContext.time',
    context.time,
    'requestContext.timeEpoch',
    context.timeEpoch,
  );
  checkTraceHeader(problems, 'headers["x-amzn-trace-id"]', headers?.['x-amzn-trace-id'], epoch);
  problems.expectEqual(
    'requestContext.http.userAgent',
    http.userAgent,
    headers?.['user-agent'],
    'http.userAgent is the user-agent header',
  );
  checkForwardedFor(problems, 'requestContext.http.sourceIp', headers?.['x-forwarded-for'], http.sourceIp, 0);
  const contentType = headers?.['content-type'];
  checkBody(problems, event, headers, httpApiEncodesBase64(contentType));
  return headers;
}

/** `rawQueryString` as sent, and the decoded, comma-joined map present exactly when there are parameters (FORMATS §0.10). */
function checkQuery(event: Record<string, unknown>, problems: ProblemList): void {
  const raw = event.rawQueryString;
  if (typeof raw !== 'string') {
    problems.add('rawQueryString', 'rawQueryString is a string, "" when there is no query');
    return;
  }
  if (raw.startsWith('?')) problems.add('rawQueryString', 'rawQueryString has no leading ?', raw.slice(1));
  const groups = decodedQueryGroups(raw);
  const expected = groups.length === 0 ? undefined : joinedValues(groups);
  problems.expectEqual(
    'queryStringParameters',
    sortedKeys(event.queryStringParameters),
    sortedKeys(expected),
    'queryStringParameters is rawQueryString decoded, repeats comma-joined',
  );
}
