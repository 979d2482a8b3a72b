import type { EventChecker } from '../../check/problems.js';
import { checkHttpApiAuthorizer } from '../apigw-v2/check.js';
import { ACCOUNT_ID, UUID_V4 } from '../http/check.js';
import { checkPayloadV2 } from '../http/check-payload-v2.js';
import { splitCookieHeader } from '../http/cookies.js';
import { parseFunctionUrlHost } from '../http/hosts.js';
import { detectFunctionUrl } from './detect.js';

/** Lambda function URL events: payload 2.0 with the differences of FORMATS §5. */
export const functionUrlChecker: EventChecker = {
  kind: 'function-url',
  source: 'function-url',
  detect: detectFunctionUrl,

  check(event, problems) {
    const context = event.requestContext as Record<string, unknown>;
    const headers = checkPayloadV2(event, problems);
    problems.expectEqual(
      'routeKey',
      event.routeKey,
      '$default',
      'a function URL has only the $default route',
    );
    problems.expectEqual(
      'requestContext.stage',
      context.stage,
      '$default',
      'a function URL has only the $default stage',
    );
    problems.expectMatch(
      'requestContext.requestId',
      context.requestId,
      UUID_V4,
      'requestId is a lowercase UUID v4',
    );
    for (const key of ['pathParameters', 'stageVariables']) {
      if (key in event) problems.add(key, `function URL events have no ${key}`);
    }
    if ('authentication' in context)
      problems.add('requestContext.authentication', 'function URL events have no authentication');

    const host =
      typeof context.domainName === 'string' ? parseFunctionUrlHost(context.domainName) : undefined;
    if (!host) {
      problems.add('requestContext.domainName', 'domainName is <32 characters>.lambda-url.<region>.on.aws');
    } else {
      problems.expectEqual(
        'requestContext.apiId',
        context.apiId,
        host.urlId,
        'apiId is the url id of domainName',
      );
      problems.expectEqual(
        'requestContext.domainPrefix',
        context.domainPrefix,
        host.urlId,
        'domainPrefix is the url id',
      );
    }
    problems.expectEqual(
      'headers["host"]',
      headers?.host,
      context.domainName,
      'the host header is domainName',
    );

    // AuthType NONE: "anonymous" and no authorizer; AWS_IAM: the owner's account and the caller (FORMATS §5).
    if ('authorizer' in context) {
      problems.expectMatch(
        'requestContext.accountId',
        context.accountId,
        ACCOUNT_ID,
        'with AWS_IAM, accountId is 12 digits',
      );
      checkHttpApiAuthorizer(context.authorizer, problems);
      if (headers && 'authorization' in headers) {
        problems.add('headers["authorization"]', 'AWS_IAM function URLs take the authorization header out');
      }
    } else {
      problems.expectEqual(
        'requestContext.accountId',
        context.accountId,
        'anonymous',
        'with AuthType NONE, accountId is "anonymous"',
      );
    }

    // The cookie header stays beside cookies[], and they hold the same pairs (FORMATS §0.9).
    const cookieHeader = headers?.cookie;
    const expected = cookieHeader === undefined ? undefined : splitCookieHeader(cookieHeader);
    problems.expectEqual('cookies', event.cookies, expected, 'cookies[] are the pairs of the cookie header');
    for (const name of ['x-amzn-tls-version', 'x-amzn-tls-cipher-suite']) {
      if (headers && !(name in headers)) problems.add(`headers["${name}"]`, `function URLs add ${name}`);
    }
  },
};
