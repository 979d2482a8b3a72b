import { UsageError } from '../../core/errors.js';
import { choice, flag, list, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalBoolean, optionalList, optionalString } from '../../core/raw-options.js';
import { loadTemplate } from '../../core/template.js';
import { ENDPOINTS } from '../apigw-v1/rest-request.js';
import { impliedByGatewayHost } from '../http/hosts.js';
import {
  type HttpRequestOptions,
  hostOption,
  httpRequestFromRaw,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
  pairMap,
} from '../http/options.js';
import type { RawOptions, Source } from '../source.js';
import { prepareHttpApiAuthorizer } from './http-api.js';
import {
  type AuthorizerApi,
  defaultIdentitySource,
  parseIdentitySource,
  withCredentials,
} from './identity-sources.js';
import {
  AUTHORIZER_APIS,
  type AuthorizerOptions,
  PAYLOAD_VERSIONS,
  REST_AUTHORIZER_TYPES,
} from './options.js';
import { checkTokenSources, prepareRestAuthorizer } from './rest.js';
import { prepareWebSocketAuthorizer } from './websocket.js';

export type { AuthorizerApi, AuthorizerOptions } from './options.js';

// Options that belong to one kind of API only.
const ONLY_FOR: Readonly<Record<string, { api: AuthorizerApi; key: keyof AuthorizerOptions }>> = {
  resource: { api: 'rest', key: 'resource' },
  endpoint: { api: 'rest', key: 'endpoint' },
  type: { api: 'rest', key: 'type' },
  route: { api: 'http', key: 'route' },
  mtls: { api: 'http', key: 'mtls' },
  payload: { api: 'http', key: 'payload' },
};

function checkChoice<T extends string>(
  value: string | undefined,
  choices: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(
    `--${option} ${value} is not one of ${choices.join(', ')}`,
    `use ${choices.join(' or ')}`,
  );
}

/** Which API, and which of its authorizer inputs: `payload` alone means an HTTP API. */
function kindOf(options: AuthorizerOptions): {
  api: AuthorizerApi;
  type: 'token' | 'request';
  payload: '1.0' | '2.0';
} {
  const api =
    checkChoice(options.api, AUTHORIZER_APIS, 'api') ?? (options.payload !== undefined ? 'http' : 'rest');
  for (const [option, { api: owner, key }] of Object.entries(ONLY_FOR)) {
    if (options[key] === undefined || owner === api) continue;
    if (option === 'type' && options.type === 'request') continue;
    throw new UsageError(
      option === 'type'
        ? `--type ${options.type} is for REST APIs; ${api === 'http' ? 'HTTP' : 'WebSocket'} API authorizers are REQUEST authorizers`
        : `--${option} is for ${owner === 'rest' ? 'REST' : 'HTTP'} API authorizers, not --api ${api}`,
      option === 'type' ? 'drop --type' : `drop --${option} or use --api ${owner}`,
    );
  }
  return {
    api,
    type: checkChoice(options.type, REST_AUTHORIZER_TYPES, 'type') ?? 'token',
    payload: checkChoice(options.payload, PAYLOAD_VERSIONS, 'payload') ?? '2.0',
  };
}

