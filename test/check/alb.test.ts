import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { albEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.single = await albEvent({ path: '/x?a=1', json: { a: 1 }, seed: 1 });
  bases.multi = await albEvent({ path: '/x?a=1&a=2', multiValue: true, seed: 1 });
  bases.binary = await albEvent({ body: Uint8Array.from([0, 255]), contentType: 'image/png', seed: 1 });
});

describe('ALB single-value checker rules', () => {
  testBrokenRules('alb (single-value)', bases, [
    [
      'requestContext holds only elb',
      'single',
      { 'requestContext.requestId': 'x' },
      'requestContext',
      /only elb/,
    ],
    [
      'targetGroupArn is a target group ARN',
      'single',
      { 'requestContext.elb.targetGroupArn': 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/b' },
      'requestContext.elb.targetGroupArn',
      /target group ARN/,
    ],
    ['httpMethod is uppercase', 'single', { httpMethod: 'post' }, 'httpMethod', /uppercase/],
    ['path starts with /', 'single', { path: 'x' }, 'path', /starts with/],
    ['no API Gateway fields', 'single', { pathParameters: null }, 'pathParameters', /no pathParameters/],
    [
      'the query map is present, {} when empty',
      'single',
      { queryStringParameters: REMOVED },
      'queryStringParameters',
      /map of strings/,
    ],
    [
      'header names are lowercase',
      'single',
      { 'headers["X-Custom"]': '1' },
      'headers["X-Custom"]',
      /lowercase/,
    ],
    ['the body is a string, "" when empty', 'single', { body: null }, 'body', /""/],
    [
      'base64 follows the content type',
      'single',
      (e) => {
        e.isBase64Encoded = true;
        e.body = Buffer.from(e.body).toString('base64');
      },
      'isBase64Encoded',
      /rule/,
    ],
    ['a binary type is base64', 'binary', { isBase64Encoded: false }, 'isBase64Encoded', /rule/],
    ['a base64 body is valid base64', 'binary', { body: 'not base64!' }, 'body', /valid base64/],
    [
      'content-length is the body length',
      'single',
      { body: '{"a":12}' },
      'headers["content-length"]',
      /length of the body/,
    ],
    [
      'the trace header is Root=1-…',
      'single',
      { 'headers["x-amzn-trace-id"]': 'Root=1-abc' },
      'headers["x-amzn-trace-id"]',
      /Root=1-/,
    ],
    [
      'ALB adds x-forwarded-port',
      'single',
      { 'headers["x-forwarded-port"]': 'https' },
      'headers["x-forwarded-port"]',
      /x-forwarded-port/,
    ],
    [
      'ALB adds x-forwarded-proto',
      'single',
      { 'headers["x-forwarded-proto"]': 'ftp' },
      'headers["x-forwarded-proto"]',
      /x-forwarded-proto/,
    ],
  ]);

  test('a health check needs no forwarding headers', async () => {
    const event = {
      ...structuredClone(bases.single),
      headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
      body: '',
      httpMethod: 'GET',
    };
    expect((await checkEvent(event)).problems).toEqual([]);
  });
});

describe('ALB multi-value checker rules', () => {
  testBrokenRules('alb (multi-value)', bases, [
    [
      'single and multi-value maps never together',
      'multi',
      { headers: {} },
      'headers',
      /multi-value mode has no headers/,
    ],
    [
      'header names are lowercase',
      'multi',
      { 'multiValueHeaders.Accept': ['*/*'] },
      'multiValueHeaders["Accept"]',
      /lowercase/,
    ],
    [
      'entries are non-empty arrays',
      'multi',
      { 'multiValueQueryStringParameters.a': [] },
      'multiValueQueryStringParameters',
      /non-empty/,
    ],
    ['an empty body is not base64', 'multi', { isBase64Encoded: true }, 'isBase64Encoded', /empty body/],
    [
      'ALB adds x-forwarded-for',
      'multi',
      { 'multiValueHeaders["x-forwarded-for"]': REMOVED },
      'multiValueHeaders["x-forwarded-for"]',
      /x-forwarded-for/,
    ],
  ]);
});
