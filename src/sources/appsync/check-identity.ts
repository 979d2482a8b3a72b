import { isRecord, type ProblemList } from '../../check/problems.js';

/** The keys of each auth mode's `identity` block (FORMATS-api-identity §5.1). */
const IDENTITY_KEYS = {
  cognito: ['claims', 'defaultAuthStrategy', 'groups', 'issuer', 'sourceIp', 'sub', 'username'],
  iam: [
    'accountId',
    'cognitoIdentityAuthProvider',
    'cognitoIdentityAuthType',
    'cognitoIdentityId',
    'cognitoIdentityPoolId',
    'sourceIp',
    'userArn',
    'username',
  ],
  oidc: ['claims', 'issuer', 'sub'],
  lambda: ['resolverContext'],
} as const;

type Mode = keyof typeof IDENTITY_KEYS;

const COGNITO_POOL_FIELDS = [
  'cognitoIdentityAuthProvider',
  'cognitoIdentityAuthType',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
] as const;

/** Claims that are epoch seconds: numbers in AppSync, where API Gateway REST makes them text (§0.11). */
const TIME_CLAIMS = ['exp', 'iat', 'auth_time', 'nbf'];

function modeOf(identity: Record<string, unknown>): Mode | undefined {
  const keys = Object.keys(identity).sort().join(',');
  return (Object.keys(IDENTITY_KEYS) as Mode[]).find((mode) => IDENTITY_KEYS[mode].join(',') === keys);
}

/** The claims of a JWT, when the header holds one whole (redacted tokens are not judged). */
function jwtClaims(header: unknown): Record<string, unknown> | undefined {
  if (typeof header !== 'string') return undefined;
  const parts = header.replace(/^Bearer /, '').split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    return isRecord(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `identity` against the auth mode its shape names, and against the request's credentials:
 * null for API keys, else exactly one mode's block with its fields agreeing.
 */
export function checkIdentity(
  identity: unknown,
  headers: Record<string, unknown>,
  at: (path: string) => string,
  problems: ProblemList,
): void {
  if (identity === null) return;
  const mode = isRecord(identity) ? modeOf(identity) : undefined;
  if (!isRecord(identity) || mode === undefined) {
    problems.add(
      at('identity'),
      'identity is null (API key) or the block of one auth mode: Cognito user pools, IAM, OpenID Connect or a Lambda authorizer',
    );
    return;
  }
  if (mode === 'lambda') {
    if (!isRecord(identity.resolverContext))
      problems.add(
        at('identity.resolverContext'),
        'resolverContext is the object the Lambda authorizer returned',
      );
    return;
  }
  if (mode === 'iam') checkIam(identity, headers, at, problems);
  else checkTokenIdentity(identity, mode, headers, at, problems);
  if (mode !== 'oidc') checkSourceIp(identity.sourceIp, headers, at, problems);
}

function checkTokenIdentity(
  identity: Record<string, unknown>,
  mode: 'cognito' | 'oidc',
  headers: Record<string, unknown>,
  at: (path: string) => string,
  problems: ProblemList,
): void {
  const claims = identity.claims;
  if (!isRecord(claims)) {
    problems.add(at('identity.claims'), "claims is an object of the token's claims");
    return;
  }
  problems.expectEqual(at('identity.sub'), identity.sub, claims.sub, 'identity.sub is the claims’ sub');
  problems.expectEqual(
    at('identity.issuer'),
    identity.issuer,
    claims.iss,
    'identity.issuer is the claims’ iss',
  );
  const token = jwtClaims(headers.authorization);
  if (token !== undefined && token.sub !== identity.sub)
    problems.add(
      at('identity.sub'),
      'identity.sub is the sub of the token in the authorization header',
      token.sub,
    );
  if (mode === 'oidc') return;
  if (typeof identity.issuer !== 'string' || !identity.issuer.startsWith('https://cognito-idp.'))
    problems.add(
      at('identity.issuer'),
      'a user pool issuer is https://cognito-idp.<region>.amazonaws.com/<pool id>',
    );
  const username = claims['cognito:username'] ?? claims.username;
  problems.expectEqual(
    at('identity.username'),
    identity.username,
    username,
    'identity.username is the claims’ cognito:username',
  );
  if (identity.defaultAuthStrategy !== 'ALLOW' && identity.defaultAuthStrategy !== 'DENY')
    problems.add(at('identity.defaultAuthStrategy'), 'defaultAuthStrategy is ALLOW or DENY');
  problems.expectEqual(
    at('identity.groups'),
    identity.groups,
    claims['cognito:groups'] ?? null,
    'identity.groups is the claims’ cognito:groups, or null when the user is in no group',
  );
  for (const name of TIME_CLAIMS) {
    if (name in claims && typeof claims[name] !== 'number')
      problems.add(
        at(`identity.claims.${name}`),
        `AppSync keeps the token's JSON types: ${name} is a number of epoch seconds`,
      );
  }
  if ('email_verified' in claims && typeof claims.email_verified !== 'boolean')
    problems.add(
      at('identity.claims.email_verified'),
      "AppSync keeps the token's JSON types: email_verified is a boolean",
    );
}

function checkIam(
  identity: Record<string, unknown>,
  headers: Record<string, unknown>,
  at: (path: string) => string,
  problems: ProblemList,
): void {
  problems.expectMatch(at('identity.accountId'), identity.accountId, /^\d{12}$/, 'accountId is 12 digits');
  const arn = new RegExp(`^arn:aws[a-z-]*:(sts|iam)::${identity.accountId}:`);
  problems.expectMatch(
    at('identity.userArn'),
    identity.userArn,
    arn,
    'userArn is a principal of the caller’s account',
  );
  if (typeof identity.username !== 'string') problems.add(at('identity.username'), 'username is text');
  const filled = COGNITO_POOL_FIELDS.filter((name) => identity[name] !== null);
  if (filled.length > 0 && filled.length < COGNITO_POOL_FIELDS.length)
    problems.add(
      at('identity'),
      'the Cognito identity pool fields are all null (a plain IAM caller) or all set (an identity pool user)',
    );
  const authType = identity.cognitoIdentityAuthType;
  if (authType !== null && authType !== 'authenticated' && authType !== 'unauthenticated')
    problems.add(
      at('identity.cognitoIdentityAuthType'),
      'cognitoIdentityAuthType is authenticated or unauthenticated',
    );
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && !authorization.startsWith('AWS4-HMAC-SHA256 '))
    problems.add(
      at('request.headers.authorization'),
      'an IAM caller signs its request with SigV4 (AWS4-HMAC-SHA256)',
    );
}

/** `sourceIp` is a list of addresses, the client's first, as X-Forwarded-For begins (FORMATS-api-identity §5.1). */
function checkSourceIp(
  sourceIp: unknown,
  headers: Record<string, unknown>,
  at: (path: string) => string,
  problems: ProblemList,
): void {
  if (!Array.isArray(sourceIp) || sourceIp.length === 0 || !sourceIp.every((ip) => typeof ip === 'string')) {
    problems.add(at('identity.sourceIp'), 'sourceIp is a list of the caller’s addresses, not one string');
    return;
  }
  const forwarded = headers['x-forwarded-for'];
  if (typeof forwarded === 'string') {
    const client = forwarded.split(',')[0]?.trim();
    problems.expectEqual(
      at('identity.sourceIp[0]'),
      sourceIp[0],
      client,
      'sourceIp begins with the client address x-forwarded-for begins with',
    );
  }
}
