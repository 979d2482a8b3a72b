import { choice, json, list, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalList, optionalString } from '../../core/raw-options.js';
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
import { REST_AUTHORIZERS, type RestAuthorizerOptions } from './authorizer.js';
import { ENDPOINTS, prepareRestRequest } from './rest-request.js';

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
    // Any JSON here: the builder's own refusal names what a REST context cannot hold.
    authorizerContext: record(json()),
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
    const fill = compileTemplate(loadTemplate('apigw-v1').event, 'apigw-v1.json');
    const rest = prepareRestRequest(options, run);
    return (ctx) => fill(rest.build(ctx).values);
  },
};
