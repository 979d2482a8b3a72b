import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { apigwV1Checker } from '../apigw-v1/check.js';
import { apigwV2Checker } from '../apigw-v2/check.js';
import {
  checkForwardedFor,
  checkLastValues,
  checkLowercaseNames,
  checkRequestTime,
  checkTraceHeader,
  GATEWAY_REQUEST_ID,
  multiValueMap,
  stringMap,
} from '../http/check.js';
import { parseExecuteApiHost } from '../http/hosts.js';
import { HTTP_METHODS } from '../http/routes.js';
import { checkUpgradeRequest, checkWebSocketContext } from '../websocket/check-context.js';
import {
  detectHttpApiV1Authorizer,
  detectHttpApiV2Authorizer,
  detectRequestAuthorizer,
  detectTokenAuthorizer,
  detectWebSocketAuthorizer,
} from './detect.js';

/**
 * Lambda authorizer inputs (FORMATS-api-identity §1): each kind is told apart by `type` and
 * `version`, and carries a `methodArn` or `routeArn` that names the request it is about.
 */

const ARN = /^arn:(aws[a-z-]*):execute-api:([a-z0-9-]+):(\d{12}):([a-z0-9]{10})\/([^/]+)\/(.*)$/;

const REQUEST_KEYS = [
  'type',
  'methodArn',
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
];
const HTTP_V2_KEYS = [
  'version',
  'type',
  'routeArn',
  'identitySource',
  'routeKey',
  'rawPath',
  'rawQueryString',
  'cookies',
  'headers',
  'queryStringParameters',
  'requestContext',
  'pathParameters',
  'stageVariables',
];
const HTTP_V1_KEYS = [
  'version',
  'type',
  'methodArn',
  'identitySource',
  'authorizationToken',
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
];
const HTTP_V1_CONTEXT = [
  'accountId',
  'apiId',
  'domainName',
  'domainPrefix',
  'extendedRequestId',
  'httpMethod',
  'identity',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
];
const WEBSOCKET_KEYS = [
  'type',
  'methodArn',
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'stageVariables',
  'requestContext',
];

/** What the ARN must say, from the rest of the event; `route` is `METHOD/path` or `$connect`. */
interface ArnExpectation {
  accountId?: unknown;
  apiId?: unknown;
  stage?: unknown;
  domainName?: unknown;
  route?: string;
}

/** `arn:…:execute-api:<region>:<account>:<apiId>/<stage>/<route>` agreeing with the event (FORMATS-api-identity §0.2). */
function checkArn(problems: ProblemList, at: string, arn: unknown, expected: ArnExpectation): void {
  const match = typeof arn === 'string' ? ARN.exec(arn) : null;
  if (!match) {
    problems.add(at, `${at} is arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>`);
    return;
  }
  const [, , region, accountId, apiId, stage, route] = match;
  if (stage === '*') problems.add(at, 'an invocation names its stage, never *');
  if (expected.accountId !== undefined)
    problems.expectEqual(at, accountId, expected.accountId, `${at} names the request's account`);
  if (expected.apiId !== undefined)
    problems.expectEqual(at, apiId, expected.apiId, `${at} names the request's API`);
  if (expected.stage !== undefined)
    problems.expectEqual(at, stage, expected.stage, `${at} names the request's stage`);
  const host = typeof expected.domainName === 'string' ? parseExecuteApiHost(expected.domainName) : undefined;
  if (host) problems.expectEqual(at, region, host.region, `${at} names the region of the execute-api host`);
  if (expected.route !== undefined) {
    problems.expectEqual(
      at,
      route,
      expected.route,
      `${at} ends with the method and the path as sent, no leading /`,
    );
  } else {
    const method = (route ?? '').split('/', 1)[0] as string;
    if (!(HTTP_METHODS as readonly string[]).includes(method))
      problems.add(at, `${at} names an HTTP method after the stage`);
  }
}

const routeOf = (method: unknown, path: unknown) => `${String(method)}/${String(path).replace(/^\//, '')}`;

/** Refuses the keys an authorizer is never sent (FORMATS-api-identity §0.1). */
function checkKeys(
  problems: ProblemList,
  event: Record<string, unknown>,
  keys: readonly string[],
  exact: boolean,
): void {
  const present = Object.keys(event);
  if (exact) {
    problems.expectEqual('', present, keys, 'the input has exactly these keys, in this order');
    return;
  }
  for (const key of present) if (!keys.includes(key)) problems.add(key, `an authorizer input has no ${key}`);
  const order = present.filter((key) => keys.includes(key));
  problems.expectEqual(
    '',
    order,
    keys.filter((key) => order.includes(key)),
    'the keys are in the real order',
  );
}

