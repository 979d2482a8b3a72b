import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { isBase64 } from '../../core/bytes.js';
import { ipVersion } from '../../core/ip-address.js';
import { reasonPhrase } from '../http/status.js';
import { checkEdgeHeaders, edgeHeaderValues } from './check-headers.js';
import { detectCloudFront } from './detect.js';
import { DISTRIBUTION_DOMAIN, DISTRIBUTION_ID, EDGE_REQUEST_ID, VIA } from './ids.js';
import { includedBodyLimit } from './limits.js';
import { EDGE_EVENT_TYPES, type EdgeEventType, isOriginEvent, isRequestEvent } from './options.js';

const CONFIG_KEYS = ['distributionDomainName', 'distributionId', 'eventType', 'requestId'];
const CUSTOM_KEYS = [
  'customHeaders',
  'domainName',
  'keepaliveTimeout',
  'path',
  'port',
  'protocol',
  'readTimeout',
  'sslProtocols',
];
const S3_KEYS = ['authMethod', 'customHeaders', 'domainName', 'path', 'region'];
const BODY_KEYS = ['inputTruncated', 'action', 'encoding', 'data'];
const SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
const S3_HOST = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\.s3(?:\.([a-z0-9-]+))?\.amazonaws\.com$/;
// CloudFront refuses URLs whose path and query reach 8,192 characters (CloudFront quotas).
const MAX_URL = 8192;

/** `request`'s keys, in the order CloudFront writes them (FORMATS-api-identity §4.2). */
function requestKeys(type: EdgeEventType, hasBody: boolean): string[] {
  const keys = ['clientIp', 'headers', 'method'];
  if (isOriginEvent(type)) keys.push('origin');
  keys.push('querystring', 'uri');
  if (hasBody && isRequestEvent(type)) keys.push('body');
  return keys;
}

const isInteger = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

function checkOrigin(problems: ProblemList, origin: unknown, at: string): void {
  if (!isRecord(origin) || Object.keys(origin).length !== 1 || !('custom' in origin || 's3' in origin)) {
    problems.add(at, 'origin holds exactly one of custom or s3');
    return;
  }
  if (isRecord(origin.custom)) {
    const custom = origin.custom;
    const path = `${at}.custom`;
    problems.expectEqual(
      path,
      Object.keys(custom),
      CUSTOM_KEYS,
      'a custom origin has these keys, in this order',
    );
    checkEdgeHeaders(problems, `${path}.customHeaders`, custom.customHeaders);
    problems.expectMatch(
      `${path}.domainName`,
      custom.domainName,
      /^[a-z0-9.-]+$/i,
      'domainName is a host name',
    );
    if (!isInteger(custom.keepaliveTimeout, 1, 60))
      problems.add(`${path}.keepaliveTimeout`, 'keepaliveTimeout is a number of seconds from 1 to 60');
    // The response timeout is 1-60 s by default; a quota increase allows up to 180 (CloudFront quotas).
    if (!isInteger(custom.readTimeout, 1, 180))
      problems.add(`${path}.readTimeout`, 'readTimeout is a number of seconds from 1 to 180');
    const port = custom.port;
    if (!(port === 80 || port === 443 || isInteger(port, 1024, 65535)))
      problems.add(`${path}.port`, 'port is a number: 80, 443 or 1024-65535');
    if (custom.protocol !== 'http' && custom.protocol !== 'https')
      problems.add(`${path}.protocol`, 'protocol is http or https');
    checkOriginPath(problems, `${path}.path`, custom.path);
    if (
      !Array.isArray(custom.sslProtocols) ||
      custom.sslProtocols.length === 0 ||
      custom.sslProtocols.some((p) => !SSL_PROTOCOLS.includes(p as string))
    )
      problems.add(`${path}.sslProtocols`, `sslProtocols lists some of ${SSL_PROTOCOLS.join(', ')}`);
    return;
  }
  if (isRecord(origin.s3)) {
    const s3 = origin.s3;
    const path = `${at}.s3`;
    const oai = s3.authMethod === 'origin-access-identity';
    // With no origin access identity there is no region to sign with (FORMATS-api-identity §4.2).
    const keys = oai || 'region' in s3 ? S3_KEYS : S3_KEYS.filter((k) => k !== 'region');
    problems.expectEqual(path, Object.keys(s3), keys, 'an S3 origin has these keys, in this order');
    if (!oai && s3.authMethod !== 'none')
      problems.add(`${path}.authMethod`, 'authMethod is origin-access-identity or none');
    checkEdgeHeaders(problems, `${path}.customHeaders`, s3.customHeaders);
    checkOriginPath(problems, `${path}.path`, s3.path);
    const host = typeof s3.domainName === 'string' ? S3_HOST.exec(s3.domainName) : null;
    if (!host) problems.add(`${path}.domainName`, 'domainName is <bucket>.s3[.<region>].amazonaws.com');
    if (oai)
      problems.expectMatch(
        `${path}.region`,
        s3.region,
        /^[a-z]{2}(?:-[a-z]+)+-\d$/,
        'an OAI origin names its region',
      );
    if (host?.[1] !== undefined && 'region' in s3)
      problems.expectEqual(`${path}.region`, s3.region, host[1], 'region is the one the bucket host names');
    return;
  }
  problems.add(at, 'origin.custom or origin.s3 is an object');
}

