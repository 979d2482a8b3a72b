import type { EventContext, RunContext } from '../../core/context.js';
import { compileTemplate } from '../../core/template.js';
import type { HttpData } from '../http/data.js';
import type { HeaderField } from '../http/headers.js';
import { iamCaller, sigV4Headers } from '../http/iam.js';
import { epochSeconds } from '../http/times.js';
import { cognitoClaims, encodeJwt, opaqueToken } from '../http/tokens.js';
import type { AppSyncData } from './data.js';
import type { AppSyncIdentityMode } from './options.js';

/**
 * The caller of a run: the `identity` block its auth mode gives every resolver event, and the
 * credential headers its client sends (FORMATS-api-identity §5.1). One caller per run, as one
 * signed-in client would make the requests of a test.
 */
export interface AppSyncCaller {
  identity: Record<string, unknown> | null;
  /** The credential headers of one request, lowercase as AppSync passes them. */
  credentials(ctx: EventContext, body: Uint8Array): HeaderField[];
}

const lower = (fields: readonly HeaderField[]): HeaderField[] =>
  fields.map(([name, value]) => [name.toLowerCase(), value]);

export function appSyncCaller(
  mode: AppSyncIdentityMode,
  run: RunContext,
  http: HttpData,
  data: AppSyncData,
  sourceIp: string,
): AppSyncCaller {
  switch (mode) {
    case 'none':
      return { identity: null, credentials: () => [] };
    case 'api-key': {
      // API keys read `da2-` and 26 lowercase letters and digits.
      const key = `da2-${run.rng.lowerAlnum(26)}`;
      return { identity: null, credentials: () => [['x-api-key', key]] };
    }
    case 'cognito':
      return cognitoCaller(run, http, data, sourceIp);
    case 'iam':
      return iamIdentityCaller(run, http, sourceIp);
    case 'oidc':
      return oidcCaller(run, data);
    case 'lambda':
      return lambdaCaller(run, data);
  }
}

/**
 * A user pool caller: the ID token's claims with their JSON types kept (numbers stay numbers,
 * `email_verified` a boolean, `cognito:groups` an array), unlike API Gateway REST (FORMATS-api-identity §0.11).
 */
function cognitoCaller(run: RunContext, http: HttpData, data: AppSyncData, sourceIp: string): AppSyncCaller {
  const { rng } = run;
  const token = cognitoClaims(run, http, []);
  const groups = rng.int(0, 2) === 0 ? null : [...rng.pick(data.groups)];
  const username = String(token['cognito:username']);
  const claims: Record<string, unknown> = {
    sub: token.sub,
    ...(groups ? { 'cognito:groups': groups } : {}),
    email_verified: true,
    iss: token.iss,
    'cognito:username': username,
    origin_jti: token.origin_jti,
    aud: token.aud,
    event_id: token.event_id,
    token_use: 'id',
    auth_time: token.auth_time,
    exp: token.exp,
    iat: token.iat,
    jti: token.jti,
    email: `${username}@example.com`,
  };
  // The console and Amplify send the raw ID token, without `Bearer `.
  const jwt = encodeJwt(claims, run);
  return {
    identity: {
      claims,
      defaultAuthStrategy: 'ALLOW',
      groups,
      issuer: token.iss,
      sourceIp: [sourceIp],
      sub: token.sub,
      username,
    },
    credentials: () => [['authorization', jwt]],
  };
}

/**
 * A SigV4-signed caller: a role session, or (half the runs) a Cognito identity pool's authenticated
 * user, whose role session AppSync reports with the pool's fields filled in.
 */
function iamIdentityCaller(run: RunContext, http: HttpData, sourceIp: string): AppSyncCaller {
  const { rng } = run;
  const caller = iamCaller(run, http);
  const fromPool = rng.int(0, 1) === 0;
  let pool: Record<string, string | null> = {
    cognitoIdentityAuthProvider: null,
    cognitoIdentityAuthType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
  };
  let { userArn, callerId: username } = caller;
  if (fromPool) {
    const userPool = `${run.region}_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 9)}`;
    const provider = `cognito-idp.${run.region}.${run.dnsSuffix}/${userPool}`;
    const roleId = caller.callerId.split(':')[0] as string;
    userArn = `arn:${run.partition}:sts::${run.accountId}:assumed-role/Cognito_BlogAuth_Role/CognitoIdentityCredentials`;
    username = `${roleId}:CognitoIdentityCredentials`;
    pool = {
      cognitoIdentityAuthProvider: `"${provider}","${provider}:CognitoSignIn:${rng.uuid()}"`,
      cognitoIdentityAuthType: 'authenticated',
      cognitoIdentityId: `${run.region}:${rng.uuid()}`,
      cognitoIdentityPoolId: `${run.region}:${rng.uuid()}`,
    };
  }
  return {
    identity: {
      accountId: caller.accountId,
      cognitoIdentityAuthProvider: pool.cognitoIdentityAuthProvider,
      cognitoIdentityAuthType: pool.cognitoIdentityAuthType,
      cognitoIdentityId: pool.cognitoIdentityId,
      cognitoIdentityPoolId: pool.cognitoIdentityPoolId,
      sourceIp: [sourceIp],
      userArn,
      username,
    },
    credentials: (ctx, body) =>
      lower(sigV4Headers(caller, body, ctx.time, ctx.rng, { region: run.region, service: 'appsync' })),
  };
}

/** An OpenID Connect caller: AppSync passes the token's claims, its issuer and subject. */
function oidcCaller(run: RunContext, data: AppSyncData): AppSyncCaller {
  const { rng } = run;
  const issuer = compileTemplate(
    rng.pick(data.oidcIssuers),
    'appsync.json',
  )({
    tenant: rng.pick(data.tenants),
  }) as string;
  const sub = issuer.includes('auth0') ? `auth0|${rng.hex(24)}` : rng.digits(21);
  const iat = epochSeconds(run.startTime) - rng.int(60, 3000);
  const claims = {
    iss: issuer,
    sub,
    aud: rng.lowerAlnum(32),
    iat,
    exp: iat + 3600,
    scope: 'openid profile email',
  };
  const jwt = encodeJwt(claims, run);
  return { identity: { claims, issuer, sub }, credentials: () => [['authorization', jwt]] };
}

/** A Lambda authorizer's caller: `resolverContext` is what the authorizer returned (FORMATS-api-identity §5.3). */
function lambdaCaller(run: RunContext, data: AppSyncData): AppSyncCaller {
  const { rng } = run;
  const token = opaqueToken(run);
  const resolverContext = { userId: rng.uuid(), tenant: rng.pick(data.tenants), role: rng.pick(data.roles) };
  return { identity: { resolverContext }, credentials: () => [['authorization', token]] };
}
