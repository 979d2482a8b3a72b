import { choice, flag, json, list, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalBoolean, optionalList, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import {
  type GatewayOptions,
  gatewayFromRaw,
  gatewayLibraryOptions,
  gatewayOptionTable,
} from '../http/gateway-options.js';
import { impliedByGatewayHost } from '../http/hosts.js';
import {
  type HttpRequestOptions,
  hostOption,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
} from '../http/options.js';
import type { RawOptions, Source } from '../source.js';
import { HTTP_API_AUTHORIZERS, type HttpApiAuthorizerOptions } from './authorizer.js';
import { prepareHttpApiRequest } from './http-api-request.js';

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
    authorizerContext: record(json()),
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
    const fill = compileTemplate(loadTemplate('apigw-v2').event, 'apigw-v2.json');
    const httpApi = prepareHttpApiRequest(options, run);
    return (ctx) => fill(httpApi.build(ctx).values);
  },
};
