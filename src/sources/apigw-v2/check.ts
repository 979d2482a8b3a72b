import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { ACCOUNT_ID, checkGatewayDomain, checkPathParameters, GATEWAY_REQUEST_ID } from '../http/check.js';
import { checkPayloadV2 } from '../http/check-payload-v2.js';
import { parseRouteKey } from '../http/routes.js';
import { detectApigwV2 } from './detect.js';

const CERT_KEYS = ['clientCertPem', 'subjectDN', 'issuerDN', 'serialNumber', 'validity'];
const IAM_KEYS = [
  'accessKey',
  'accountId',
  'callerId',
  'cognitoIdentity',
  'principalOrgId',
  'userArn',
  'userId',
];

/** API Gateway HTTP API events, payload format 2.0 (FORMATS §4). */
export const apigwV2Checker: EventChecker = {
  kind: 'apigw-v2',
  source: 'apigw-v2',
  detect: detectApigwV2,

  check(event, problems) {
    const context = event.requestContext as Record<string, unknown>;
    const headers = checkPayloadV2(event, problems);
    problems.expectMatch(
      'requestContext.requestId',
      context.requestId,
      GATEWAY_REQUEST_ID,
      'requestId is 15 characters and =',
    );
    problems.expectMatch('requestContext.accountId', context.accountId, ACCOUNT_ID, 'accountId is 12 digits');
    checkGatewayDomain(problems, context, headers?.host);
    // HTTP APIs move cookies to cookies[] and take the header out (FORMATS §0.9).
    if (headers && 'cookie' in headers)
      problems.add('headers["cookie"]', 'HTTP APIs move the cookie header to cookies[]');
    checkRoute(event, context, problems);
    if ('authentication' in context) checkAuthentication(context.authentication, problems);
    if ('authorizer' in context) checkHttpApiAuthorizer(context.authorizer, problems);
  },
};

function checkRoute(
  event: Record<string, unknown>,
  context: Record<string, unknown>,
  problems: ProblemList,
): void {
  const { stage } = context;
  problems.expectMatch(
    'requestContext.stage',
    stage,
    /^(?:\$default|[A-Za-z0-9_-]{1,128})$/,
    'stage is $default or a stage name',
  );
  if (typeof event.routeKey !== 'string' || typeof event.rawPath !== 'string') return;
  // HTTP APIs deliver rawPath percent-decoded and match routes against it, so the route and the
  // path parameters are read from rawPath as it is (evidence: deliveredPath in src/sources/apigw-v2).
  // A named stage is the first segment of rawPath on the execute-api host (FORMATS §4.1).
  let path = event.rawPath;
  const ownHost = typeof context.domainName === 'string' && context.domainName.includes('.execute-api.');
  if (stage !== '$default' && ownHost) {
    if (!path.startsWith(`/${String(stage)}/`) && path !== `/${String(stage)}`) {
      problems.add('rawPath', `rawPath starts with the stage /${String(stage)}`);
      return;
    }
    path = path.slice(String(stage).length + 1) || '/';
  }
  let route: ReturnType<typeof parseRouteKey>;
  try {
    route = parseRouteKey(event.routeKey, 'routeKey');
  } catch {
    problems.add('routeKey', "routeKey is $default or 'METHOD /path'");
    return;
  }
  if (route.kind === 'default') {
    if ('pathParameters' in event)
      problems.add('pathParameters', 'the $default route has no path parameters');
    return;
  }
  const method = (context.http as Record<string, unknown>).method;
  if (route.method !== 'ANY' && route.method !== method) {
    problems.add('routeKey', `the route's method is the request's (${String(method)}) or ANY`);
  }
  if (!checkPathParameters(problems, event, route.path, path, undefined, 'route')) {
    problems.add('routeKey', `the route ${event.routeKey} does not match the path ${path}`);
  }
}

function checkAuthentication(authentication: unknown, problems: ProblemList): void {
  // Present only with mutual TLS, holding the client certificate (FORMATS §4.2).
  const cert = isRecord(authentication) ? authentication.clientCert : undefined;
  if (!isRecord(cert) || CERT_KEYS.some((key) => !(key in cert))) {
    problems.add(
      'requestContext.authentication',
      'authentication appears only with mutual TLS and holds clientCert',
    );
  }
}

/** `{jwt}`, `{lambda}` or `{iam}` (FORMATS §4.2); function URLs use the `iam` form too. */
export function checkHttpApiAuthorizer(authorizer: unknown, problems: ProblemList): void {
  const at = 'requestContext.authorizer';
  if (!isRecord(authorizer)) {
    problems.add(at, 'the authorizer is an object, or absent');
    return;
  }
  if ('jwt' in authorizer) {
    const jwt = authorizer.jwt;
    if (!isRecord(jwt) || !isRecord(jwt.claims)) {
      problems.add(`${at}.jwt`, 'a JWT authorizer passes claims');
      return;
    }
    for (const [name, value] of Object.entries(jwt.claims)) {
      if (typeof value !== 'string')
        problems.add(`${at}.jwt.claims["${name}"]`, 'claims are strings', String(value));
    }
    if (jwt.scopes !== null && !(Array.isArray(jwt.scopes) && jwt.scopes.length > 0)) {
      problems.add(`${at}.jwt.scopes`, 'scopes is a non-empty array, or null for a token without scopes');
    }
  } else if ('lambda' in authorizer) {
    if (authorizer.lambda !== null && !isRecord(authorizer.lambda)) {
      problems.add(`${at}.lambda`, "the Lambda authorizer's context is an object, or null without context");
    }
  } else if ('iam' in authorizer) {
    const iam = authorizer.iam;
    if (!isRecord(iam) || IAM_KEYS.some((key) => !(key in iam))) {
      problems.add(`${at}.iam`, `an IAM caller has ${IAM_KEYS.join(', ')}`);
      return;
    }
    problems.expectMatch(
      `${at}.iam.accountId`,
      iam.accountId,
      ACCOUNT_ID,
      "the caller's account is 12 digits",
    );
  } else {
    problems.add(at, 'the authorizer is jwt, lambda or iam');
  }
}
