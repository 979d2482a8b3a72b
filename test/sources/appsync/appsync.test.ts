import { describe, expect, expectTypeOf, test } from 'vitest';
import { type AppSyncEvent, appsyncEvent, generate } from '../../../src/index.js';
import { cliOutput, oneEvent } from '../../helpers/matrix.js';

const TOP = ['arguments', 'identity', 'source', 'request', 'prev', 'info', 'stash'];
const INFO = ['selectionSetList', 'selectionSetGraphQL', 'parentTypeName', 'fieldName', 'variables'];

const jwtPayload = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));

describe('the event', () => {
  test('keys in the captured order; request headers lowercase, domainName null', async () => {
    const event = await appsyncEvent({ field: 'getPost', arguments: { id: '42' }, seed: 1 });
    expect(Object.keys(event)).toEqual(TOP);
    expect(Object.keys(event.info)).toEqual(INFO);
    expect(Object.keys(event.request)).toEqual(['headers', 'domainName']);
    expect(event.request.domainName).toBeNull();
    expect(event).toMatchObject({ arguments: { id: '42' }, source: null, prev: null, stash: {} });
    expect(event.info).toMatchObject({ parentTypeName: 'Query', fieldName: 'getPost', variables: {} });
    const headers = event.request.headers as Record<string, string>;
    for (const name of Object.keys(headers)) expect(name).toBe(name.toLowerCase());
    expect(headers.host).toMatch(/^[a-z0-9]{26}\.appsync-api\.us-east-1\.amazonaws\.com$/);
    expect(headers.via).toMatch(/^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(headers['x-amz-cf-id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(headers['x-forwarded-port']).toBe('443');
  });

  test('the same seed gives the same bytes; another seed another event', async () => {
    const a = await appsyncEvent({ identity: 'iam', seed: 'same' });
    expect(JSON.stringify(await appsyncEvent({ identity: 'iam', seed: 'same' }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(await appsyncEvent({ identity: 'iam', seed: 'other' }))).not.toBe(
      JSON.stringify(a),
    );
  });

  test('the parent type follows a field of the sample schema; root types have source null', async () => {
    const mutation = await appsyncEvent({ field: 'createPost', seed: 2 });
    expect(mutation.info.parentTypeName).toBe('Mutation');
    expect(mutation.source).toBeNull();
    expect(Object.keys(mutation.arguments.input as object)).toEqual(['title', 'content']);
    const nested = await appsyncEvent({ parentType: 'Post', field: 'author', seed: 2 });
    expect(Object.keys(nested.source as object)).toEqual(['id', 'title', 'authorId', 'createdAt']);
    const given = await appsyncEvent({
      parentType: 'Comment',
      field: 'post',
      source: { postId: '7' },
      seed: 2,
    });
    expect(given.source).toStrictEqual({ postId: '7' });
    expect(given.arguments).toStrictEqual({});
    expect(given.info.selectionSetList).toEqual(['id']);
  });

  test('prev, stash, variables and headers as given', async () => {
    const event = await appsyncEvent({
      prev: { id: '9' },
      stash: { tenant: 'acme' },
      variables: { postId: '9' },
      headers: { 'X-Request-Id': 'r-1', 'User-Agent': 'my-client/1.0' },
      seed: 3,
    });
    expect(event.prev).toStrictEqual({ result: { id: '9' } });
    expect(event.stash).toStrictEqual({ tenant: 'acme' });
    expect(event.info.variables).toStrictEqual({ postId: '9' });
    expect(event.request.headers['x-request-id']).toBe('r-1');
    expect(event.request.headers['user-agent']).toBe('my-client/1.0');
  });

  test('--header twice joins the values; --set and --count work as for every source', async () => {
    const event = await oneEvent<AppSyncEvent>([
      'appsync',
      '--header',
      'X-Tag: a',
      '--header',
      'x-tag: b',
      '--set',
      'arguments.id=42',
      '--seed',
      '4',
    ]);
    expect(event.request.headers['x-tag']).toBe('a, b');
    expect(event.arguments.id).toBe(42);
    const lines = (await cliOutput(['appsync', '--count', '3', '--ndjson', '--seed', '4']))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => JSON.parse(l).request.headers['x-amzn-trace-id'])).size).toBe(3);
  });
});

describe('--selection: the list and the GraphQL text agree', () => {
  test('GraphQL in: nested fields as parent/child, the text two spaces a level', async () => {
    const event = await appsyncEvent({ selection: 'id name posts { title }', seed: 1 });
    expect(event.info.selectionSetList).toEqual(['id', 'name', 'posts', 'posts/title']);
    expect(event.info.selectionSetGraphQL).toBe('{\n  id\n  name\n  posts {\n    title\n  }\n}');
  });

  test('paths in, the same event; a list in the library', async () => {
    const fromCli = await oneEvent<AppSyncEvent>([
      'appsync',
      '--selection',
      'id,name,posts/title',
      '--seed',
      '1',
    ]);
    const fromList = await appsyncEvent({ selection: ['id', 'name', 'posts/title'], seed: 1 });
    const fromText = await appsyncEvent({ selection: '{ id, name, posts { title } }', seed: 1 });
    expect(fromCli.info).toStrictEqual(fromList.info);
    expect(fromText.info).toStrictEqual(fromList.info);
  });

  test('aliases by their response name, arguments and directives kept, inline fragments merged', async () => {
    const event = await appsyncEvent({
      selection:
        'postId: id author(id: "a(1)") @include(if: $full) { name } ... on Post { title author { name } }',
      seed: 1,
    });
    expect(event.info.selectionSetList).toEqual(['postId', 'author', 'author/name', 'title']);
    expect(event.info.selectionSetGraphQL).toBe(
      '{\n  postId: id\n  author(id: "a(1)") @include(if: $full) {\n    name\n  }\n  ... on Post {\n    title\n    author {\n      name\n    }\n  }\n}',
    );
  });

  test('a scalar field selects nothing: [] and ""', async () => {
    const event = await appsyncEvent({ parentType: 'Post', field: 'likeCount', seed: 1 });
    expect(event.info.selectionSetList).toEqual([]);
    expect(event.info.selectionSetGraphQL).toBe('');
  });
});

describe('--identity: the block each auth mode gives', () => {
  test('api-key and none: null; the API key header da2- only for api-key', async () => {
    const apiKey = await appsyncEvent({ identity: 'api-key', seed: 1 });
    expect(apiKey.identity).toBeNull();
    expect(apiKey.request.headers['x-api-key']).toMatch(/^da2-[a-z0-9]{26}$/);
    expect(apiKey.request.headers.authorization).toBeUndefined();
    const none = await appsyncEvent({ identity: 'none', seed: 1 });
    expect(none.identity).toBeNull();
    expect(none.request.headers['x-api-key']).toBeUndefined();
    expect(none.request.headers.authorization).toBeUndefined();
  });

  test('cognito: the ID token claims with JSON types, in the raw authorization token', async () => {
    const event = await appsyncEvent({ identity: 'cognito', seed: 1 });
    const identity = event.identity as unknown as Record<string, unknown>;
    expect(Object.keys(identity)).toEqual([
      'claims',
      'defaultAuthStrategy',
      'groups',
      'issuer',
      'sourceIp',
      'sub',
      'username',
    ]);
    const claims = identity.claims as Record<string, unknown>;
    expect(typeof claims.exp).toBe('number');
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(claims.email_verified).toBe(true);
    expect(claims.token_use).toBe('id');
    expect(identity.issuer).toMatch(
      /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_[A-Za-z0-9]{9}$/,
    );
    expect(identity).toMatchObject({
      sub: claims.sub,
      issuer: claims.iss,
      username: claims['cognito:username'],
    });
    expect(identity.groups).toStrictEqual(claims['cognito:groups'] ?? null);
    expect(jwtPayload(event.request.headers.authorization as string)).toStrictEqual(claims);
    const forwarded = (event.request.headers['x-forwarded-for'] as string).split(', ');
    expect(forwarded).toHaveLength(2);
    expect(identity.sourceIp).toStrictEqual([forwarded[0]]);
  });

  test('iam: the role session, SigV4 headers for appsync, Cognito pool fields all null or all set', async () => {
    const seen = new Set<boolean>();
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const event = await appsyncEvent({ identity: 'iam', seed, accountId: '123456789012' });
      const identity = event.identity as unknown as Record<string, unknown>;
      expect(Object.keys(identity)).toEqual([
        'accountId',
        'cognitoIdentityAuthProvider',
        'cognitoIdentityAuthType',
        'cognitoIdentityId',
        'cognitoIdentityPoolId',
        'sourceIp',
        'userArn',
        'username',
      ]);
      expect(identity.accountId).toBe('123456789012');
      expect(identity.userArn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/[^/]+\/[^/]+$/);
      expect(identity.username).toMatch(/^AROA[A-Z2-7]{17}:/);
      const pooled = identity.cognitoIdentityPoolId !== null;
      seen.add(pooled);
      if (pooled) {
        expect(identity.cognitoIdentityAuthType).toBe('authenticated');
        expect(identity.cognitoIdentityPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
        expect(identity.username).toMatch(/:CognitoIdentityCredentials$/);
      } else expect(identity.cognitoIdentityId).toBeNull();
      expect(event.request.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=ASIA[A-Z2-7]{16}\/\d{8}\/us-east-1\/appsync\/aws4_request, /,
      );
      expect(event.request.headers['x-amz-security-token']).toMatch(/^IQoJb3JpZ2luX2Vj/);
    }
    expect(seen).toStrictEqual(new Set([true, false]));
  });

  test('oidc: claims, issuer, sub; lambda: the authorizer’s resolverContext', async () => {
    const oidc = await appsyncEvent({ identity: 'oidc', seed: 1 });
    const identity = oidc.identity as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(identity)).toEqual(['claims', 'issuer', 'sub']);
    expect(identity).toMatchObject({ issuer: identity.claims?.iss, sub: identity.claims?.sub });
    expect(jwtPayload(oidc.request.headers.authorization as string)).toStrictEqual(identity.claims);
    const lambda = await appsyncEvent({ identity: 'lambda', seed: 1 });
    const context = (lambda.identity as { resolverContext: Record<string, unknown> }).resolverContext;
    expect(Object.keys(context)).toEqual(['userId', 'tenant', 'role']);
    expect(Object.values(context).every((v) => typeof v === 'string')).toBe(true);
    expect(lambda.request.headers.authorization).toMatch(/^[A-Za-z0-9_-]{40}$/);
  });
});

describe('--batch: the array a batch invoke delivers', () => {
  test('one request: items share info, caller and headers; each has its own parent', async () => {
    const items = await appsyncEvent({ parentType: 'Post', field: 'author', batch: 5, seed: 1 });
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.info).toStrictEqual(items[0]?.info);
      expect(item.identity).toStrictEqual(items[0]?.identity);
      expect(item.request).toStrictEqual(items[0]?.request);
      expect(item.arguments).toStrictEqual(items[0]?.arguments);
    }
    expect(new Set(items.map((i) => (i.source as { id: string }).id)).size).toBe(5);
  });

  test('root fields batched from aliases have arguments of their own', async () => {
    const items = await appsyncEvent({ field: 'getPost', batch: 3, seed: 1 });
    expect(new Set(items.map((i) => i.arguments.id)).size).toBe(3);
    expect(items.every((i) => i.source === null)).toBe(true);
  });

  test('lists of sources or arguments give one per item; one object gives it to all', async () => {
    const items = await appsyncEvent({
      parentType: 'Post',
      field: 'comments',
      batch: 2,
      source: [{ id: 'p1' }, { id: 'p2' }],
      arguments: { limit: 5 },
      seed: 1,
    });
    expect(items.map((i) => i.source)).toStrictEqual([{ id: 'p1' }, { id: 'p2' }]);
    expect(items.map((i) => i.arguments)).toStrictEqual([{ limit: 5 }, { limit: 5 }]);
  });

  test('the CLI writes an array; generate() is typed for either', async () => {
    const printed = JSON.parse(
      await cliOutput(['appsync', '--parent-type', 'Post', '--batch', '2', '--seed', '1']),
    );
    expect(Array.isArray(printed)).toBe(true);
    expect(printed).toHaveLength(2);
    const one = await generate('appsync', { seed: 1 });
    expect(Array.isArray(one)).toBe(false);
  });
});

describe('the typed builder', () => {
  test('appsyncEvent is an AppSyncResolverEvent, or an array of them with batch', async () => {
    const one = await appsyncEvent({ seed: 1 });
    expectTypeOf(one).toEqualTypeOf<AppSyncEvent>();
    const many = await appsyncEvent({ batch: 2, seed: 1 });
    expectTypeOf(many).toEqualTypeOf<AppSyncEvent[]>();
    expect(many).toHaveLength(2);
    const edited = await appsyncEvent({ batch: 2, seed: 1, set: ['[1].arguments.id=x'] });
    expect(edited[1]?.arguments.id).toBe('x');
    expect(edited[0]?.arguments.id).not.toBe('x');
  });
});
