import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { HttpData } from '../http/data.js';
import { checkAuthorizerOptions } from '../http/gateway-options.js';
import type { HeaderField } from '../http/headers.js';
import { iamAuthorizer, iamCaller, sigV4Headers } from '../http/iam.js';
import type { HttpRequest } from '../http/request.js';
import {
  bearerHeaders,
  cognitoClaims,
  encodeJwt,
  httpApiClaims,
  opaqueToken,
  withClaims,
} from '../http/tokens.js';

export const HTTP_API_AUTHORIZERS = ['none', 'jwt', 'lambda', 'iam'] as const;
export type HttpApiAuthorizerKind = (typeof HTTP_API_AUTHORIZERS)[number];

export interface HttpApiAuthorizerOptions {
  authorizer?: HttpApiAuthorizerKind;
  claims?: Readonly<Record<string, string>>;
  /** Scopes of a JWT access token; without them the token is an id token and `scopes` is null. */
  scopes?: readonly string[];
  /** What the Lambda authorizer returned as `context`; any JSON values, kept as they are. */
  authorizerContext?: Readonly<Record<string, unknown>>;
}

/** What an HTTP API authorizer adds to each event: `requestContext.authorizer` and the client's credentials. */
export interface HttpApiAuthorization {
  authorizer: Record<string, unknown> | undefined;
  headers(request: HttpRequest, ctx: EventContext): HeaderField[];
}

const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export function prepareHttpApiAuthorization(
  options: HttpApiAuthorizerOptions,
  run: RunContext,
  data: HttpData,
): HttpApiAuthorization {
  // The kind was checked against HTTP_API_AUTHORIZERS with the other options (libraryOptions).
  const kind = options.authorizer ?? 'none';
  const scopes = options.scopes ?? [];
  checkAuthorizerOptions(
    kind,
    { claim: ['jwt'], scope: ['jwt'], 'authorizer-context': ['lambda'] },
    {
      claim: options.claims,
      scope: scopes.length > 0 ? scopes : undefined,
      'authorizer-context': options.authorizerContext,
    },
  );
  for (const scope of scopes) {
    if (!SCOPE.test(scope))
      throw new UsageError(`--scope '${scope}' is not a scope`, 'give one word such as orders/read');
  }
  if (kind === 'jwt') {
    const claims = withClaims(cognitoClaims(run, data, scopes), options.claims ?? {});
    // Claims arrive as strings; `scopes` is null for a token without a scope claim (FORMATS §4.2).
    return {
      authorizer: { jwt: { claims: httpApiClaims(claims), scopes: scopes.length > 0 ? [...scopes] : null } },
      headers: bearerHeaders(encodeJwt(claims, run)),
    };
  }
  if (kind === 'lambda') {
    // `{"lambda": null}` when the authorizer returned no context (FORMATS §4.2).
    return {
      authorizer: { lambda: options.authorizerContext ? structuredClone(options.authorizerContext) : null },
      headers: bearerHeaders(opaqueToken(run)),
    };
  }
  if (kind === 'iam') {
    const caller = iamCaller(run, data);
    const signing = { region: run.region, service: 'execute-api' };
    return {
      authorizer: iamAuthorizer(caller),
      headers: (request, ctx) => sigV4Headers(caller, request.body, ctx.time, ctx.rng, signing),
    };
  }
  return { authorizer: undefined, headers: () => [] };
}
