import * as schemas from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { UsageError } from '../../../src/core/errors.js';
import { cloudfrontEvent } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { testCommonOptions } from '../../helpers/common-options.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

const VIA = /^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/;
const CONFIG_KEYS = ['distributionDomainName', 'distributionId', 'eventType', 'requestId'];
const CUSTOM_KEYS = [
  'customHeaders',
  'domainName',
  'keepaliveTimeout',
  'path',
  'port',
  'protocol',
  'readTimeout',
  'sslProtocols',
];
const S3_KEYS = ['authMethod', 'customHeaders', 'domainName', 'path', 'region'];

const decode = (data: string) => Buffer.from(data, 'base64');

test('Powertools has no Lambda@Edge schema, so shapes are held to the spec key lists below', () => {
  const names = Object.keys(schemas).filter((name) => /cloudfront|edge/i.test(name));
  expect(names).toEqual([]);
});

describe('the keys each event type has, in order (FORMATS-api-identity §4.1-§4.3)', () => {
  test('viewer-request: config and the request as the viewer sent it', async () => {
    const event = await cloudfrontEvent({
      userAgent: 'curl/7.66.0',
      sourceIp: '203.0.113.178',
      path: '/',
      seed: 1,
    });
    expect(Object.keys(event)).toEqual(['Records']);
    expect(event.Records).toHaveLength(1);
    const { cf } = event.Records[0] as (typeof event.Records)[0];
    expect(Object.keys(cf)).toEqual(['config', 'request']);
    expect(Object.keys(cf.config)).toEqual(CONFIG_KEYS);
    expect(cf.config.eventType).toBe('viewer-request');
    expect(cf.config.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(cf.config.distributionId).toMatch(/^E[A-Z0-9]{13}$/);
    expect(cf.config.requestId).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(Object.keys(cf.request)).toEqual(['clientIp', 'headers', 'method', 'querystring', 'uri']);
    // The documentation's own viewer-request, but for the distribution's host.
    expect(cf.request).toStrictEqual({
      clientIp: '203.0.113.178',
      headers: {
        host: [{ key: 'Host', value: cf.config.distributionDomainName }],
        'user-agent': [{ key: 'User-Agent', value: 'curl/7.66.0' }],
        accept: [{ key: 'Accept', value: '*/*' }],
      },
      method: 'GET',
      querystring: '',
      uri: '/',
    });
  });

  test('origin-request to a custom origin: what CloudFront sends the origin', async () => {
    const event = await cloudfrontEvent({
      eventType: 'origin-request',
      sourceIp: '203.0.113.178',
      seed: 2,
    });
    const { request } = (event.Records[0] as (typeof event.Records)[0]).cf;
    expect(Object.keys(request)).toEqual(['clientIp', 'headers', 'method', 'origin', 'querystring', 'uri']);
    expect(Object.keys(request.origin ?? {})).toEqual(['custom']);
    const custom = request.origin?.custom;
    expect(Object.keys(custom ?? {})).toEqual(CUSTOM_KEYS);
    expect(custom).toMatchObject({
      customHeaders: {},
      keepaliveTimeout: 5,
      path: '',
      port: 443,
      protocol: 'https',
      readTimeout: 30,
      sslProtocols: ['TLSv1.2'],
    });
    expect(Object.keys(request.headers)).toEqual(['x-forwarded-for', 'user-agent', 'via', 'host']);
    expect(request.headers['x-forwarded-for']).toStrictEqual([
      { key: 'X-Forwarded-For', value: '203.0.113.178' },
    ]);
    expect(request.headers['user-agent']).toStrictEqual([{ key: 'User-Agent', value: 'Amazon CloudFront' }]);
    expect(request.headers.via?.[0]?.value).toMatch(VIA);
    expect(request.headers.host).toStrictEqual([{ key: 'Host', value: custom?.domainName }]);
  });

  test('origin-request to an S3 origin: an origin access identity names the region', async () => {
    const event = await cloudfrontEvent({
      eventType: 'origin-request',
      origin: 's3',
      region: 'eu-west-1',
      seed: 3,
    });
    const { request } = (event.Records[0] as (typeof event.Records)[0]).cf;
    const s3 = request.origin?.s3;
    expect(Object.keys(s3 ?? {})).toEqual(S3_KEYS);
    expect(s3?.authMethod).toBe('origin-access-identity');
    expect(s3?.domainName).toMatch(/^[a-z]+-[a-z0-9]{8}\.s3\.eu-west-1\.amazonaws\.com$/);
    expect(s3?.region).toBe('eu-west-1');
    expect(request.headers.host?.[0]?.value).toBe(s3?.domainName);
  });

  test('origin-response: the request keeps its origin, the response its headers and string status', async () => {
    const event = await cloudfrontEvent({ eventType: 'origin-response', status: 404, seed: 4 });
    const { cf } = event.Records[0] as (typeof event.Records)[0];
    expect(Object.keys(cf)).toEqual(['config', 'request', 'response']);
    expect(Object.keys(cf.request)).toEqual([
      'clientIp',
      'headers',
      'method',
      'origin',
      'querystring',
      'uri',
    ]);
    expect(Object.keys(cf.response)).toEqual(['headers', 'status', 'statusDescription']);
    expect(cf.response.status).toBe('404');
    expect(cf.response.statusDescription).toBe('Not Found');
    expect(Object.keys(cf.response.headers)).toEqual([
      'date',
      'server',
      'cache-control',
      'x-content-type-options',
      'content-type',
      'content-length',
    ]);
    expect(cf.response.headers['content-type']).toStrictEqual([
      { key: 'Content-Type', value: 'text/html; charset=utf-8' },
    ]);
    expect(cf.response.headers.date?.[0]?.value).toBe(
      new Date(Date.parse(cf.response.headers.date?.[0]?.value ?? '')).toUTCString(),
    );
  });

  test('viewer-response: no origin, the cached copy’s Age; a 304 has no body headers', async () => {
    const event = await cloudfrontEvent({ eventType: 'viewer-response', status: 304, seed: 5 });
    const { cf } = event.Records[0] as (typeof event.Records)[0];
    expect(Object.keys(cf.request)).toEqual(['clientIp', 'headers', 'method', 'querystring', 'uri']);
    expect(cf.response.status).toBe('304');
    expect(cf.response.statusDescription).toBe('Not Modified');
    expect(Object.keys(cf.response.headers)).toEqual([
      'date',
      'server',
      'cache-control',
      'x-content-type-options',
      'age',
    ]);
    expect(cf.response.headers.age?.[0]?.value).toMatch(/^\d+$/);
  });

  test('S3 origin responses carry S3’s own headers', async () => {
    const event = await cloudfrontEvent({ eventType: 'origin-response', origin: 's3', seed: 6 });
    const { response } = (event.Records[0] as (typeof event.Records)[0]).cf;
    expect(Object.keys(response.headers)).toEqual([
      'x-amz-id-2',
      'x-amz-request-id',
      'date',
      'last-modified',
      'etag',
      'accept-ranges',
      'server',
      'content-type',
      'content-length',
    ]);
    expect(response.headers.server).toStrictEqual([{ key: 'Server', value: 'AmazonS3' }]);
    expect(response.headers.etag?.[0]?.value).toMatch(/^"[0-9a-f]{32}"$/);
  });
});

describe('the request described as in the HTTP sources', () => {
  test('repeated headers: one {key, value} per line, keys as sent, under the lowercase name', async () => {
    const event = await cloudfrontEvent({
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
      ],
      seed: 7,
    });
    expect((event.Records[0] as (typeof event.Records)[0]).cf.request.headers['x-tag']).toStrictEqual([
      { key: 'X-Tag', value: 'a' },
      { key: 'x-tag', value: 'b' },
    ]);
  });

  test('querystring without ?, as sent; uri as sent; cookies in one Cookie header', async () => {
    const event = await oneEvent<{
      Records: { cf: { request: { querystring: string; uri: string; headers: Record<string, unknown> } } }[];
    }>([
      'cloudfront',
      '--path',
      '/a%20b?x=1',
      '--query',
      'y=2 3',
      '--cookie',
      'a=1',
      '--cookie',
      'b=2',
      '--seed',
      '8',
    ]);
    const request = event.Records[0]?.cf.request;
    expect(request?.querystring).toBe('x=1&y=2%203');
    expect(request?.uri).toBe('/a%20b');
    expect(request?.headers.cookie).toStrictEqual([{ key: 'Cookie', value: 'a=1; b=2' }]);
  });

  test('origin events forward the typed headers and cookies, not the client’s usual ones; --user-agent is forwarded', async () => {
    const event = await cloudfrontEvent({
      eventType: 'origin-request',
      headers: { 'X-Api-Key': 'k', 'X-Forwarded-For': '198.51.100.1' },
      cookies: { session: 's1' },
      userAgent: 'curl/8.5.0',
      sourceIp: '203.0.113.9',
      seed: 9,
    });
    const { headers } = (event.Records[0] as (typeof event.Records)[0]).cf.request;
    expect(Object.keys(headers)).toEqual([
      'x-forwarded-for',
      'user-agent',
      'via',
      'host',
      'cookie',
      'x-api-key',
    ]);
    expect(headers['x-forwarded-for']).toStrictEqual([
      { key: 'X-Forwarded-For', value: '198.51.100.1, 203.0.113.9' },
    ]);
    expect(headers['user-agent']).toStrictEqual([{ key: 'User-Agent', value: 'curl/8.5.0' }]);
  });

  test('--cloudfront-headers: the CloudFront-* viewer headers on origin events', async () => {
    const event = await cloudfrontEvent({
      eventType: 'origin-request',
      cloudFrontHeaders: true,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148',
      seed: 10,
    });
    const { headers } = (event.Records[0] as (typeof event.Records)[0]).cf.request;
    expect(headers['cloudfront-is-mobile-viewer']).toStrictEqual([
      { key: 'CloudFront-Is-Mobile-Viewer', value: 'true' },
    ]);
    expect(headers['cloudfront-is-desktop-viewer']?.[0]?.value).toBe('false');
    expect(headers['cloudfront-viewer-country']?.[0]?.value).toMatch(/^[A-Z]{2}$/);
    expect(headers['cloudfront-forwarded-proto']).toStrictEqual([
      { key: 'CloudFront-Forwarded-Proto', value: 'https' },
    ]);
  });
});

