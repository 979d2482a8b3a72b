import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { albEvent } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { PNG } from './http/cases.js';

const TIME = '2024-06-17T14:48:13.506Z';

describe('alb', () => {
  test('never decodes the query; single-value mode keeps the last value', async () => {
    const event = await albEvent({ path: '/x?x=foo%3Dbar&plus=a+b&t=1&t=2&caf%C3%A9=1', seed: 1 });
    expect(event.queryStringParameters).toEqual({ x: 'foo%3Dbar', plus: 'a+b', t: '2', 'caf%C3%A9': '1' });
  });

  test('multi-value mode keeps every value, and has only the multi-value pair', async () => {
    const event = await albEvent({
      path: '/x?t=1&t=2',
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
      ],
      multiValue: true,
      seed: 1,
    });
    expect(Object.keys(event)).toEqual([
      'requestContext',
      'httpMethod',
      'path',
      'multiValueQueryStringParameters',
      'multiValueHeaders',
      'body',
      'isBase64Encoded',
    ]);
    expect(event.multiValueQueryStringParameters).toEqual({ t: ['1', '2'] });
    expect(event.multiValueHeaders?.['x-tag']).toEqual(['a', 'b']);
  });

  test('single-value mode: the pair of maps in real key order, {} for no query, "" for no body', async () => {
    const event = await albEvent({
      path: '/',
      headers: [
        ['X-Tag', 'a'],
        ['X-Tag', 'b'],
      ],
      seed: 2,
    });
    expect(Object.keys(event)).toEqual([
      'requestContext',
      'httpMethod',
      'path',
      'queryStringParameters',
      'headers',
      'body',
      'isBase64Encoded',
    ]);
    expect(event.queryStringParameters).toEqual({});
    expect(event.headers?.['x-tag']).toBe('b');
    expect(event).toMatchObject({ httpMethod: 'GET', body: '', isBase64Encoded: false });
  });

  test('lowercases names, keeps the cookie header, appends the client to X-Forwarded-For', async () => {
    const event = await albEvent({
      headers: { 'X-Custom-Header': 'V', 'X-Forwarded-For': '10.1.2.3' },
      cookies: { a: '1', b: '2' },
      sourceIp: '203.0.113.7',
      userAgent: 'curl/8.5.0',
      host: 'shop.example.com',
      time: TIME,
      seed: 3,
    });
    const headers = event.headers ?? {};
    expect(headers['x-custom-header']).toBe('V');
    expect(headers.cookie).toBe('a=1; b=2');
    expect(headers['x-forwarded-for']).toBe('10.1.2.3, 203.0.113.7');
    expect(headers.host).toBe('shop.example.com');
    expect(headers['user-agent']).toBe('curl/8.5.0');
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-66704cad-[0-9a-f]{24}$/);
    expect(Object.keys(headers)).toEqual([...Object.keys(headers)].sort());
  });

  test.each([
    ['image/png', undefined, true, PNG],
    ['application/json', undefined, false, '{"a":1}'],
    ['text/csv; charset=utf-8', undefined, false, 'a,b'],
    ['application/x-www-form-urlencoded', undefined, true, 'a=b'],
    ['application/json', 'gzip', true, '{"a":1}'],
  ])('%s body (content-encoding %s) is base64: %s', async (contentType, encoding, base64, body) => {
    const event = await albEvent({
      body,
      contentType,
      headers: encoding ? { 'Content-Encoding': encoding } : {},
      seed: 4,
    });
    expect(event.isBase64Encoded).toBe(base64);
    expect(event.body).toBe(Buffer.from(body).toString(base64 ? 'base64' : 'utf8'));
    expect(event.httpMethod).toBe('POST');
  });

  test('a target group ARN sets the region and account', async () => {
    const arn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api-tg/0123456789abcdef';
    const event = await albEvent({ targetGroup: arn, seed: 5 });
    expect(event.requestContext.elb.targetGroupArn).toBe(arn);
    expect(event.headers?.host).toMatch(/^[a-z-]+-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
    await expect(albEvent({ targetGroup: arn, region: 'us-east-1' })).rejects.toThrow(UsageError);
  });

  test('a target group name gets an ARN in the run account and region', async () => {
    const event = await albEvent({
      targetGroup: 'orders',
      region: 'cn-north-1',
      accountId: '210987654321',
      seed: 6,
    });
    expect(event.requestContext.elb.targetGroupArn).toMatch(
      /^arn:aws-cn:elasticloadbalancing:cn-north-1:210987654321:targetgroup\/orders\/[0-9a-f]{16}$/,
    );
    await expect(albEvent({ targetGroup: '-bad-' })).rejects.toThrow(UsageError);
  });

  test('warns about a body over the 1 MB ALB limit', async () => {
    const warnings: string[] = [];
    await albEvent({ body: 'x'.repeat(1024 * 1024 + 1), onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      'the body is 1048577 bytes; ALB refuses bodies over 1048576 bytes for Lambda targets',
    ]);
    const underLimit: string[] = [];
    await albEvent({ body: 'x'.repeat(1024 * 1024), onWarning: (w) => underLimit.push(w) });
    expect(underLimit).toEqual([]);
  });

  test('the CLI refuses a header name with a space', async () => {
    const result = await runCli(['alb', '--header', 'X Bad: 1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "gen-event: --header name 'X Bad' is not a valid header name (use letters, digits and the symbols an HTTP token allows (no spaces or colons), e.g. X-Request-Id)\n",
    );
  });
});
