import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { choice, list, text } from '../../core/option-shapes.js';
import { givenOnly, optionalList, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { bodyText, checkBinaryMediaType, restEncodesBase64, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import {
  checkStage,
  checkStageVariables,
  type GatewayOptions,
  gatewayFromRaw,
  gatewayLibraryOptions,
  gatewayOptionTable,
} from '../http/gateway-options.js';
import { headerGroups, restHeaderName } from '../http/headers.js';
import { gatewayRequestId, gatewaySite, impliedByGatewayHost } from '../http/hosts.js';
import { allValues, lastValues } from '../http/maps.js';
import {
  type HttpRequestOptions,
  hostOption,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
} from '../http/options.js';
import { decodedQueryGroups } from '../http/query.js';
import { describeRequest, sendRequest } from '../http/request.js';
import { matchPath, parsePathTemplate } from '../http/routes.js';
import {
  cloudFrontHeaders,
  forwardingHeaders,
  HTTPS_LISTENER,
  traceRoot,
  withoutForwardedFor,
} from '../http/service-headers.js';
import type { RawOptions, Source } from '../source.js';
import { prepareRestAuthorization, REST_AUTHORIZERS, type RestAuthorizerOptions } from './authorizer.js';

export type { RestAuthorizerKind } from './authorizer.js';

/** An API Gateway REST API request through a Lambda proxy integration, payload 1.0 (FORMATS §3). */
export interface ApigwV1Options extends HttpRequestOptions, GatewayOptions, RestAuthorizerOptions {
  /** The resource the method is on: `/users/{id}`, `/{proxy+}` (default; `/` for the path `/`). */
  resource?: string;
  /** `edge` (default) adds CloudFront's headers; `regional` does not. */
  endpoint?: 'edge' | 'regional';
  /** The API's `binaryMediaTypes`: bodies of a matching Content-Type arrive base64-encoded. */
  binaryMediaTypes?: readonly string[];
}

const ENDPOINTS = ['edge', 'regional'] as const;

export const apigwV1: Source<ApigwV1Options> = {
  name: 'apigw-v1',
  // The event must fit the synchronous invoke payload (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    ...httpRequestOptionTable,
    ...hostOption,
    resource: {
      type: 'string',
      valueName: '<path>',
      description: "Resource path, e.g. '/users/{id}' (default /{proxy+}); path parameters come from --path",
    },
    ...gatewayOptionTable('prod'),
    endpoint: {
      type: 'string',
      choices: ENDPOINTS,
      description: 'Endpoint type (default edge: CloudFront headers)',
    },
    'binary-media-type': {
      type: 'string',
      repeatable: true,
      valueName: '<type>',
      description: 'API binary media type (image/png, image/*, */*): matching bodies are base64',
    },
    authorizer: {
      type: 'string',
      choices: REST_AUTHORIZERS,
      description: 'Authorizer of the method (default none)',
    },
    'principal-id': {
      type: 'string',
      valueName: '<id>',
      description: 'principalId a Lambda authorizer returned',
    },
  },
  libraryOptions: {
    ...httpRequestLibraryOptions,
    ...gatewayLibraryOptions,
    resource: text(),
    endpoint: choice(ENDPOINTS),
    binaryMediaTypes: list(text()),
    authorizer: choice(REST_AUTHORIZERS),
    principalId: text(),
  },
  examples: [
    [
      "gen-event rest --resource '/users/{id}' --path /users/42 --query expand=orders",
      'a resource with a path parameter',
    ],
    [
      `gen-event apigw-v1 --authorizer cognito --claim email=jane@example.com --json '{"qty":2}'`,
      'a Cognito-authorized JSON POST',
    ],
    [
      'gen-event rest --body @photo.png --content-type image/png --binary-media-type "image/*"',
      'a base64 binary body',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<ApigwV1Options> {
    // The authorizer name is checked against this source's own list with the other options (libraryOptions).
    return {
      ...((await gatewayFromRaw(raw, args)) as ApigwV1Options),
      ...givenOnly({
        resource: optionalString(raw, 'resource'),
        endpoint: optionalString(raw, 'endpoint') as ApigwV1Options['endpoint'],
        binaryMediaTypes: optionalList(raw, 'binary-media-type'),
        principalId: optionalString(raw, 'principal-id'),
      }),
    };
  },

  implied: (options) => impliedByGatewayHost(options.host),

  async prepare(options, run) {
    const template = loadTemplate('apigw-v1');
    const fill = compileTemplate(template.event, 'apigw-v1.json');
    const data = loadHttpData();
    const spec = describeRequest(options);
    const endpoint = options.endpoint ?? 'edge';
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
    warnIfBinaryAsText(spec, restEncodesBase64(spec.contentType, binaryMediaTypes), run.warn, {
      service: 'REST',
      because: 'is not a binary media type',
      remedy: 'add --binary-media-type',
    });
    const site = gatewaySite(spec.host, run);
    const auth = prepareRestAuthorization(options, run, data);
    const resourceId = run.rng.lowerAlnum(6);
    const deploymentId = run.rng.lowerAlnum(6);
    const edgePrefixes = template.cloudFrontEdgePrefixes as string[];

    return (ctx) => {
      const { rng } = ctx;
      const defaultPath = () => samplePath(data, rng, resource);
      const request = sendRequest(spec, { host: site.domainName, path: defaultPath }, ctx, data);
      const trace = traceRoot(ctx.time, rng);
      // Edge-optimized APIs are reached through CloudFront, which adds its headers and its own address.
      const serviceHeaders =
        endpoint === 'edge'
          ? [
              ...cloudFrontHeaders(request, rng),
              ...forwardingHeaders(request, trace, HTTPS_LISTENER, [
                `${rng.pick(edgePrefixes)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
              ]),
            ]
          : forwardingHeaders(request, trace, HTTPS_LISTENER);
      const fields = [
        ...withoutForwardedFor(request.headers),
        ...auth.headers(request, ctx),
        ...serviceHeaders,
      ];
      const headers = headerGroups(fields, restHeaderName);
      const query = decodedQueryGroups(request.rawQuery);
      const parameters = matchPath(resource, request.path) ?? {};
      const empty = request.body.length === 0;
      const base64 = !empty && restEncodesBase64(request.contentType, binaryMediaTypes);
      return fill({
        resource: resource.text,
        path: request.path,
        httpMethod: request.method,
        headers: lastValues(headers),
        multiValueHeaders: allValues(headers),
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
      });
    };
  },
};