function checkOriginPath(problems: ProblemList, at: string, path: unknown): void {
  if (typeof path !== 'string' || (path !== '' && (!path.startsWith('/') || path.endsWith('/'))))
    problems.add(at, 'an origin path is "" or /prefix without a trailing slash');
}

/** Include body (FORMATS-api-identity §4.2): base64, read-only, cut at the event type's limit. */
function checkBody(
  problems: ProblemList,
  body: unknown,
  type: EdgeEventType,
  contentLength: string | undefined,
) {
  if (!isRecord(body)) {
    problems.add('Records[0].cf.request.body', 'body is {inputTruncated, action, encoding, data}');
    return;
  }
  const at = 'Records[0].cf.request.body';
  problems.expectEqual(at, Object.keys(body), BODY_KEYS, 'an included body has these keys, in this order');
  problems.expectEqual(`${at}.action`, body.action, 'read-only', 'an included body arrives read-only');
  problems.expectEqual(
    `${at}.encoding`,
    body.encoding,
    'base64',
    'an included body always arrives as base64',
  );
  if (typeof body.inputTruncated !== 'boolean')
    problems.add(`${at}.inputTruncated`, 'inputTruncated is a boolean');
  if (!isBase64(body.data)) {
    problems.add(`${at}.data`, 'data is base64');
    return;
  }
  const length = Buffer.from(body.data, 'base64').length;
  const limit = includedBodyLimit(type);
  if (length > limit)
    problems.add(`${at}.data`, `${type} bodies are cut at ${limit} bytes, this one has ${length}`);
  if (body.inputTruncated === true && length !== limit)
    problems.add(
      `${at}.inputTruncated`,
      `a truncated body is exactly ${limit} bytes, this one has ${length}`,
    );
  if (contentLength !== undefined && /^\d+$/.test(contentLength)) {
    const sent = Number(contentLength);
    const truncated = sent > limit;
    problems.expectEqual(
      `${at}.inputTruncated`,
      body.inputTruncated,
      truncated,
      `the body sent is ${sent} bytes against the ${limit}-byte limit`,
    );
    if (!truncated && length !== sent)
      problems.add(`${at}.data`, `data holds ${length} bytes, content-length says ${sent}`, sent);
  }
}

function checkResponse(problems: ProblemList, response: unknown, type: EdgeEventType): void {
  const at = 'Records[0].cf.response';
  if (!isRecord(response)) {
    problems.add(at, `${type} events carry the response`);
    return;
  }
  problems.expectEqual(
    at,
    Object.keys(response),
    ['headers', 'status', 'statusDescription'],
    'response has headers, status, statusDescription',
  );
  checkEdgeHeaders(problems, `${at}.headers`, response.headers);
  if (typeof response.status !== 'string') {
    problems.add(`${at}.status`, 'status is a string such as "200"', String(response.status));
    return;
  }
  const code = Number(response.status);
  const reason = /^\d{3}$/.test(response.status) ? reasonPhrase(code) : undefined;
  if (reason === undefined)
    problems.add(`${at}.status`, `status ${response.status} is not an HTTP status code`);
  else
    problems.expectEqual(
      `${at}.statusDescription`,
      response.statusDescription,
      reason,
      `statusDescription is the reason phrase of ${code}`,
    );
  // CloudFront does not run viewer-response functions for 400 and above (edge function restrictions).
  if (type === 'viewer-response' && code >= 400)
    problems.add(`${at}.status`, 'CloudFront invokes viewer-response functions only for statuses below 400');
}

