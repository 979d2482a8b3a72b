import type { RunContext } from '../../core/context.js';
import { setOwn } from '../../core/own-keys.js';
import type { HttpData } from './data.js';
import type { HeaderField } from './headers.js';
import type { HttpRequest } from './request.js';
import { epochSeconds, javaDateString } from './times.js';

/**
 * Cognito user pool tokens for the JWT and Cognito authorizers: the claims the authorizer passes on
 * and the bearer token the client sent, which carries the same claims.
 */
export type Claims = Record<string, string | number>;

const TIME_CLAIMS = new Set(['exp', 'iat', 'auth_time', 'nbf']);

/** Claims of a token signed in a little before the run starts; `scopes` make it an access token. */
export function cognitoClaims(run: RunContext, data: HttpData, scopes: readonly string[]): Claims {
  const { rng } = run;
  const pool = `${run.region}_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 9)}`;
  const clientId = rng.lowerAlnum(26);
  const username = rng.pick(data.usernames);
  const sub = rng.uuid();
  const authTime = epochSeconds(run.startTime) - rng.int(60, 3000);
  const iss = `https://cognito-idp.${run.region}.${run.dnsSuffix}/${pool}`;
  const originJti = rng.uuid();
  const eventId = rng.uuid();
  // Cognito tokens are valid for an hour by default; time claims are epoch seconds.
  const times = { auth_time: authTime, exp: authTime + 3600, iat: authTime };
  if (scopes.length > 0) {
    return {
      sub,
      iss,
      client_id: clientId,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'access',
      scope: scopes.join(' '),
      ...times,
      jti: rng.uuid(),
      username,
    };
  }
  return {
    origin_jti: originJti,
    sub,
    aud: clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: authTime,
    iss,
    'cognito:username': username,
    exp: times.exp,
    iat: times.iat,
    jti: rng.uuid(),
  };
}

/** The claims with the user's `--claim` values; a time claim given in digits stays a number in the token. */
export function withClaims(claims: Claims, given: Readonly<Record<string, string>>): Claims {
  const out: Claims = { ...claims };
  for (const [name, value] of Object.entries(given)) {
    setOwn(out, name, TIME_CLAIMS.has(name) && /^\d+$/.test(value) ? Number(value) : value);
  }
  return out;
}

/** A bearer token with these claims: an RS256 JWT whose signature is random bytes. */
export function encodeJwt(claims: Readonly<Record<string, unknown>>, run: RunContext): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const header = { kid: `${run.rng.base64Chars(43)}=`, alg: 'RS256' };
  return `${part(header)}.${part(claims)}.${run.rng.bytes(256).toString('base64url')}`;
}

/** REST: every claim a string, `exp`/`iat` in Java's `Date.toString` form, `auth_time` in digits (FORMATS §3.3). */
export function restClaims(claims: Claims): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    setOwn(
      out,
      name,
      (name === 'exp' || name === 'iat') && typeof value === 'number' ? javaDateString(value) : String(value),
    );
  }
  return out;
}

/** HTTP APIs: every claim a string, names in sorted order as real events list them (FORMATS §4.2). */
export function httpApiClaims(claims: Claims): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(claims).sort()) setOwn(out, name, String(claims[name]));
  return out;
}

/** An opaque bearer token, as a Lambda authorizer's clients send. */
export function opaqueToken(run: RunContext): string {
  return run.rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 40);
}

/** The client's `Authorization: Bearer <token>`, unless it sent credentials of its own, which are kept. */
export function bearerHeaders(token: string): (request: HttpRequest) => HeaderField[] {
  return (request) =>
    request.headers.some(([name]) => name.toLowerCase() === 'authorization')
      ? []
      : [['Authorization', `Bearer ${token}`]];
}
