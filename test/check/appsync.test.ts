import { beforeAll, describe } from 'vitest';
import { appsyncEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.cognito = await appsyncEvent({ identity: 'cognito', field: 'getPost', seed: 1 });
  bases.iam = await appsyncEvent({ identity: 'iam', parentType: 'Mutation', seed: 2 });
  bases.oidc = await appsyncEvent({ identity: 'oidc', seed: 3 });
  bases.lambda = await appsyncEvent({ identity: 'lambda', seed: 4 });
  bases.apiKey = await appsyncEvent({ identity: 'api-key', parentType: 'Post', field: 'author', seed: 5 });
  bases.batch = (await appsyncEvent({
    parentType: 'Post',
    field: 'comments',
    batch: 3,
    seed: 6,
  })) as unknown as Editable;
});

describe('AppSync resolver checker rules', () => {
  testBrokenRules('appsync', bases, [
    ['exact top-level keys', 'cognito', { result: {} }, '', /exactly these keys, in this order/],
    [
      'arguments is an object',
      'cognito',
      { arguments: null },
      'arguments',
      /object of the field's arguments/,
    ],
    [
      'source null for root types',
      'cognito',
      { source: { id: '1' } },
      'source',
      /a Query field has no parent object/,
    ],
    [
      'source present for object types',
      'apiKey',
      { source: null },
      'source',
      /a field of Post is resolved for a parent object/,
    ],
    ['prev is null or {result}', 'cognito', { prev: { value: 1 } }, 'prev', /null, or \{result\}/],
    ['stash is an object', 'cognito', { stash: [] }, 'stash', /stash is an object/],
    ['exact info keys', 'cognito', { 'info.operation': 'query' }, 'info', /info has exactly these keys/],
    [
      'fieldName is a GraphQL name',
      'cognito',
      { 'info.fieldName': 'get-post' },
      'info.fieldName',
      /GraphQL name/,
    ],
    [
      'selectionSetList agrees with selectionSetGraphQL',
      'cognito',
      (e) => {
        e.info.selectionSetList = e.info.selectionSetList.filter((p: string) => p !== 'title');
      },
      'info.selectionSetList',
      /names what selectionSetGraphQL selects/,
    ],
    [
      'a nested field after its parent',
      'cognito',
      (e) => {
        e.info.selectionSetList = e.info.selectionSetList.filter((p: string) => p !== 'author');
      },
      'info.selectionSetList[3]',
      /after its parent: author before author\/id/,
    ],
    [
      'selectionSetGraphQL parses',
      'cognito',
      { 'info.selectionSetGraphQL': '{\n  id {\n}' },
      'info.selectionSetGraphQL',
      /not a GraphQL selection set/,
    ],
    [
      'variables is an object',
      'cognito',
      { 'info.variables': null },
      'info.variables',
      /variables is an object/,
    ],
    ['request keys', 'cognito', { 'request.body': '{}' }, 'request', /headers and domainName only/],
    [
      'header names lowercase',
      'cognito',
      { 'request.headers.X-Api-Key': 'da2-x' },
      'request.headers.X-Api-Key',
      /lowercase/,
    ],
    [
      'host of the API',
      'cognito',
      { 'request.headers.host': 'example.com' },
      'request.headers.host',
      /appsync-api/,
    ],
    [
      'host of a custom domain',
      'cognito',
      { 'request.domainName': 'api.example.com' },
      'request.headers.host',
      /custom domain/,
    ],
    [
      'trace id shape',
      'cognito',
      { 'request.headers.x-amzn-trace-id': 'Root=1-5f512f51-fac632066c5e848ae714' },
      'request.headers.x-amzn-trace-id',
      /Root=1-<8 hex>-<24 hex>/,
    ],
    ['identity is one mode', 'cognito', { 'identity.claims': REMOVED }, 'identity', /block of one auth mode/],
    [
      'cognito sub is the claims’ sub',
      'cognito',
      { 'identity.sub': '00000000-0000-0000-0000-000000000000' },
      'identity.sub',
      /claims’ sub/,
    ],
    [
      'cognito sub is the token’s sub',
      'cognito',
      (e) => {
        e.identity.sub = '00000000-0000-0000-0000-000000000000';
        e.identity.claims.sub = e.identity.sub;
      },
      'identity.sub',
      /token in the authorization header/,
    ],
    [
      'cognito issuer is iss',
      'cognito',
      { 'identity.issuer': 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' },
      'identity.issuer',
      /claims’ iss/,
    ],
    [
      'cognito username',
      'cognito',
      { 'identity.username': 'someone.else' },
      'identity.username',
      /cognito:username/,
    ],
    [
      'cognito groups follow the claims',
      'cognito',
      { 'identity.groups': ['admin', 'other'] },
      'identity.groups',
      /cognito:groups/,
    ],
    [
      'defaultAuthStrategy',
      'cognito',
      { 'identity.defaultAuthStrategy': 'allow' },
      'identity.defaultAuthStrategy',
      /ALLOW or DENY/,
    ],
    [
      'claims keep number types',
      'cognito',
      (e) => {
        e.identity.claims.exp = String(e.identity.claims.exp);
      },
      'identity.claims.exp',
      /exp is a number/,
    ],
    [
      'claims keep boolean types',
      'cognito',
      { 'identity.claims.email_verified': 'true' },
      'identity.claims.email_verified',
      /email_verified is a boolean/,
    ],
    [
      'sourceIp is a list',
      'cognito',
      (e) => {
        e.identity.sourceIp = e.identity.sourceIp[0];
      },
      'identity.sourceIp',
      /list of the caller’s addresses/,
    ],
    [
      'sourceIp begins with x-forwarded-for',
      'cognito',
      { 'identity.sourceIp': ['203.0.113.9'] },
      'identity.sourceIp[0]',
      /x-forwarded-for/,
    ],
    ['iam account id', 'iam', { 'identity.accountId': '1234' }, 'identity.accountId', /12 digits/],
    [
      'iam userArn of the account',
      'iam',
      { 'identity.userArn': 'arn:aws:sts::000000000000:assumed-role/r/s' },
      'identity.userArn',
      /caller’s account/,
    ],
    [
      'iam pool fields together',
      'iam',
      (e) => {
        e.identity.cognitoIdentityId = e.identity.cognitoIdentityId === null ? 'us-east-1:x' : null;
      },
      'identity',
      /all null .* or all set/,
    ],
    [
      'iam auth type',
      'iam',
      { 'identity.cognitoIdentityAuthType': 'guest' },
      'identity.cognitoIdentityAuthType',
      /authenticated or unauthenticated/,
    ],
    [
      'iam requests are SigV4-signed',
      'iam',
      { 'request.headers.authorization': 'Bearer x' },
      'request.headers.authorization',
      /SigV4/,
    ],
    ['oidc sub', 'oidc', { 'identity.sub': 'other' }, 'identity.sub', /claims’ sub/],
    [
      'oidc issuer',
      'oidc',
      { 'identity.issuer': 'https://other.example/' },
      'identity.issuer',
      /claims’ iss/,
    ],
    [
      'lambda resolverContext',
      'lambda',
      { 'identity.resolverContext': 'admin' },
      'identity.resolverContext',
      /object the Lambda authorizer returned/,
    ],
  ]);
});

describe('AppSync batch checker rules', () => {
  testBrokenRules('appsync (batch)', bases, [
    [
      'items share info',
      'batch',
      (e) => {
        e[2].info.selectionSetList = ['id'];
        e[2].info.selectionSetGraphQL = '{\n  id\n}';
      },
      '[2].info',
      /first item's info/,
    ],
    [
      'items share the caller',
      'batch',
      (e) => {
        e[1].identity = null;
      },
      '[1].identity',
      /first item's identity/,
    ],
    [
      'items share the request',
      'batch',
      (e) => {
        e[1].request.headers['x-amzn-trace-id'] = 'Root=1-00000000-000000000000000000000000';
      },
      '[1].request',
      /first item's request/,
    ],
    [
      'each item is checked',
      'batch',
      (e) => {
        e[1].source = null;
      },
      '[1].source',
      /parent object/,
    ],
    [
      'every item is an event',
      'batch',
      (e) => {
        e[2] = 'x';
      },
      '[2]',
      /every batch item is a resolver event/,
    ],
    [
      'at most 2000 items',
      'batch',
      (e) => {
        for (let i = 0; i < 2000; i++) e.push(structuredClone(e[0]));
      },
      '$',
      /at most 2000/,
    ],
  ]);
});