export const authorizer: Source<AuthorizerOptions> = {
  name: 'authorizer',
  // The authorizer is invoked synchronously (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    ...httpRequestLibraryOptions,
    api: choice(AUTHORIZER_APIS),
    type: choice(REST_AUTHORIZER_TYPES),
    payload: choice(PAYLOAD_VERSIONS),
    token: text(),
    identitySources: list(text()),
    stage: text(),
    stageVariables: record(text()),
    resource: text(),
    endpoint: choice(ENDPOINTS),
    route: text(),
    mtls: flag(),
  },
  options: {
    api: {
      type: 'string',
      choices: AUTHORIZER_APIS,
      description: 'The API: rest (default), http, or websocket (a $connect route)',
    },
    type: {
      type: 'string',
      choices: REST_AUTHORIZER_TYPES,
      description: 'REST authorizer type: token (default) or request',
    },
    payload: {
      type: 'string',
      choices: PAYLOAD_VERSIONS,
      description: 'HTTP API authorizer payload format (default 2.0); implies --api http',
    },
    token: {
      type: 'string',
      valueName: '<credential>',
      description: "Value of the first identity source, e.g. 'Bearer abc' (default: a realistic token)",
    },
    'identity-source': {
      type: 'string',
      repeatable: true,
      valueName: '<source>',
      description:
        'Where the identity is read, e.g. method.request.header.X-Token, $request.querystring.key (default: the Authorization header)',
    },
    ...httpRequestOptionTable,
    ...hostOption,
    stage: {
      type: 'string',
      valueName: '<name>',
      description: 'Stage name (default prod, $default for HTTP APIs)',
    },
    'stage-variable': {
      type: 'string',
      repeatable: true,
      valueName: '<k>=<v>',
      description: 'A stage variable (stageVariables)',
    },
    resource: {
      type: 'string',
      valueName: '<path>',
      description: "REST: resource of the method, e.g. '/users/{id}' (default /{proxy+})",
    },
    endpoint: {
      type: 'string',
      choices: ['edge', 'regional'],
      description: 'REST: endpoint type (default edge)',
    },
    route: {
      type: 'string',
      valueName: "'<METHOD> <path>'",
      description: "HTTP API: route key, e.g. 'GET /items/{id}' (default $default)",
    },
    mtls: { type: 'boolean', description: 'HTTP API: mutual TLS (authentication.clientCert)' },
  },
  examples: [
    ["gen-event authorizer --token 'Bearer abc123' --path /orders/7", 'a REST TOKEN authorizer input'],
    [
      "gen-event authorizer --payload 2.0 --route 'GET /items/{id}' --path /items/42",
      'an HTTP API authorizer input (identitySource holds the values)',
    ],
    [
      'gen-event authorizer --api websocket --identity-source route.request.querystring.token',
      'a WebSocket $connect authorizer input, the token in the query',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<AuthorizerOptions> {
    return {
      ...(await httpRequestFromRaw(raw, args)),
      ...givenOnly({
        api: optionalString(raw, 'api') as AuthorizerOptions['api'],
        type: optionalString(raw, 'type') as AuthorizerOptions['type'],
        payload: optionalString(raw, 'payload') as AuthorizerOptions['payload'],
        token: optionalString(raw, 'token'),
        identitySources: optionalList(raw, 'identity-source'),
        stage: optionalString(raw, 'stage'),
        stageVariables: pairMap(raw, 'stage-variable'),
        resource: optionalString(raw, 'resource'),
        endpoint: optionalString(raw, 'endpoint') as AuthorizerOptions['endpoint'],
        route: optionalString(raw, 'route'),
        mtls: optionalBoolean(raw, 'mtls'),
      }),
    };
  },

  implied: (options) => impliedByGatewayHost(options.host),

  async prepare(options, run) {
    const { api, type, payload } = kindOf(options);
    const sources = (options.identitySources ?? [defaultIdentitySource(api)]).map((text) =>
      parseIdentitySource(text, api),
    );
    if (api === 'rest' && type === 'token') checkTokenSources(sources);
    if (options.token !== undefined && options.token.length === 0) {
      throw new UsageError(
        '--token is empty',
        'API Gateway answers 401 without calling the authorizer; give a value',
      );
    }
    const request: HttpRequestOptions = withCredentials(
      options,
      sources,
      options.token,
      run.seedMaterial,
      api !== 'websocket',
    );
    const templates = loadTemplate('authorizer');
    const {
      api: _api,
      type: _type,
      payload: _payload,
      token: _token,
      identitySources: _sources,
      ...rest
    } = options;
    const described = { ...rest, ...request };
    if (api === 'rest') return prepareRestAuthorizer(described, type, sources, templates, run);
    if (api === 'http') return prepareHttpApiAuthorizer(described, payload, sources, templates, run);
    return prepareWebSocketAuthorizer(described, templates, run);
  },
};