/** Lambda@Edge events (FORMATS-api-identity §4) and every rule tying their fields together. */
export const cloudFrontChecker: EventChecker = {
  kind: 'cloudfront',
  source: 'cloudfront',
  detect: detectCloudFront,
  check(event, problems) {
    const records = event.Records as unknown[];
    problems.expectEqual('Records', records.length, 1, 'a Lambda@Edge event holds exactly one record');
    const record = records[0];
    if (!isRecord(record) || !isRecord(record.cf)) {
      problems.add('Records[0].cf', 'the record is {cf: {config, request, [response]}}');
      return;
    }
    problems.expectEqual('Records[0]', Object.keys(record), ['cf'], 'the record holds only cf');
    const { cf } = record;
    const config = isRecord(cf.config) ? cf.config : {};
    problems.expectEqual(
      'Records[0].cf.config',
      Object.keys(config),
      CONFIG_KEYS,
      'config has these keys, in this order',
    );
    problems.expectMatch(
      'Records[0].cf.config.distributionDomainName',
      config.distributionDomainName,
      DISTRIBUTION_DOMAIN,
      'distributionDomainName is d + 13 letters or digits on cloudfront.net',
    );
    problems.expectMatch(
      'Records[0].cf.config.distributionId',
      config.distributionId,
      DISTRIBUTION_ID,
      'distributionId is E and uppercase letters or digits',
    );
    problems.expectMatch(
      'Records[0].cf.config.requestId',
      config.requestId,
      EDGE_REQUEST_ID,
      'requestId is an edge request id (base64url ending ==)',
    );
    const type = config.eventType as EdgeEventType;
    if (!EDGE_EVENT_TYPES.includes(type)) {
      problems.add('Records[0].cf.config.eventType', `eventType is one of ${EDGE_EVENT_TYPES.join(', ')}`);
      return;
    }
    const response = isRequestEvent(type) ? undefined : cf.response;
    problems.expectEqual(
      'Records[0].cf',
      Object.keys(cf),
      isRequestEvent(type) ? ['config', 'request'] : ['config', 'request', 'response'],
      `a ${type} event holds these keys`,
    );
    const request = isRecord(cf.request) ? cf.request : undefined;
    if (!request) {
      problems.add('Records[0].cf.request', 'every Lambda@Edge event carries the request');
      return;
    }
    const at = 'Records[0].cf.request';
    problems.expectEqual(
      at,
      Object.keys(request),
      requestKeys(type, 'body' in request),
      `a ${type} request has these keys, in this order`,
    );
    if ('body' in request && !isRequestEvent(type))
      problems.add(`${at}.body`, 'the request of a response event has no body');
    if (typeof request.clientIp !== 'string' || ipVersion(request.clientIp) === 0)
      problems.add(`${at}.clientIp`, 'clientIp is the viewer IPv4 or IPv6 address');
    problems.expectMatch(`${at}.method`, request.method, /^[A-Z]+$/, 'method is an uppercase HTTP method');
    problems.expectMatch(
      `${at}.uri`,
      request.uri,
      /^\/[^?#\s]*$/,
      'uri is the path from /, without query or fragment',
    );
    if (typeof request.querystring !== 'string')
      problems.add(`${at}.querystring`, 'querystring is a string, "" when none');
    else {
      if (request.querystring.startsWith('?'))
        problems.add(`${at}.querystring`, 'querystring has no leading ?');
      if (/[\s#]/.test(request.querystring))
        problems.add(`${at}.querystring`, 'querystring is as sent: no spaces or #');
      if (typeof request.uri === 'string' && request.uri.length + request.querystring.length >= MAX_URL)
        problems.add(`${at}.uri`, `uri and querystring together stay under ${MAX_URL} characters`);
    }
    const headers = checkEdgeHeaders(problems, `${at}.headers`, request.headers);
    if (edgeHeaderValues(headers, 'host').length !== 1)
      problems.add(`${at}.headers["host"]`, 'the request has one host header');
    const names = Object.keys(headers ?? {});
    if (type === 'viewer-request') {
      // CloudFront adds its viewer headers after viewer-request functions run (FORMATS-api-identity §4.2).
      const added = names.find((n) => n.startsWith('cloudfront-'));
      if (added)
        problems.add(`${at}.headers["${added}"]`, 'viewer-request events carry no CloudFront-* headers');
    }
    if (isOriginEvent(type)) {
      checkOrigin(problems, request.origin, `${at}.origin`);
      const via = edgeHeaderValues(headers, 'via');
      if (via.length !== 1 || !VIA.test(via[0] as string))
        problems.add(
          `${at}.headers["via"]`,
          'CloudFront sends the origin Via: 2.0 <32 hex>.cloudfront.net (CloudFront)',
          VIA.source,
        );
      const forwarded = edgeHeaderValues(headers, 'x-forwarded-for').join(', ').split(/,\s*/);
      if (forwarded[forwarded.length - 1] !== request.clientIp)
        problems.add(
          `${at}.headers["x-forwarded-for"]`,
          'CloudFront appends the viewer address (clientIp) to X-Forwarded-For',
          String(request.clientIp),
        );
      if (edgeHeaderValues(headers, 'user-agent').length === 0)
        problems.add(
          `${at}.headers["user-agent"]`,
          'CloudFront sends the origin a User-Agent (Amazon CloudFront unless forwarded)',
        );
    }
    if ('body' in request && isRequestEvent(type))
      checkBody(problems, request.body, type, edgeHeaderValues(headers, 'content-length')[0]);
    if (!isRequestEvent(type)) checkResponse(problems, response, type);
  },
};
