import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { httpApiEncodesBase64, PASSED_AS_TEXT, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import { percentDecode } from '../http/encoding.js';
import { checkStage, checkStageVariables } from '../http/gateway-options.js';
import type { HeaderField } from '../http/headers.js';
import { type GatewaySite, gatewayRequestId, gatewaySite } from '../http/hosts.js';
import { type PayloadV2Request, payloadV2Request } from '../http/payload-v2.js';
import { describeRequest, type HttpRequest, sendRequest, sendsContentLength } from '../http/request.js';
import { matchPath, parseRouteKey, type RouteKey } from '../http/routes.js';
import { forwardingHeaders, HTTPS_LISTENER, traceRoot } from '../http/service-headers.js';
import { prepareHttpApiAuthorization } from './authorizer.js';
import { type CertificateSubject, clientCertificate } from './client-cert.js';
import type { ApigwV2Options } from './index.js';

/**
 * One HTTP API request as API Gateway sees it: the values of the payload 2.0 event (FORMATS §4),
 * which a Lambda authorizer's input shares field by field (FORMATS-api-identity §1.3, §1.4).
 */
export interface HttpApiRequest {
  request: HttpRequest;
  /** The path as the HTTP API hands it on (decoded), without the stage. */
  path: string;
  /** The headers the service adds to the client's. */
  serviceHeaders: HeaderField[];
  payload: PayloadV2Request;
  /** Every value the proxy template takes. */
  values: Record<string, unknown>;
}

export interface PreparedHttpApiRequest {
  site: GatewaySite;
  stage: string;
  route: RouteKey;
  routeKey: string;
  stageVariables: Record<string, string> | undefined;
  build(ctx: EventContext): HttpApiRequest;
}

/** Checks the request options once per run and returns the builder of each request. */
export function prepareHttpApiRequest(options: ApigwV2Options, run: RunContext): PreparedHttpApiRequest {
  const template = loadTemplate('apigw-v2');
  const data = loadHttpData();
  const spec = describeRequest(options);
  const route = parseRouteKey(options.route ?? '$default');
  const routeMethod = route.kind === 'route' && route.method !== 'ANY' ? route.method : undefined;
  if (routeMethod && spec.method && spec.method !== routeMethod) {
    throw new UsageError(
      `--method ${spec.method} does not match --route ${options.route}`,
      `use ${routeMethod} or an ANY route`,
    );
  }
  const matched = spec.path === undefined ? undefined : deliveredPath(spec.path);
  if (route.kind === 'route' && matched !== undefined && !matchPath(route.path, matched)) {
    throw new UsageError(
      `--path ${spec.path} does not match --route ${options.route}`,
      matched === spec.path
        ? 'give a path the route matches, or another --route'
        : `HTTP APIs match the decoded path, ${matched}; give a path the route matches, or another --route`,
    );
  }
  warnIfBinaryAsText(spec, httpApiEncodesBase64(spec.contentType), run.warn, {
    service: 'the HTTP API',
    ...PASSED_AS_TEXT,
  });
  const stage = checkStage(options.stage ?? '$default', true);
  const stageVariables = checkStageVariables(options.stageVariables);
  const site = gatewaySite(spec.host, run);
  const auth = prepareHttpApiAuthorization(options, run, data);
  const authentication = options.mtls
    ? {
        clientCert: clientCertificate(
          run,
          run.rng.pick(template.certificateSubjects as CertificateSubject[]),
        ),
      }
    : undefined;
  const routeKey = route.kind === 'default' ? '$default' : `${route.method} ${route.path.text}`;
  // HTTP APIs pass content-length even for a request without a body (FORMATS §1.4).
  const addsContentLength = !sendsContentLength(spec);

  const build = (ctx: EventContext): HttpApiRequest => {
    const { rng } = ctx;
    const defaultPath = () => samplePath(data, rng, route.kind === 'route' ? route.path : undefined);
    const request = sendRequest(
      spec,
      { host: site.domainName, method: routeMethod, path: defaultPath },
      ctx,
      data,
    );
    const serviceHeaders: HeaderField[] = [
      ...auth.headers(request, ctx),
      ...forwardingHeaders(request, traceRoot(ctx.time, rng), HTTPS_LISTENER),
    ];
    if (addsContentLength) serviceHeaders.push(['content-length', '0']);
    const path = deliveredPath(request.path);
    // A named stage is part of the path on the execute-api host (FORMATS §4.1).
    const rawPath = stage !== '$default' && site.ownHost ? `/${stage}${path}` : path;
    // HTTP APIs move cookies to cookies[] and drop the header (FORMATS §0.9).
    const payload = payloadV2Request(request, serviceHeaders, ['cookie'], rawPath);
    const parameters = route.kind === 'route' ? matchPath(route.path, path) : undefined;
    const values = {
      routeKey,
      accountId: run.accountId,
      apiId: site.apiId,
      // Fresh copies: edits to one event (--set, --merge) never reach the next.
      authentication: freshCopy(authentication),
      authorizer: freshCopy(auth.authorizer),
      domainName: site.domainName,
      domainPrefix: site.domainPrefix,
      method: request.method,
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
      requestId: gatewayRequestId(rng),
      stage,
      time: formatRequestTime(ctx.time),
      timeEpoch: ctx.time,
      pathParameters: parameters && Object.keys(parameters).length > 0 ? parameters : undefined,
      stageVariables: freshCopy(stageVariables),
      // Last: spread first, V8 builds every event's table several times slower (keys are disjoint).
      ...payload,
    };
    return { request, path, serviceHeaders, payload, values };
  };
  return { site, stage, route, routeKey, stageVariables, build };
}

/**
 * The path as an HTTP API hands it on: percent-decoded once (`+` stays `+`), in rawPath and
 * requestContext.http.path alike, and routes are matched against it, so `%2F` separates segments.
 * Evidence: one client request captured live through four services (hotsock/voker,
 * vokerhttp/testdata/*-request.json, 2026-07-10): `/capture/space%20value` reached the HTTP API
 * handler as "/capture/space value" while REST, the function URL and ALB kept `%20`; a live
 * `/a%2Fb` arrived as rawPath "/a/b" (github.com/fastify/aws-lambda-fastify/issues/169); the HTTP
 * API routing docs: "API Gateway decodes URL-encoded request parameters before passing them to your
 * backend integration". Function URLs keep the path as sent (src/sources/function-url).
 */
function deliveredPath(sent: string): string {
  return percentDecode(sent, false);
}
