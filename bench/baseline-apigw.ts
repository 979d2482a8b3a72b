import { randomBytes, randomUUID } from 'node:crypto';
import { COUNTRIES, chars, ID_CHARS, ip, REQUEST_ID_CHARS, request, requestTime } from './baseline-http.js';
import { pick, randomBetween } from './baseline-random.js';

/**
 * What a person would write by hand for a realistic API Gateway request event, with no library: the
 * same fields, header set and id shapes gen-event produces (FORMATS §3, §4), values picked from short
 * lists and node:crypto. The bench measures gen-event's apigw-v1 and apigw-v2 sources against these.
 */
/** A REST API (payload 1.0) GET through an edge-optimized endpoint. */
export function handWrittenRestEvent(): unknown {
  const r = request();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate, br',
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Is-Mobile-Viewer': 'false',
    'CloudFront-Is-SmartTV-Viewer': 'false',
    'CloudFront-Is-Tablet-Viewer': 'false',
    'CloudFront-Viewer-ASN': String(randomBetween(1000, 65000)),
    'CloudFront-Viewer-Country': pick(COUNTRIES),
    Host: r.host,
    'User-Agent': r.userAgent,
    Via: `1.1 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`,
    'X-Amz-Cf-Id': `${randomBytes(39).toString('base64url')}==`,
    'X-Amzn-Trace-Id': r.trace,
    'X-Forwarded-For': `${r.sourceIp}, ${ip()}`,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) multiValueHeaders[name] = [value];
  return {
    resource: '/{proxy+}',
    path: r.path,
    httpMethod: 'GET',
    headers,
    multiValueHeaders,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: r.path.slice(1) },
    stageVariables: null,
    requestContext: {
      resourceId: chars(ID_CHARS, 6),
      resourcePath: '/{proxy+}',
      httpMethod: 'GET',
      extendedRequestId: `${chars(REQUEST_ID_CHARS, 15)}=`,
      requestTime: requestTime(r.now),
      path: `/prod${r.path}`,
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage: 'prod',
      domainPrefix: r.apiId,
      requestTimeEpoch: r.now,
      requestId: randomUUID(),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: r.sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: r.userAgent,
        user: null,
      },
      domainName: r.host,
      deploymentId: chars(ID_CHARS, 6),
      apiId: r.apiId,
    },
    body: null,
    isBase64Encoded: false,
  };
}

/** An HTTP API (payload 2.0) POST with a JSON body on the `$default` route and stage. */
export function handWrittenHttpApiEvent(): unknown {
  const r = request();
  const body = '{"a":1}';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: r.path,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      'content-length': String(Buffer.byteLength(body)),
      'content-type': 'application/json',
      host: r.host,
      'user-agent': r.userAgent,
      'x-amzn-trace-id': r.trace,
      'x-forwarded-for': r.sourceIp,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: r.apiId,
      domainName: r.host,
      domainPrefix: r.apiId,
      http: {
        method: 'POST',
        path: r.path,
        protocol: 'HTTP/1.1',
        sourceIp: r.sourceIp,
        userAgent: r.userAgent,
      },
      requestId: `${chars(REQUEST_ID_CHARS, 15)}=`,
      routeKey: '$default',
      stage: '$default',
      time: requestTime(r.now),
      timeEpoch: r.now,
    },
    body,
    isBase64Encoded: false,
  };
}
