import type {
  AlbOptions,
  ApigwV1Options,
  ApigwV2Options,
  FunctionUrlOptions,
  HttpRequestOptions,
} from '../../../src/index.js';

/**
 * Requests the HTTP tests describe to every source: methods, paths with escapes and non-ASCII,
 * repeated query keys and headers, cookies, and JSON, form, text and binary bodies.
 */
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);

export const requestCases: readonly (HttpRequestOptions & { name: string })[] = [
  { name: 'default GET' },
  { name: 'root', path: '/' },
  { name: 'encoded query', path: '/search?x=foo%3Dbar&plus=a+b&q=caf%C3%A9&tag=a&tag=b%2Fc', method: 'get' },
  {
    name: 'repeated --query',
    path: '/orders',
    query: [
      ['status', 'open'],
      ['status', 'late'],
      ['q', 'a b&c'],
    ],
  },
  { name: 'path escapes', path: '/users/José Smith/test%2Balias@x.com', method: 'DELETE' },
  { name: 'double slash', path: '/files//reports/2024.pdf', method: 'HEAD' },
  {
    name: 'repeated headers',
    path: '/h',
    headers: [
      ['X-Trace-Tag', 'a'],
      ['x-trace-tag', 'b'],
      ['Accept-Language', 'fr'],
      ['X-Forwarded-For', '10.1.2.3'],
    ],
    method: 'OPTIONS',
  },
  {
    name: 'cookies',
    path: '/account',
    cookies: [
      ['session', 'abc123'],
      ['theme', 'dark'],
    ],
    headers: { Cookie: 'lang=en' },
  },
  { name: 'json', path: '/orders', json: { orderId: 42, note: 'ünïcode ✓' }, sourceIp: '2001:db8::7' },
  {
    name: 'form',
    path: '/login',
    method: 'PUT',
    form: [
      ['user', 'jane doe'],
      ['tag', 'a'],
      ['tag', 'b'],
    ],
  },
  { name: 'text', path: '/notes', body: 'hello\nworld', method: 'PATCH', userAgent: 'curl/8.5.0' },
  { name: 'binary', path: '/upload', body: PNG, contentType: 'image/png' },
  {
    name: 'gzip json',
    path: '/ingest',
    body: PNG,
    contentType: 'application/json',
    headers: { 'Content-Encoding': 'gzip' },
  },
  { name: 'empty body', path: '/ping', method: 'POST', body: '' },
];

type Variant<Options> = { name: string; options: (c: HttpRequestOptions) => Options };

export const albVariants: readonly Variant<AlbOptions>[] = [
  { name: 'single-value', options: (c) => c },
  { name: 'multi-value', options: (c) => ({ ...c, multiValue: true }) },
  {
    name: 'target group ARN',
    options: (c) => ({
      ...c,
      targetGroup: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api-tg/0123456789abcdef',
    }),
  },
];

export const apigwV1Variants: readonly Variant<ApigwV1Options>[] = [
  { name: 'no authorizer, edge', options: (c) => c },
  {
    name: 'regional, stage variables',
    options: (c) => ({ ...c, endpoint: 'regional', stage: 'v1', stageVariables: { alias: 'live' } }),
  },
  {
    name: 'cognito',
    options: (c) => ({
      ...c,
      authorizer: 'cognito',
      claims: { email: 'jane@example.com', exp: '1893456000' },
    }),
  },
  {
    name: 'lambda',
    options: (c) => ({
      ...c,
      authorizer: 'lambda',
      principalId: 'user-7',
      authorizerContext: { tenant: 'acme', admin: true },
    }),
  },
  { name: 'iam', options: (c) => ({ ...c, authorizer: 'iam' }) },
  {
    name: 'binary media types',
    options: (c) => ({ ...c, binaryMediaTypes: ['image/*', 'application/x-www-form-urlencoded'] }),
  },
  { name: 'custom domain', options: (c) => ({ ...c, host: 'api.example.com' }) },
  {
    name: 'resource with a variable',
    options: (c) =>
      c.path === undefined || /^\/[^/?]+\/[^/?]+$/.test(c.path) ? { ...c, resource: '/{kind}/{id}' } : c,
  },
];

export const apigwV2Variants: readonly Variant<ApigwV2Options>[] = [
  { name: 'no authorizer', options: (c) => c },
  {
    name: 'jwt id token',
    options: (c) => ({ ...c, authorizer: 'jwt', claims: { email: 'jane@example.com' } }),
  },
  {
    name: 'jwt access token',
    options: (c) => ({ ...c, authorizer: 'jwt', scopes: ['orders/read', 'orders/write'] }),
  },
  { name: 'lambda, no context', options: (c) => ({ ...c, authorizer: 'lambda' }) },
  {
    name: 'lambda with context',
    options: (c) => ({ ...c, authorizer: 'lambda', authorizerContext: { tenant: 'acme', level: 3 } }),
  },
  { name: 'iam', options: (c) => ({ ...c, authorizer: 'iam' }) },
  {
    name: 'mtls, named stage',
    options: (c) => ({ ...c, mtls: true, stage: 'dev', stageVariables: { table: 'orders-dev' } }),
  },
  { name: 'ANY route', options: (c) => (c.path === '/' ? c : { ...c, route: 'ANY /{proxy+}' }) },
  { name: 'custom domain, stage', options: (c) => ({ ...c, host: 'api.example.com', stage: 'prod' }) },
];

export const functionUrlVariants: readonly Variant<FunctionUrlOptions>[] = [
  { name: 'AuthType NONE', options: (c) => c },
  { name: 'AuthType AWS_IAM', options: (c) => ({ ...c, auth: 'iam' }) },
  {
    name: 'own host',
    options: (c) => ({ ...c, host: 'zgwm4gp75oy53poez7iz64e2ze0ajmlm.lambda-url.eu-central-1.on.aws' }),
  },
];

export const SEEDS = [1, 2, 'checkout'] as const;
