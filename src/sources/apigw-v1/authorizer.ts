import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { HttpData } from '../http/data.js';
import { checkAuthorizerOptions } from '../http/gateway-options.js';
import type { HeaderField } from '../http/headers.js';
import { iamCaller, sigV4Headers } from '../http/iam.js';
import type { HttpRequest } from '../http/request.js';
import {
  bearerHeaders,
  cognitoClaims,
  encodeJwt,
  opaqueToken,
  restClaims,
  withClaims,
} from '../http/tokens.js';

export const REST_AUTHORIZERS = ['none', 'cognito', 'lambda', 'iam'] as const;
export type RestAuthorizerKind = (typeof REST_AUTHORIZERS)[number];

export interface RestAuthorizerOptions {
  authorizer?: RestAuthorizerKind;
  claims?: Readonly<Record<string, string>>;
  principalId?: string;
  /** What the Lambda authorizer returned as `context`: strings, numbers and booleans only. */
  authorizerContext?: Readonly<Record<string, unknown>>;
}

/** The `identity` fields an authorizer fills; null when not applicable (FORMATS §3.2). */
export interface RestCaller {
  callerAccountId: string | null;
  caller: string | null;
  accessKey: string | null;
  userArn: string | null;
}

/** What a REST authorizer adds to each event: `requestContext.authorizer`, credentials the client sent, `identity`. */
export interface RestAuthorization {
  caller: RestCaller;
  authorizer(ctx: EventContext): Record<string, unknown> | undefined;
  headers(request: HttpRequest, ctx: EventContext): HeaderField[];
  /** Whether `headers` draws from the event's randomness (after the service's own headers have). */
  drawsPerEvent: boolean;
}

const NO_CALLER: RestCaller = { callerAccountId: null, caller: null, accessKey: null, userArn: null };

export function prepareRestAuthorization(
  options: RestAuthorizerOptions,
  run: RunContext,
  data: HttpData,
): RestAuthorization {
  const kind = options.authorizer ?? 'none';
  checkAuthorizerOptions(
    kind,
    { claim: ['cognito'], 'principal-id': ['lambda'], 'authorizer-context': ['lambda'] },
    {
      claim: options.claims,
      'principal-id': options.principalId,
      'authorizer-context': options.authorizerContext,
    },
  );
  if (kind === 'cognito') {
    // COGNITO_USER_POOLS passes the id token's claims, every value a string (FORMATS §3.3).
    const claims = withClaims(cognitoClaims(run, data, []), options.claims ?? {});
    return {
      caller: NO_CALLER,
      authorizer: () => ({ claims: restClaims(claims) }),
      headers: bearerHeaders(encodeJwt(claims, run)),
      drawsPerEvent: false,
    };
  }
  if (kind === 'lambda') {
    const context = restContext(options.authorizerContext ?? {});
    for (const reserved of ['principalId', 'integrationLatency']) {
      if (Object.hasOwn(context, reserved)) {
        throw new UsageError(
          `--authorizer-context ${reserved} is set by API Gateway`,
          'use --principal-id or another name',
        );
      }
    }
    const principalId = options.principalId ?? run.rng.uuid();
    const headers = bearerHeaders(opaqueToken(run));
    return {
      caller: NO_CALLER,
      // REST passes the context's values as strings (FORMATS §3.3, UNCONFIRMED for numbers and booleans).
      authorizer: (ctx) => ({
        principalId,
        integrationLatency: ctx.rng.int(5, 450),
        ...context,
      }),
      headers,
      drawsPerEvent: false,
    };
  }
  if (kind === 'iam') {
    const caller = iamCaller(run, data);
    return {
      // AWS_IAM fills `identity` and adds no `authorizer` key (FORMATS §3.3).
      caller: {
        callerAccountId: caller.accountId,
        caller: caller.callerId,
        accessKey: caller.accessKey,
        userArn: caller.userArn,
      },
      authorizer: () => undefined,
      // The captured REST events carry the SigV4 headers but no Authorization (FORMATS §3.2).
      headers: (request, ctx) => sigV4Headers(caller, request.body, ctx.time, ctx.rng, undefined),
      drawsPerEvent: true,
    };
  }
  return { caller: NO_CALLER, authorizer: () => undefined, headers: () => [], drawsPerEvent: false };
}

/**
 * A REST authorizer's context as the proxy event shows it: REST refuses objects and arrays in the
 * context (FORMATS-api-identity §1.6) and passes the values on as strings (FORMATS §3.3;
 * UNCONFIRMED for numbers and booleans).
 */
export function restContext(context: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new UsageError(
        `--authorizer-context ${key} is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object'}`,
        'a REST authorizer context holds only strings, numbers and booleans',
      );
    }
    out[key] = String(value);
  }
  return out;
}