/** Empty maps are `{}` in REST-style authorizer inputs, never null (FORMATS-api-identity §0.1). */
function checkEmptyMaps(
  problems: ProblemList,
  event: Record<string, unknown>,
  keys: readonly string[],
): void {
  for (const key of keys) if (event[key] === null) problems.add(key, `${key} is {} when empty, not null`, {});
}

export const tokenAuthorizerChecker: EventChecker = {
  kind: 'authorizer (REST TOKEN)',
  source: 'authorizer',
  detect: detectTokenAuthorizer,
  check(event, problems) {
    checkKeys(problems, event, ['type', 'methodArn', 'authorizationToken'], true);
    checkArn(problems, 'methodArn', event.methodArn, {});
    // API Gateway answers 401 itself when the token header is missing (FORMATS-api-identity §1.1).
    if (typeof event.authorizationToken !== 'string' || event.authorizationToken.length === 0)
      problems.add('authorizationToken', 'authorizationToken is the token header, as sent');
  },
};

export const requestAuthorizerChecker: EventChecker = {
  kind: 'authorizer (REST REQUEST)',
  source: 'authorizer',
  detect: detectRequestAuthorizer,
  check(event, problems) {
    checkKeys(problems, event, REQUEST_KEYS, true);
    const maps = [
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
    ];
    checkEmptyMaps(problems, event, maps);
    const context = isRecord(event.requestContext) ? event.requestContext : {};
    if ('authorizer' in context)
      problems.add('requestContext.authorizer', 'the authorizer is not yet known to its own input');
    checkArn(problems, 'methodArn', event.methodArn, {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      route: routeOf(event.httpMethod, event.path),
    });
    // Otherwise it is the proxy event less its body (FORMATS-api-identity §1.2): the REST rules apply.
    const proxy: Record<string, unknown> = { ...event, body: null, isBase64Encoded: false };
    delete proxy.type;
    delete proxy.methodArn;
    for (const key of maps)
      if (isRecord(event[key]) && Object.keys(event[key]).length === 0) proxy[key] = null;
    apigwV1Checker.check(proxy, problems);
  },
};

export const httpApiV2AuthorizerChecker: EventChecker = {
  kind: 'authorizer (HTTP API 2.0)',
  source: 'authorizer',
  detect: detectHttpApiV2Authorizer,
  check(event, problems) {
    checkKeys(problems, event, HTTP_V2_KEYS, false);
    const context = isRecord(event.requestContext) ? event.requestContext : {};
    const http = isRecord(context.http) ? context.http : {};
    if ('authorizer' in context)
      problems.add('requestContext.authorizer', 'the authorizer is not yet known to its own input');
    // The stage is literal, `$default` included; the path is the one sent, less a named stage (FORMATS-api-identity §1.3).
    const stagePrefix = `/${String(context.stage)}`;
    const ownHost = typeof context.domainName === 'string' && context.domainName.includes('.execute-api.');
    const rawPath = String(event.rawPath);
    const path =
      context.stage !== '$default' && ownHost && rawPath.startsWith(stagePrefix)
        ? rawPath.slice(stagePrefix.length) || '/'
        : rawPath;
    checkArn(problems, 'routeArn', event.routeArn, {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      route: routeOf(http.method, path),
    });
    const sources = event.identitySource;
    if (
      'identitySource' in event &&
      (!Array.isArray(sources) || sources.some((value) => typeof value !== 'string' || value.length === 0))
    ) {
      problems.add('identitySource', 'identitySource is an array of the identity values (not names)');
    }
    // Otherwise it is the 2.0 proxy event less its body; its content-length counts a body the
    // authorizer is not shown, so it is left out of that comparison.
    const proxy: Record<string, unknown> = { ...event, isBase64Encoded: false };
    for (const key of ['type', 'routeArn', 'identitySource']) delete proxy[key];
    if (isRecord(event.headers)) {
      const headers = { ...event.headers };
      delete headers['content-length'];
      proxy.headers = headers;
    }
    apigwV2Checker.check(proxy, problems);
  },
};