describe('Include body (FORMATS-api-identity §4.2)', () => {
  test('base64, read-only, not truncated under the limit; absent without the option', async () => {
    const event = await cloudfrontEvent({ method: 'POST', body: 'a=1&b=2', includeBody: true, seed: 11 });
    const { request } = (event.Records[0] as (typeof event.Records)[0]).cf;
    expect(request.body).toStrictEqual({
      inputTruncated: false,
      action: 'read-only',
      encoding: 'base64',
      data: 'YT0xJmI9Mg==',
    });
    expect(request.headers['content-length']).toStrictEqual([{ key: 'Content-Length', value: '7' }]);
    const without = await cloudfrontEvent({ method: 'POST', body: 'a=1&b=2', seed: 11 });
    expect(Object.keys((without.Records[0] as (typeof event.Records)[0]).cf.request)).not.toContain('body');
  });

  test('viewer requests are cut at 40 KB, origin requests at 1 MB', async () => {
    const viewerBody = 'v'.repeat(40 * 1024 + 1);
    const viewer = await cloudfrontEvent({ method: 'PUT', body: viewerBody, includeBody: true, seed: 12 });
    const vb = (viewer.Records[0] as (typeof viewer.Records)[0]).cf.request.body;
    expect(vb?.inputTruncated).toBe(true);
    expect(decode(vb?.data ?? '').toString()).toBe('v'.repeat(40 * 1024));
    const exact = await cloudfrontEvent({
      method: 'PUT',
      body: 'v'.repeat(40 * 1024),
      includeBody: true,
      seed: 12,
    });
    expect((exact.Records[0] as (typeof viewer.Records)[0]).cf.request.body?.inputTruncated).toBe(false);
    const origin = await cloudfrontEvent({
      eventType: 'origin-request',
      method: 'PUT',
      body: 'o'.repeat(1024 * 1024 + 5),
      includeBody: true,
      seed: 12,
    });
    const ob = (origin.Records[0] as (typeof origin.Records)[0]).cf.request.body;
    expect(ob?.inputTruncated).toBe(true);
    expect(decode(ob?.data ?? '').length).toBe(1024 * 1024);
    expect((await checkEvent(origin)).problems).toEqual([]);
  });

  test('a bodiless GET with Include body on gets an empty body (UNCONFIRMED, documented choice)', async () => {
    const event = await cloudfrontEvent({ includeBody: true, seed: 13 });
    expect((event.Records[0] as (typeof event.Records)[0]).cf.request.body).toStrictEqual({
      inputTruncated: false,
      action: 'read-only',
      encoding: 'base64',
      data: '',
    });
  });
});

