import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { choice, flag, list, text } from '../../core/option-shapes.js';
import { givenOnly, optionalBoolean, optionalList, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { httpApiEncodesBase64, PASSED_AS_TEXT, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import { percentDecode } from '../http/encoding.js';
import {
  checkStage,
  checkStageVariables,
  type GatewayOptions,
  gatewayFromRaw,
  gatewayLibraryOptions,
  gatewayOptionTable,
} from '../http/gateway-options.js';
import type { HeaderField } from '../http/headers.js';
import { gatewayRequestId, gatewaySite, impliedByGatewayHost } from '../http/hosts.js';
import {
  type HttpRequestOptions,
  hostOption,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
} from '../http/options.js';
import { payloadV2Request } from '../http/payload-v2.js';
import { describeRequest, sendRequest } from '../http/request.js';
import { matchPath, parseRouteKey } from '../http/routes.js';
import { forwardingHeaders, HTTPS_LISTENER, traceRoot } from '../http/service-headers.js';
import type { RawOptions, Source } from '../source.js';
import {
  HTTP_API_AUTHORIZERS,
  type HttpApiAuthorizerOptions,
  prepareHttpApiAuthorization,
} from './authorizer.js';
import { type CertificateSubject, clientCertificate } from './client-cert.js';

export type { HttpApiAuthorizerKind } from './authorizer.js';

/** An API Gateway HTTP API request, payload format 2.0 (FORMATS §4). */
export interface ApigwV2Options extends HttpRequestOptions, GatewayOptions, HttpApiAuthorizerOptions {
  /** `$default` (default) or `METHOD /path/{var}`; METHOD may be ANY. */
  route?: string;
  /** Mutual TLS on a custom domain: adds `requestContext.authentication.clientCert`. */
  mtls?: boolean;
}

export const apigwV2: Source<ApigwV2Options> = {
  name: 'apigw-v2',
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    ...httpRequestOptionTable,
    ...hostOption,
    route: {
      type: 'string',
      valueName: "'<METHOD> <path>'",
      description: "Route key, e.g. 'GET /items/{id}' (default $default); path parameters come from --path",
    },
    ...gatewayOptionTable('$default'),
    authorizer: {
      type: 'string',
      choices: HTTP_API_AUTHORIZERS,
      description: 'Authorizer of the route (default none)',
    },
    scope: {
      type: 'string',
      repeatable: true,
      valueName: '<scope>',
      description: 'A scope of the JWT (an access token); without it scopes is null',
    },
    mtls: { type: 'boolean', description: 'Mutual TLS: add authentication.clientCert' },
  },
  libraryOptions: {
    ...httpRequestLibraryOptions,
    ...gatewayLibraryOptions,
    route: text(),
    authorizer: choice(HTTP_API_AUTHORIZERS),
    scopes: list(text()),
    mtls: flag(),
  },
  examples: [
    [
      "gen-event http-api --route 'GET /items/{id}' --path /items/42 --cookie session=abc",
      'cookies go to cookies[]',
    ],
    [
      'gen-event apigw-v2 --authorizer jwt --scope orders/read --query tag=a --query tag=b',
      'a JWT-authorized request with a repeated query key',
    ],
    [
      'gen-event http-api --stage dev --authorizer iam --body @report.pdf --content-type application/pdf',
      'a signed binary upload',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<ApigwV2Options> {
    // The authorizer name is checked against this source's own list with the other options (libraryOptions).
    return {
      ...((await gatewayFromRaw(raw, args)) as ApigwV2Options),
      ...givenOnly({
        route: optionalString(raw, 'route'),
        scopes: optionalList(raw, 'scope'),
        mtls: optionalBoolean(raw, 'mtls'),
      }),
    };
  },

  implied: (options) => impliedByGatewayHost(options.host),

  async prepare(options, run) {
    const template = loadTemplate('apigw-v2');
    const fill = compileTemplate(template.event, 'apigw-v2.json');
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

    return (ctx) => {
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
      // HTTP APIs pass content-length even for a request without a body (FORMATS §1.4).
      if (request.headers.every(([name]) => name.toLowerCase() !== 'content-length')) {
        serviceHeaders.push(['content-length', '0']);
      }
      const path = deliveredPath(request.path);
      // A named stage is part of the path on the execute-api host (FORMATS §4.1).
      const rawPath = stage !== '$default' && site.ownHost ? `/${stage}${path}` : path;
      // HTTP APIs move cookies to cookies[] and drop the header (FORMATS §0.9).
      const payload = payloadV2Request(request, serviceHeaders, ['cookie'], rawPath);
      const parameters = route.kind === 'route' ? matchPath(route.path, path) : undefined;
      return fill({
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
      });
    };
  },
};

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
