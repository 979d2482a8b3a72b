import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import {
  ACCOUNT_ID,
  checkBody,
  checkForwardedFor,
  checkGatewayDomain,
  checkLastValues,
  checkPathParameters,
  checkRequestTime,
  checkTraceHeader,
  GATEWAY_REQUEST_ID,
  HTTP_METHOD,
  header,
  multiValueMap,
  stringMap,
  UUID,
} from '../http/check.js';
import { parsePathTemplate } from '../http/routes.js';
import { javaDateString } from '../http/times.js';
import { detectApigwV1 } from './detect.js';

const TOP_LEVEL = [
  'resource',
  'path',
  'httpMethod',
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'requestContext',
  'body',
  'isBase64Encoded',
];
const IDENTITY = [
  'cognitoIdentityPoolId',
  'accountId',
  'cognitoIdentityId',
  'caller',
  'sourceIp',
  'principalOrgId',
  'accessKey',
  'cognitoAuthenticationType',
  'cognitoAuthenticationProvider',
  'userArn',
  'userAgent',
  'user',
];
// Headers API Gateway and CloudFront add, in the casing they use (FORMATS §0.5).
const CANONICAL = [
  'Authorization',
  'Via',
  'X-Amz-Cf-Id',
  'X-Amzn-Trace-Id',
  'X-Forwarded-For',
  'X-Forwarded-Port',
  'X-Forwarded-Proto',
  'CloudFront-Forwarded-Proto',
  'CloudFront-Is-Desktop-Viewer',
  'CloudFront-Is-Mobile-Viewer',
  'CloudFront-Is-SmartTV-Viewer',
  'CloudFront-Is-Tablet-Viewer',
  'CloudFront-Viewer-ASN',
  'CloudFront-Viewer-Country',
];

/** API Gateway REST API proxy events, payload 1.0 (FORMATS §3). */
export const apigwV1Checker: EventChecker = {
  kind: 'apigw-v1',
  source: 'apigw-v1',
  detect: detectApigwV1,

  check(event, problems) {
    for (const key of TOP_LEVEL)
      if (!(key in event)) problems.add(key, `${key} is always present (null when empty)`);
    const context = event.requestContext as Record<string, unknown>;
    const headers = checkHeaders(event, problems);
    checkQuery(event, problems);
    if (event.stageVariables !== null) stringMap(problems, 'stageVariables', event.stageVariables);
    checkNullWhenEmpty(event, problems);
    checkResource(event, context, problems);

    const epoch = checkRequestTime(
      problems,
      'requestContext.requestTime',
      context.requestTime,
      'requestContext.requestTimeEpoch',
      context.requestTimeEpoch,
    );
    // A console test invocation goes through no endpoint: no headers the service adds, no deployment (FORMATS §3.2).
    const consoleTest = context.stage === 'test-invoke-stage';
    if (!consoleTest)
      checkTraceHeader(problems, 'headers["X-Amzn-Trace-Id"]', headers?.['X-Amzn-Trace-Id'], epoch);
    problems.expectMatch(
      'requestContext.requestId',
      context.requestId,
      UUID,
      'requestId is a lowercase UUID',
    );
    problems.expectMatch(
      'requestContext.extendedRequestId',
      context.extendedRequestId,
      GATEWAY_REQUEST_ID,
      'extendedRequestId is 15 characters and =',
    );
    problems.expectMatch(
      'requestContext.resourceId',
      context.resourceId,
      /^[a-z0-9]{6}$/,
      'resourceId is 6 characters',
    );
    if (!consoleTest) {
      problems.expectMatch(
        'requestContext.deploymentId',
        context.deploymentId,
        /^[a-z0-9]{6}$/,
        'deploymentId is 6 characters',
      );
    }
    problems.expectMatch('requestContext.accountId', context.accountId, ACCOUNT_ID, 'accountId is 12 digits');
    checkGatewayDomain(problems, context, header(headers, 'host'));
    checkIdentity(context, headers, problems);
    checkAuthorizer(context, problems);
    // An empty body arrives as null, even for a POST with Content-Length: 0 (FORMATS §0.3, §3.1).
    if (event.body === '') problems.add('body', 'an empty body is null in a REST event', null);
    if (event.body === null && event.isBase64Encoded !== false) {
      problems.add('isBase64Encoded', 'a null body is not base64-encoded', false);
    }
    // Whether a body is base64 depends on the API's binaryMediaTypes, which the event does not show.
    checkBody(problems, event, headers, undefined);
  },
};

function checkHeaders(
  event: Record<string, unknown>,
  problems: ProblemList,
): Record<string, string> | undefined {
  if (event.headers === null && event.multiValueHeaders === null) return undefined;
  const headers = stringMap(problems, 'headers', event.headers);
  const multi = multiValueMap(problems, 'multiValueHeaders', event.multiValueHeaders);
  if (headers && multi) checkLastValues(problems, 'headers', headers, 'multiValueHeaders', multi);
  if (!headers) return undefined;
  for (const name of Object.keys(headers)) {
    const canonical = CANONICAL.find((c) => c.toLowerCase() === name.toLowerCase());
    if (canonical !== undefined && canonical !== name) {
      problems.add(`headers["${name}"]`, 'REST spells this header the canonical way', canonical);
    }
  }
  return headers;
}

