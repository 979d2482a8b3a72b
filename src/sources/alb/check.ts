import type { EventChecker, ProblemList } from '../../check/problems.js';
import { albEncodesBase64 } from '../http/body.js';
import {
  checkBody,
  checkLowercaseNames,
  checkTraceHeader,
  header,
  multiValueMap,
  stringMap,
} from '../http/check.js';
import { detectAlbMultiValue, detectAlbSingleValue, MULTI_KEYS } from './detect.js';

const TARGET_GROUP_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const SINGLE_KEYS = ['headers', 'queryStringParameters'];

/** Application Load Balancer events (FORMATS §2); `multiValue` is the target group's multi-value switch. */
function albChecker(multiValue: boolean): EventChecker {
  return {
    kind: multiValue ? 'alb (multi-value)' : 'alb (single-value)',
    source: 'alb',
    detect: multiValue ? detectAlbMultiValue : detectAlbSingleValue,
    check(event, problems) {
      const context = event.requestContext as Record<string, unknown>;
      problems.expectEqual('requestContext', Object.keys(context), ['elb'], 'requestContext holds only elb');
      problems.expectMatch(
        'requestContext.elb.targetGroupArn',
        (context.elb as Record<string, unknown>).targetGroupArn,
        TARGET_GROUP_ARN,
        'targetGroupArn is a target group ARN',
      );
      problems.expectMatch('httpMethod', event.httpMethod, /^[A-Z]+$/, 'httpMethod is an uppercase method');
      problems.expectMatch('path', event.path, /^\//, 'path starts with /');
      for (const key of ['pathParameters', 'stageVariables', 'resource', 'version', 'requestTime']) {
        if (key in event) problems.add(key, `ALB events have no ${key}`);
      }
      // One pair or the other, never both (FORMATS §0.1).
      for (const key of multiValue ? SINGLE_KEYS : MULTI_KEYS) {
        if (key in event) problems.add(key, `${multiValue ? 'multi' : 'single'}-value mode has no ${key}`);
      }
      const headers = multiValue ? lastHeaders(event, problems) : singleHeaders(event, problems);
      if (typeof event.body !== 'string') problems.add('body', 'the body is a string, "" when empty', '');
      checkBody(
        problems,
        event,
        headers,
        albEncodesBase64(header(headers, 'content-type'), header(headers, 'content-encoding')),
      );
      // Health checks carry only the checker's user-agent (FORMATS §2.2).
      if (!headers || headers['user-agent']?.startsWith('ELB-HealthChecker/')) return;
      const at = (name: string) => `${multiValue ? 'multiValueHeaders' : 'headers'}["${name}"]`;
      // ALB has no request time field: the trace id is checked for its shape (FORMATS §1.2).
      checkTraceHeader(problems, at('x-amzn-trace-id'), headers['x-amzn-trace-id']);
      problems.expectMatch(
        at('x-forwarded-for'),
        headers['x-forwarded-for'],
        /\S/,
        'ALB adds x-forwarded-for',
      );
      problems.expectMatch(
        at('x-forwarded-port'),
        headers['x-forwarded-port'],
        /^\d{1,5}$/,
        'ALB adds x-forwarded-port',
      );
      problems.expectMatch(
        at('x-forwarded-proto'),
        headers['x-forwarded-proto'],
        /^https?$/,
        'ALB adds x-forwarded-proto',
      );
    },
  };
}

function singleHeaders(
  event: Record<string, unknown>,
  problems: ProblemList,
): Record<string, string> | undefined {
  // ALB sends the query map even when empty (FORMATS §0.3).
  stringMap(problems, 'queryStringParameters', event.queryStringParameters);
  const headers = stringMap(problems, 'headers', event.headers);
  if (headers) checkLowercaseNames(problems, 'headers', headers);
  return headers;
}

/** The multi-value headers seen as a single-value map (their last values), to check the rules on them. */
function lastHeaders(
  event: Record<string, unknown>,
  problems: ProblemList,
): Record<string, string> | undefined {
  multiValueMap(problems, 'multiValueQueryStringParameters', event.multiValueQueryStringParameters);
  const headers = multiValueMap(problems, 'multiValueHeaders', event.multiValueHeaders);
  if (!headers) return undefined;
  checkLowercaseNames(problems, 'multiValueHeaders', headers);
  return Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [name, values[values.length - 1] as string]),
  );
}

export const albSingleValueChecker = albChecker(false);
export const albMultiValueChecker = albChecker(true);
