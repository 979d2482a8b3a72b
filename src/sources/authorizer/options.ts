import type { HttpRequestOptions } from '../http/options.js';
import type { AuthorizerApi } from './identity-sources.js';

export type { AuthorizerApi } from './identity-sources.js';
export const AUTHORIZER_APIS = ['rest', 'http', 'websocket'] as const;
export const REST_AUTHORIZER_TYPES = ['token', 'request'] as const;
export const PAYLOAD_VERSIONS = ['1.0', '2.0'] as const;

/** The input a Lambda authorizer receives (FORMATS-api-identity §1). */
export interface AuthorizerOptions extends HttpRequestOptions {
  /** `rest` (default, or `http` when `payload` is given), `http` or `websocket` (a `$connect` route). */
  api?: AuthorizerApi;
  /** REST only: `token` (default) or `request`. HTTP and WebSocket authorizers are REQUEST authorizers. */
  type?: (typeof REST_AUTHORIZER_TYPES)[number];
  /** HTTP APIs only: the authorizer's payload format version, `2.0` (default) or `1.0`. */
  payload?: (typeof PAYLOAD_VERSIONS)[number];
  /** The credential of the first identity source (the token header of a TOKEN authorizer). */
  token?: string;
  /** Where the identity comes from, in the API's own spelling (default: the Authorization header). */
  identitySources?: readonly string[];
  stage?: string;
  stageVariables?: Readonly<Record<string, string>>;
  /** REST: the resource of the method, e.g. `/users/{id}`. */
  resource?: string;
  /** REST: `edge` (default) or `regional`. */
  endpoint?: 'edge' | 'regional';
  /** HTTP APIs: the route key, e.g. `GET /items/{id}` (default `$default`). */
  route?: string;
  /** HTTP APIs: mutual TLS (`requestContext.authentication`). */
  mtls?: boolean;
}
