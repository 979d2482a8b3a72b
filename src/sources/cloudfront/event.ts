import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { loadHttpData, samplePath } from '../http/data.js';
import { checkHeaderName, checkHeaderValue, type HeaderField } from '../http/headers.js';
import { paramPairs } from '../http/options.js';
import { describeRequest, type HttpRequest, sendRequest } from '../http/request.js';
import { cloudFrontViewerHeaders, forwardedFor, withoutForwardedFor } from '../http/service-headers.js';
import { reasonPhrase } from '../http/status.js';
import type { EventBuilder } from '../source.js';
import { type EdgeHeaders, edgeHeaders, isDisallowedHeader } from './headers.js';
import { DISTRIBUTION_ID, distributionDomainName, distributionId, edgeRequestId, viaHeader } from './ids.js';
import { includedBodyLimit } from './limits.js';
import { type CloudFrontOptions, type EdgeEventType, isOriginEvent, isRequestEvent } from './options.js';
import { type EdgeOriginBlock, originBlock, originDomain } from './origin.js';
import { originResponseHeaders } from './response-headers.js';

/** `request.body` with Include body: always base64 on input, cut at the event type's limit (FORMATS-api-identity §4.2). */
function includedBody(body: Buffer, type: EdgeEventType) {
  const limit = includedBodyLimit(type);
  return {
    inputTruncated: body.length > limit,
    action: 'read-only',
    encoding: 'base64',
    data: body.subarray(0, limit).toString('base64'),
  };
}

/** The options that make sense only for some event types, refused for the others with the reason. */
function checkEventOptions(options: CloudFrontOptions, type: EdgeEventType): void {
  const response = !isRequestEvent(type);
  if (options.includeBody === true && response) {
    throw new UsageError(
      `--include-body is for request events, not ${type}`,
      'use --event-type viewer-request or origin-request',
    );
  }
  if ((options.origin !== undefined || options.cloudFrontHeaders === true) && !isOriginEvent(type)) {
    throw new UsageError(
      `--${options.origin !== undefined ? 'origin' : 'cloudfront-headers'} is for origin events, not ${type}`,
      'use --event-type origin-request or origin-response',
    );
  }
  if (!response && (options.status !== undefined || options.responseHeaders !== undefined)) {
    throw new UsageError(
      `--${options.status !== undefined ? 'status' : 'response-header'} is for response events, not ${type}`,
      'use --event-type origin-response or viewer-response',
    );
  }
  if (options.status !== undefined) {
    if (
      !Number.isInteger(options.status) ||
      reasonPhrase(options.status) === undefined ||
      options.status < 200
    ) {
      throw new UsageError(
        `--status ${options.status} is not an HTTP status an origin answers with`,
        'give a code such as 200, 304, 404 or 503',
      );
    }
    // CloudFront does not run viewer-response functions for 400 and above (edge function restrictions).
    if (type === 'viewer-response' && options.status >= 400) {
      throw new UsageError(
        `--status ${options.status}: CloudFront does not invoke viewer-response functions for statuses of 400 or more`,
        'give a status below 400, or use --event-type origin-response',
      );
    }
  }
  if (options.distributionId !== undefined && !DISTRIBUTION_ID.test(options.distributionId)) {
    throw new UsageError(
      `--distribution-id '${options.distributionId}' is not a distribution id`,
      'give E and 13 uppercase letters or digits, e.g. E2QWRUHAPOMQZL',
    );
  }
}

/** Headers CloudFront never passes to a function (FORMATS-api-identity §4.4): given, they could not be in the event. */
function checkAllowed(fields: readonly HeaderField[], option: string): void {
  for (const [name] of fields) {
    if (isDisallowedHeader(name.toLowerCase())) {
      throw new UsageError(
        `--${option} ${name} is a header CloudFront never shows a Lambda@Edge function`,
        'leave it out: CloudFront removes or sets it itself',
      );
    }
  }
}

function responseHeaderFields(options: CloudFrontOptions): HeaderField[] {
  return paramPairs(options.responseHeaders).map(([name, value]) => {
    checkHeaderName(name, '--response-header');
    checkHeaderValue(name, value, '--response-header');
    return [name, value];
  });
}

/**
 * What CloudFront sends the origin (FORMATS-api-identity §4.2, doc example): the viewer's address
 * appended to X-Forwarded-For, its own User-Agent unless one was given to forward, Via, the
 * origin's Host, then what a policy forwards: the given headers, cookies and the body's headers,
 * and with `viewerHeaders` the CloudFront-* headers.
 */
function originRequestFields(
  request: HttpRequest,
  forwardedNames: ReadonlySet<string>,
  given: { userAgent: boolean; viewerHeaders: boolean },
  host: string,
  via: string,
): HeaderField[] {
  return [
    ['X-Forwarded-For', forwardedFor(request, [request.sourceIp])],
    ['User-Agent', given.userAgent ? request.userAgent : 'Amazon CloudFront'],
    ['Via', via],
    ['Host', host],
    ...withoutForwardedFor(request.headers).filter(([name]) => forwardedNames.has(name.toLowerCase())),
    ...(given.viewerHeaders ? cloudFrontViewerHeaders(request) : []),
  ];
}

export function prepareCloudFrontEvents(options: CloudFrontOptions, run: RunContext): EventBuilder {
  const type = options.eventType ?? 'viewer-request';
  checkEventOptions(options, type);
  const spec = describeRequest(options);
  checkAllowed(spec.headers, 'header');
  const givenResponse = responseHeaderFields(options);
  checkAllowed(givenResponse, 'response-header');
  const data = loadHttpData();
  const domainName = distributionDomainName(run.rng);
  const id = options.distributionId ?? distributionId(run.rng);
  const originKind = options.origin ?? 'custom';
  const origin: EdgeOriginBlock | undefined = isOriginEvent(type) ? originBlock(originKind, run) : undefined;
  const status = options.status ?? 200;
  const includeBody = options.includeBody === true;
  // The headers typed and those of the body and cookies are taken as forwarded by the origin request
  // policy; the client's usual ones (Accept…) are not, as with the default policies.
  const forwardedNames = new Set([
    'content-type',
    'content-length',
    'cookie',
    ...spec.headers.map(([name]) => name.toLowerCase()),
  ]);

  return (ctx) => {
    const request = sendRequest(spec, { host: domainName, path: () => samplePath(data, ctx.rng) }, ctx, data);
    const fields = origin
      ? originRequestFields(
          request,
          forwardedNames,
          { userAgent: spec.userAgent !== undefined, viewerHeaders: options.cloudFrontHeaders === true },
          originDomain(origin),
          viaHeader(ctx.rng),
        )
      : request.headers;
    const edgeRequest: Record<string, unknown> = {
      clientIp: request.sourceIp,
      headers: edgeHeaders(fields),
      method: request.method,
    };
    if (origin) edgeRequest.origin = origin;
    edgeRequest.querystring = request.rawQuery;
    edgeRequest.uri = request.path;
    if (includeBody) edgeRequest.body = includedBody(request.body, type);
    const cf: Record<string, unknown> = {
      config: {
        distributionDomainName: domainName,
        distributionId: id,
        eventType: type,
        requestId: edgeRequestId(ctx.rng),
      },
      request: edgeRequest,
    };
    if (!isRequestEvent(type)) {
      const headers: EdgeHeaders = edgeHeaders(
        originResponseHeaders(ctx, type, originKind, status, givenResponse),
      );
      cf.response = { headers, status: String(status), statusDescription: reasonPhrase(status) as string };
    }
    return { Records: [{ cf }] };
  };
}
