import { UsageError } from '../../core/errors.js';
import { Random } from '../../core/random.js';
import { checkHeaderName } from '../http/headers.js';
import { type HttpRequestOptions, paramPairs } from '../http/options.js';

/**
 * Identity sources: where an authorizer's caller identity is read from. API Gateway reads them from
 * the request before it invokes the authorizer, and answers 401 itself when one is missing
 * (FORMATS-api-identity §1.1, §1.3), so every event gen-event makes carries each of them.
 */
export type AuthorizerApi = 'rest' | 'http' | 'websocket';

export interface IdentitySource {
  where: 'header' | 'querystring' | 'stageVariables';
  name: string;
  /** As written, for messages. */
  text: string;
}

// Each API spells the request in its own way: method.request.header.X (REST), $request.header.X
// (HTTP APIs), route.request.header.X (WebSocket); stage variables likewise.
const SPELLING: Record<AuthorizerApi, { request: string; stage: string }> = {
  rest: { request: 'method.request.', stage: 'stageVariables.' },
  http: { request: '$request.', stage: '$stageVariables.' },
  websocket: { request: 'route.request.', stage: 'stageVariables.' },
};

const API_NAMES: Record<AuthorizerApi, string> = {
  rest: 'a REST API',
  http: 'an HTTP API',
  websocket: 'a WebSocket API',
};

/** The default: the Authorization header, as the consoles suggest. */
export function defaultIdentitySource(api: AuthorizerApi): string {
  return `${SPELLING[api].request}header.Authorization`;
}

export function parseIdentitySource(text: string, api: AuthorizerApi): IdentitySource {
  const { request, stage } = SPELLING[api];
  const refuse = (): never => {
    throw new UsageError(
      `--identity-source '${text}' is not an identity source of ${API_NAMES[api]}`,
      `write ${request}header.<Name>, ${request}querystring.<name> or ${stage}<name>`,
    );
  };
  let where: IdentitySource['where'];
  let name: string;
  if (text.startsWith(`${request}header.`)) {
    where = 'header';
    name = text.slice(`${request}header.`.length);
    if (name.length === 0) refuse();
    checkHeaderName(name, '--identity-source');
  } else if (text.startsWith(`${request}querystring.`)) {
    where = 'querystring';
    name = text.slice(`${request}querystring.`.length);
  } else if (text.startsWith(stage)) {
    where = 'stageVariables';
    name = text.slice(stage.length);
  } else {
    return refuse();
  }
  if (name.length === 0) refuse();
  return { where, name, text };
}

/** An opaque credential, as an authorizer's clients send. */
function credential(rng: Random): string {
  return rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 40);
}

const isAuthorization = (source: IdentitySource) =>
  source.where === 'header' && source.name.toLowerCase() === 'authorization';

/**
 * The request with `--token` and a credential for every identity source it lacks. The Authorization
 * header is left to the proxy sources' own Lambda authorizer (a bearer token), so the request is the
 * one `apigw-v1`/`apigw-v2 --authorizer lambda` describe for the same seed; other credentials come
 * from randomness of their own, which leaves every other value of the run unchanged.
 */
export function withCredentials(
  options: HttpRequestOptions & { stageVariables?: Readonly<Record<string, string>> },
  sources: readonly IdentitySource[],
  token: string | undefined,
  seedMaterial: string,
  /** Whether the request layer adds `Authorization: Bearer …` itself (the REST and HTTP API sources do). */
  bearerAdded: boolean,
): HttpRequestOptions {
  const headers = paramPairs(options.headers);
  const query = paramPairs(options.query);
  const fromPath = new URLSearchParams(options.path?.split('?')[1]?.split('#')[0] ?? '');
  const has = (source: IdentitySource): boolean => {
    if (source.where === 'header') {
      const lower = source.name.toLowerCase();
      return (
        headers.some(([name]) => name.toLowerCase() === lower) ||
        (lower === 'cookie' && paramPairs(options.cookies).length > 0)
      );
    }
    if (source.where === 'querystring')
      return query.some(([name]) => name === source.name) || fromPath.has(source.name);
    return Object.hasOwn(options.stageVariables ?? {}, source.name);
  };
  const rng = Random.fromParts(seedMaterial, 'identity-sources');
  sources.forEach((source, index) => {
    const given = index === 0 ? token : undefined;
    if (given !== undefined && has(source)) {
      throw new UsageError(
        `--token and the request both give ${source.text}`,
        'give the credential once: --token, or the header or query parameter',
      );
    }
    if (given === undefined && has(source)) return;
    if (source.where === 'stageVariables') {
      if (given !== undefined) {
        throw new UsageError(
          `--token cannot be the stage variable ${source.name}`,
          `give it as --stage-variable ${source.name}=<value>`,
        );
      }
      throw new UsageError(
        `--identity-source ${source.text} names a stage variable the stage does not have`,
        `add --stage-variable ${source.name}=<value>`,
      );
    }
    if (given === undefined && isAuthorization(source) && bearerAdded) return;
    const value = given ?? (isAuthorization(source) ? `Bearer ${credential(rng)}` : credential(rng));
    if (source.where === 'header') headers.push([source.name, value]);
    else query.push([source.name, value]);
  });
  return {
    ...options,
    ...(headers.length > 0 ? { headers } : {}),
    ...(query.length > 0 ? { query } : {}),
  };
}
