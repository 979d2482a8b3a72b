import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { Random } from '../../core/random.js';
import { loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { bodyText, checkBinaryMediaType, restEncodesBase64, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import { checkStage, checkStageVariables } from '../http/gateway-options.js';
import { type HeaderField, headerLayout, restHeaderName } from '../http/headers.js';
import { type GatewaySite, gatewayRequestId, gatewaySite } from '../http/hosts.js';
import {
  allValues,
  allValuesIn,
  type FieldGroup,
  type FieldLayout,
  lastValues,
  lastValuesIn,
} from '../http/maps.js';
import { decodedQueryGroups } from '../http/query.js';
import { describeRequest, type HttpRequest, sendRequest } from '../http/request.js';
import { matchPath, type PathTemplate, parsePathTemplate } from '../http/routes.js';
import {
  cloudFrontHeaders,
  forwardingHeaders,
  HTTPS_LISTENER,
  traceRoot,
  withoutForwardedFor,
} from '../http/service-headers.js';
import { prepareRestAuthorization } from './authorizer.js';
import type { ApigwV1Options } from './index.js';

export const ENDPOINTS = ['edge', 'regional'] as const;

/**
 * One REST API request as API Gateway sees it: the values of the proxy event (FORMATS §3), which a
 * Lambda authorizer's REQUEST input shares field by field (FORMATS-api-identity §1.2).
 */
export interface RestRequest {
  request: HttpRequest;
  /** Every header field of the event, and how they group into its maps (names as REST shows them). */
  headerFields: HeaderField[];
  headerLayout: FieldLayout;
  /** Decoded query groups. */
  query: FieldGroup[];
  /** Every value the proxy template takes. */
  values: Record<string, unknown>;
}

export interface PreparedRestRequest {
  site: GatewaySite;
  stage: string;
  resource: PathTemplate;
  build(ctx: EventContext): RestRequest;
  /**
   * The value a header has in the event built for `ctx`, when the service's own headers never carry
   * that name (lowercase): the request is sent as `build` sends it, and nothing after it is drawn.
   * Undefined as a function when the service adds the header; the caller then builds the event.
   */
  clientHeader?: (ctx: EventContext, name: string) => { request: HttpRequest; value: string | undefined };
  /** Lowercase names of the headers the service adds to every request (CloudFront, X-Forwarded-*). */
  serviceHeaderNames: ReadonlySet<string>;
}

/** Checks the request options once per run and returns the builder of each request. */
export function prepareRestRequest(
  options: ApigwV1Options,
  run: RunContext,
  forwardsBody = true,
): PreparedRestRequest {
  const template = loadTemplate('apigw-v1');
  const data = loadHttpData();
  const spec = describeRequest(options);
  const endpoint = options.endpoint ?? 'edge';
  if (!(ENDPOINTS as readonly string[]).includes(endpoint)) {
    throw new UsageError(`--endpoint ${endpoint} is not an endpoint type`, 'use edge or regional');
  }
  const stage = checkStage(options.stage ?? 'prod', false);
  const stageVariables = checkStageVariables(options.stageVariables) ?? null;
  const binaryMediaTypes = (options.binaryMediaTypes ?? []).map(checkBinaryMediaType);
  const resource = parsePathTemplate(
    options.resource ?? (spec.path === '/' ? '/' : '/{proxy+}'),
    '--resource',
  );
  if (spec.path !== undefined && !matchPath(resource, spec.path)) {
    throw new UsageError(
      `--path ${spec.path} does not match --resource ${resource.text}`,
      'give a path the resource matches, or another --resource',
    );
  }
  if (forwardsBody) {
    warnIfBinaryAsText(spec, restEncodesBase64(spec.contentType, binaryMediaTypes), run.warn, {
      service: 'REST',
      because: 'is not a binary media type',
      remedy: 'add --binary-media-type',
    });
  }
  const site = gatewaySite(spec.host, run);
  const auth = prepareRestAuthorization(options, run, data);
  const resourceId = run.rng.lowerAlnum(6);
  const deploymentId = run.rng.lowerAlnum(6);
  const edgePrefixes = template.cloudFrontEdgePrefixes as string[];

  const send = (ctx: EventContext): HttpRequest => {
    const defaultPath = () => samplePath(data, ctx.rng, resource);
    return sendRequest(spec, { host: site.domainName, path: defaultPath }, ctx, data);
  };
  const serviceHeadersOf = (request: HttpRequest, time: number, rng: Random): HeaderField[] => {
    const trace = traceRoot(time, rng);
    // Edge-optimized APIs are reached through CloudFront, which adds its headers and its own address.
    return endpoint === 'edge'
      ? [
          ...cloudFrontHeaders(request, rng),
          ...forwardingHeaders(request, trace, HTTPS_LISTENER, [
            `${rng.pick(edgePrefixes)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
          ]),
        ]
      : forwardingHeaders(request, trace, HTTPS_LISTENER);
  };
  // The service's header names do not depend on the request: read once from a request of its own.
  const probe = Random.fromParts(run.seedMaterial, 'service-header-names');
  const probeRequest = send({ run, rng: probe, time: run.startTime, index: 0 });
  const serviceHeaderNames = new Set(
    serviceHeadersOf(probeRequest, run.startTime, probe).map(([name]) => name.toLowerCase()),
  );
  const clientHeader = (ctx: EventContext, name: string) => {
    const request = send(ctx);
    let value: string | undefined;
    // The same fields as `build`, less the service's, which never carry this name; the last one counts.
    for (const [field, text] of withoutForwardedFor(request.headers))
      if (field.toLowerCase() === name) value = text;
    for (const [field, text] of auth.headers(request, ctx)) if (field.toLowerCase() === name) value = text;
    return { request, value };
  };

  const build = (ctx: EventContext): RestRequest => {
    const { rng } = ctx;
    const request = send(ctx);
    const serviceHeaders = serviceHeadersOf(request, ctx.time, rng);
    const fields = [
      ...withoutForwardedFor(request.headers),
      ...auth.headers(request, ctx),
      ...serviceHeaders,
    ];
    const headers = headerLayout(fields, restHeaderName);
    const query = decodedQueryGroups(request.rawQuery);
    const parameters = matchPath(resource, request.path) ?? {};
    const empty = request.body.length === 0;
    const base64 = !empty && restEncodesBase64(request.contentType, binaryMediaTypes);
    const values = {
      resource: resource.text,
      path: request.path,
      httpMethod: request.method,
      headers: lastValuesIn(fields, headers),
      multiValueHeaders: allValuesIn(fields, headers),
      // Empty maps and an empty body are null in REST events (FORMATS §0.3).
      queryStringParameters: query.length === 0 ? null : lastValues(query),
      multiValueQueryStringParameters: query.length === 0 ? null : allValues(query),
      pathParameters: Object.keys(parameters).length === 0 ? null : parameters,
      stageVariables: freshCopy(stageVariables),
      resourceId,
      authorizer: auth.authorizer(ctx),
      extendedRequestId: gatewayRequestId(rng),
      requestTime: formatRequestTime(ctx.time),
      // On the execute-api host the client's path starts with the stage (FORMATS §3.2).
      contextPath: site.ownHost ? `/${stage}${request.path}` : request.path,
      accountId: run.accountId,
      stage,
      domainPrefix: site.domainPrefix,
      requestTimeEpoch: ctx.time,
      requestId: rng.uuid(),
      ...auth.caller,
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
      domainName: site.domainName,
      deploymentId,
      apiId: site.apiId,
      body: empty ? null : bodyText(request.body, base64),
      isBase64Encoded: base64,
    };
    return { request, headerFields: fields, headerLayout: headers, query, values };
  };
  return {
    site,
    stage,
    resource,
    build,
    serviceHeaderNames,
    // Only an authorizer whose headers draw nothing per event may skip the service's draws before them.
    ...(auth.drawsPerEvent ? {} : { clientHeader }),
  };
}