export const httpApiV1AuthorizerChecker: EventChecker = {
  kind: 'authorizer (HTTP API 1.0)',
  source: 'authorizer',
  detect: detectHttpApiV1Authorizer,
  check(event, problems) {
    checkKeys(problems, event, HTTP_V1_KEYS, true);
    checkEmptyMaps(problems, event, [
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
    ]);
    const context = isRecord(event.requestContext) ? event.requestContext : {};
    problems.expectEqual(
      'requestContext',
      Object.keys(context),
      HTTP_V1_CONTEXT,
      'requestContext has these keys',
    );
    // The identity values comma-joined, twice (FORMATS-api-identity §1.4).
    if (typeof event.identitySource !== 'string' || event.identitySource.length === 0)
      problems.add('identitySource', 'identitySource is the identity values, comma-joined');
    problems.expectEqual(
      'authorizationToken',
      event.authorizationToken,
      event.identitySource,
      'authorizationToken is identitySource',
    );
    const ownHost = typeof context.domainName === 'string' && context.domainName.includes('.execute-api.');
    checkArn(problems, 'methodArn', event.methodArn, {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      route: routeOf(event.httpMethod, event.path),
    });
    problems.expectEqual(
      'requestContext.httpMethod',
      context.httpMethod,
      event.httpMethod,
      'httpMethod agrees',
    );
    problems.expectEqual(
      'requestContext.resourcePath',
      context.resourcePath,
      event.resource,
      'resourcePath is the resource',
    );
    const named = context.stage !== '$default' && ownHost;
    problems.expectEqual(
      'requestContext.path',
      context.path,
      named ? `/${String(context.stage)}${String(event.path)}` : event.path,
      'requestContext.path is the path as sent, with a named stage on the execute-api host',
    );
    problems.expectMatch(
      'requestContext.requestId',
      context.requestId,
      GATEWAY_REQUEST_ID,
      'requestId is 15 characters and =',
    );
    problems.expectEqual(
      'requestContext.extendedRequestId',
      context.extendedRequestId,
      context.requestId,
      'extendedRequestId equals requestId',
    );
    const headers = stringMap(problems, 'headers', event.headers);
    const multi = multiValueMap(problems, 'multiValueHeaders', event.multiValueHeaders);
    if (headers) checkLowercaseNames(problems, 'headers', headers);
    if (headers && multi) checkLastValues(problems, 'headers', headers, 'multiValueHeaders', multi);
    const query = stringMap(problems, 'queryStringParameters', event.queryStringParameters);
    const multiQuery = multiValueMap(
      problems,
      'multiValueQueryStringParameters',
      event.multiValueQueryStringParameters,
    );
    if (query && multiQuery)
      checkLastValues(
        problems,
        'queryStringParameters',
        query,
        'multiValueQueryStringParameters',
        multiQuery,
      );
    const epoch = checkRequestTime(
      problems,
      'requestContext.requestTime',
      context.requestTime,
      'requestContext.requestTimeEpoch',
      context.requestTimeEpoch,
    );
    checkTraceHeader(problems, 'headers["x-amzn-trace-id"]', headers?.['x-amzn-trace-id'], epoch);
    const identity = isRecord(context.identity) ? context.identity : {};
    checkForwardedFor(
      problems,
      'requestContext.identity.sourceIp',
      headers?.['x-forwarded-for'],
      identity.sourceIp,
      0,
    );
    problems.expectEqual(
      'requestContext.domainName',
      context.domainName,
      headers?.host,
      'domainName is the Host the client used',
    );
  },
};

export const webSocketAuthorizerChecker: EventChecker = {
  kind: 'authorizer (WebSocket $connect)',
  source: 'authorizer',
  detect: detectWebSocketAuthorizer,
  check(event, problems) {
    checkKeys(problems, event, WEBSOCKET_KEYS, true);
    checkEmptyMaps(problems, event, [
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'stageVariables',
    ]);
    const context = event.requestContext as Record<string, unknown>;
    // Only $connect has an authorizer, and its ARN has no method (FORMATS-api-identity §1.5).
    problems.expectEqual(
      'requestContext.routeKey',
      context.routeKey,
      '$connect',
      'only $connect has an authorizer',
    );
    checkArn(problems, 'methodArn', event.methodArn, {
      accountId: undefined,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      route: '$connect',
    });
    checkWebSocketContext(context, problems);
    checkUpgradeRequest(event, context, problems);
  },
};

export const authorizerCheckers: readonly EventChecker[] = [
  tokenAuthorizerChecker,
  requestAuthorizerChecker,
  httpApiV1AuthorizerChecker,
  httpApiV2AuthorizerChecker,
  webSocketAuthorizerChecker,
];
