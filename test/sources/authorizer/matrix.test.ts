import {
  APIGatewayProxyWebsocketEventSchema,
  APIGatewayRequestAuthorizerEventSchema,
  APIGatewayRequestAuthorizerEventV2Schema,
  APIGatewayTokenAuthorizerEventSchema,
} from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { type AuthorizerOptions, authorizerEvent } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { requestCases, SEEDS } from '../http/cases.js';

/**
 * Every kind of authorizer input, over the HTTP requests every HTTP source is tested with and over
 * whole `--count 200 --ndjson` runs of the real CLI: each event passes gen-event's checker with no
 * problem and the Powertools schema of its kind. Powertools has no schema for HTTP API payload 1.0
 * (its key sets are tested exactly in authorizer.test.ts); its WebSocket schema was written from a
 * fixture that adds `isBase64Encoded`, which the documented input does not have.
 */
const KINDS = {
  token: {
    kind: 'authorizer (REST TOKEN)',
    parse: (e: unknown) => APIGatewayTokenAuthorizerEventSchema.parse(e),
  },
  request: {
    kind: 'authorizer (REST REQUEST)',
    parse: (e: unknown) => APIGatewayRequestAuthorizerEventSchema.parse(e),
  },
  v2: {
    kind: 'authorizer (HTTP API 2.0)',
    parse: (e: unknown) => APIGatewayRequestAuthorizerEventV2Schema.parse(e),
  },
  v1: { kind: 'authorizer (HTTP API 1.0)', parse: () => undefined },
  websocket: {
    kind: 'authorizer (WebSocket $connect)',
    parse: (e: unknown) =>
      APIGatewayProxyWebsocketEventSchema.parse({ ...(e as object), isBase64Encoded: false }),
  },
} as const;

const variants: readonly [string, keyof typeof KINDS, AuthorizerOptions][] = [
  ['REST TOKEN', 'token', {}],
  [
    'REST TOKEN, regional, own header',
    'token',
    { endpoint: 'regional', identitySources: ['method.request.header.X-Token'] },
  ],
  ['REST REQUEST', 'request', { type: 'request' }],
  [
    'REST REQUEST, query and stage sources',
    'request',
    {
      type: 'request',
      stage: 'v1',
      stageVariables: { env: 'live' },
      identitySources: ['method.request.querystring.key', 'stageVariables.env'],
    },
  ],
  ['HTTP API 2.0', 'v2', { payload: '2.0' }],
  [
    'HTTP API 2.0, stage, mtls',
    'v2',
    { payload: '2.0', stage: 'dev', mtls: true, identitySources: ['$request.header.X-Api-Key'] },
  ],
  ['HTTP API 1.0', 'v1', { payload: '1.0' }],
  ['HTTP API 1.0, custom domain', 'v1', { payload: '1.0', host: 'api.example.com', stage: 'prod' }],
];

const websocketCases: readonly [string, AuthorizerOptions][] = [
  ['default', {}],
  ['query token', { identitySources: ['route.request.querystring.token'], query: { room: 'a b' } }],
  [
    'headers and cookies',
    {
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
      ],
      cookies: { s: '1' },
      stage: 'live',
    },
  ],
];

async function expectValid(event: unknown, kind: keyof typeof KINDS): Promise<void> {
  const result = await checkEvent(event);
  expect(result.kind).toBe(KINDS[kind].kind);
  expect(result.problems).toEqual([]);
  KINDS[kind].parse(event);
}

describe('every request, every kind', () => {
  const cases = variants.flatMap(([name, kind, options]) =>
    requestCases.flatMap((request) =>
      SEEDS.map((seed) => [name, request.name, seed, kind, options, request] as const),
    ),
  );
  test.each(cases)('%s / %s / seed %s', async (_n, _r, seed, kind, options, request) => {
    const { name: _name, ...described } = request;
    // A route matches any path, so an HTTP API variant takes the request as it is.
    await expectValid(await authorizerEvent({ ...described, ...options, seed }), kind);
  });

  test.each(websocketCases.flatMap(([name, options]) => SEEDS.map((seed) => [name, seed, options] as const)))(
    'WebSocket $connect / %s / seed %s',
    async (_n, seed, options) => {
      await expectValid(await authorizerEvent({ ...options, api: 'websocket', seed }), 'websocket');
    },
  );
});

describe('--count 200 --ndjson through the CLI', () => {
  const runs: readonly [string, keyof typeof KINDS, string[]][] = [
    ['REST TOKEN', 'token', ['--path', '/orders/7', '--method', 'DELETE']],
    ['REST REQUEST', 'request', ['--type', 'request', '--resource', '/users/{id}']],
    ['HTTP API 2.0', 'v2', ['--payload', '2.0', '--route', 'GET /items/{id}', '--query', 'q=a+b']],
    ['HTTP API 1.0', 'v1', ['--payload', '1.0', '--cookie', 'session=abc', '--stage-variable', 'env=dev']],
    [
      'WebSocket',
      'websocket',
      ['--api', 'websocket', '--identity-source', 'route.request.querystring.token'],
    ],
  ];
  test.each(
    runs.flatMap(([name, kind, args]) => [1, 'ndjson'].map((seed) => [name, seed, kind, args] as const)),
  )('%s, seed %s', async (_name, seed, kind, args) => {
    const result = await runCli([
      'authorizer',
      ...args,
      '--count',
      '200',
      '--ndjson',
      '--seed',
      String(seed),
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    const ids = new Set<string>();
    for (const line of lines) {
      const event = JSON.parse(line);
      await expectValid(event, kind);
      ids.add(JSON.stringify(event.requestContext?.requestId ?? event.authorizationToken));
    }
    // Independent events: fresh request ids (TOKEN inputs: the same run's token on every request).
    expect(ids.size).toBe(kind === 'token' ? 1 : 200);
  });
});