function checkQuery(event: Record<string, unknown>, problems: ProblemList): void {
  const single = event.queryStringParameters;
  const multi = event.multiValueQueryStringParameters;
  if (single === null && multi === null) return;
  if (single === null || multi === null) {
    problems.add('queryStringParameters', 'both query maps are null, or neither is');
    return;
  }
  const singleMap = stringMap(problems, 'queryStringParameters', single);
  const multiMap = multiValueMap(problems, 'multiValueQueryStringParameters', multi);
  // REST keeps the last value of a repeated key (FORMATS §0.4).
  if (singleMap && multiMap) {
    checkLastValues(
      problems,
      'queryStringParameters',
      singleMap,
      'multiValueQueryStringParameters',
      multiMap,
    );
  }
}

/** REST sends null, never `{}`, for empty maps (FORMATS §0.3). */
function checkNullWhenEmpty(event: Record<string, unknown>, problems: ProblemList): void {
  for (const key of [
    'queryStringParameters',
    'multiValueQueryStringParameters',
    'pathParameters',
    'stageVariables',
  ]) {
    const value = event[key];
    if (isRecord(value) && Object.keys(value).length === 0)
      problems.add(key, `an empty ${key} is null, not {}`, null);
  }
}

function checkResource(
  event: Record<string, unknown>,
  context: Record<string, unknown>,
  problems: ProblemList,
): void {
  problems.expectEqual(
    'requestContext.resourcePath',
    context.resourcePath,
    event.resource,
    'resourcePath is the resource',
  );
  problems.expectEqual(
    'requestContext.httpMethod',
    context.httpMethod,
    event.httpMethod,
    'httpMethod agrees',
  );
  problems.expectMatch('httpMethod', event.httpMethod, HTTP_METHOD, 'httpMethod is an HTTP method');
  if (typeof event.resource !== 'string' || typeof event.path !== 'string') return;
  let template: ReturnType<typeof parsePathTemplate>;
  try {
    template = parsePathTemplate(event.resource, 'resource');
  } catch {
    problems.add('resource', 'resource is a path template such as /users/{id}');
    return;
  }
  if (!checkPathParameters(problems, event, template, event.path, null, 'resource')) {
    problems.add('path', `the path does not match the resource ${event.resource}`);
    return;
  }
  if (typeof context.domainName === 'string' && /\.execute-api\./.test(context.domainName)) {
    problems.expectEqual(
      'requestContext.path',
      context.path,
      `/${String(context.stage)}${event.path}`,
      'on the execute-api host requestContext.path is /<stage><path>',
    );
  }
}

function checkIdentity(
  context: Record<string, unknown>,
  headers: Record<string, string> | undefined,
  problems: ProblemList,
): void {
  const identity = context.identity;
  if (!isRecord(identity)) {
    problems.add('requestContext.identity', 'identity is always present');
    return;
  }
  for (const key of IDENTITY) {
    if (!(key in identity))
      problems.add(`requestContext.identity.${key}`, `identity.${key} is present (null when not applicable)`);
  }
  if (headers) {
    problems.expectEqual(
      'requestContext.identity.userAgent',
      identity.userAgent,
      header(headers, 'user-agent') ?? null,
      'userAgent is the User-Agent header',
    );
  }
  const forwarded = header(headers, 'x-forwarded-for');
  if (forwarded !== undefined) {
    // Through CloudFront (edge), the edge's own address follows the client's.
    const edge = header(headers, 'via')?.includes('cloudfront') === true;
    checkForwardedFor(
      problems,
      'requestContext.identity.sourceIp',
      forwarded,
      identity.sourceIp,
      edge ? 1 : 0,
    );
  }
  if (identity.caller !== null) {
    problems.expectEqual(
      'requestContext.identity.user',
      identity.user,
      identity.caller,
      'an IAM caller is also the user',
    );
    problems.expectMatch(
      'requestContext.identity.accountId',
      identity.accountId,
      ACCOUNT_ID,
      'an IAM caller has an account',
    );
    problems.expectMatch(
      'requestContext.identity.userArn',
      identity.userArn,
      /^arn:aws[a-z-]*:(?:sts|iam)::\d{12}:/,
      'userArn is an IAM or STS ARN',
    );
  }
}

function checkAuthorizer(context: Record<string, unknown>, problems: ProblemList): void {
  if (!('authorizer' in context)) return;
  const authorizer = context.authorizer;
  const at = 'requestContext.authorizer';
  if (!isRecord(authorizer)) {
    problems.add(at, 'the authorizer is an object, or absent');
    return;
  }
  if (isRecord(authorizer.claims)) {
    // Cognito: every claim a string; exp and iat in Java's Date.toString form (FORMATS §3.3).
    for (const [name, value] of Object.entries(authorizer.claims)) {
      if (typeof value !== 'string')
        problems.add(`${at}.claims["${name}"]`, 'claims are strings', String(value));
      else if (
        (name === 'exp' || name === 'iat') &&
        javaDateString(Date.parse(value.replace(/^\w+ /, '')) / 1000) !== value
      ) {
        problems.add(`${at}.claims["${name}"]`, `${name} is written like "Tue Jun 18 15:00:04 UTC 2024"`);
      }
    }
    return;
  }
  problems.expectMatch(
    `${at}.principalId`,
    authorizer.principalId,
    /./,
    'a Lambda authorizer returns a principalId',
  );
  if (typeof authorizer.integrationLatency !== 'number') {
    problems.add(`${at}.integrationLatency`, 'integrationLatency is a number of milliseconds');
  }
}