describe('matrix: event types x origins x seeds, --count 200 --ndjson through the CLI, checked with zero problems', () => {
  const cases: string[][] = [
    ['--event-type', 'viewer-request'],
    ['--event-type', 'viewer-request', '--method', 'POST', '--json', '{"a":1}', '--include-body'],
    ['--event-type', 'origin-request', '--origin', 'custom'],
    [
      '--event-type',
      'origin-request',
      '--origin',
      's3',
      '--include-body',
      '--body',
      'x=1',
      '--cloudfront-headers',
    ],
    ['--event-type', 'origin-response', '--origin', 'custom', '--status', '503'],
    ['--event-type', 'origin-response', '--origin', 's3'],
    ['--event-type', 'viewer-response', '--response-header', 'X-Frame-Options: DENY'],
  ];
  const rows = cases.flatMap((args) => ['1', 'edge-2'].map((seed) => [args.join(' '), seed, args] as const));
  test.each(rows)('%s --seed %s', async (_name, seed, args) => {
    const events = await ndjsonEvents(['cloudfront', ...args, '--seed', seed]);
    const ids = new Set<string>();
    for (const event of events) {
      expect(await checkEvent(event)).toEqual({ kind: 'cloudfront', problems: [] });
      ids.add(
        (event as { Records: { cf: { config: { requestId: string } } }[] }).Records[0]?.cf.config.requestId ??
          '',
      );
    }
    // One distribution for the run; a new edge request id per event.
    expect(ids.size).toBe(200);
  });
});

describe('determinism and common options', () => {
  test('same seed, same bytes; the alias edge is the same source', async () => {
    const a = await runCli(['cloudfront', '--event-type', 'origin-request', '--seed', 's']);
    const b = await runCli(['edge', '--event-type', 'origin-request', '--seed', 's']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  test('--set edits the event last', async () => {
    const event = await oneEvent<{ Records: { cf: { request: { uri: string } } }[] }>([
      'cloudfront',
      '--set',
      'Records[0].cf.request.uri=/changed',
      '--seed',
      '1',
    ]);
    expect(event.Records[0]?.cf.request.uri).toBe('/changed');
  });

  test('the library refuses an option for the wrong event type', async () => {
    await expect(cloudfrontEvent({ status: 200 })).rejects.toThrow(UsageError);
    await expect(cloudfrontEvent({ eventType: 'viewer-response', includeBody: true })).rejects.toThrow(
      /--include-body is for request events/,
    );
  });
});

describe('common options', () => {
  testCommonOptions(
    'cloudfront',
    'cloudfront',
    ['--event-type', 'origin-response'],
    'Records[0].cf.request.uri',
  );
});
