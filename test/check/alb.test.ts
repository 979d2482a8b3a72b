import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { albEvent } from '../../src/index.js';
import { type Editable, expectBroken } from './helpers.js';

let single: Editable;
let multi: Editable;
let binary: Editable;

beforeAll(async () => {
  single = await albEvent({ path: '/x?a=1', json: { a: 1 }, seed: 1 });
  multi = await albEvent({ path: '/x?a=1&a=2', multiValue: true, seed: 1 });
  binary = await albEvent({ body: Uint8Array.from([0, 255]), contentType: 'image/png', seed: 1 });
});

const SINGLE = 'alb (single-value)';
const MULTI = 'alb (multi-value)';

describe('ALB checker rules', () => {
  test('requestContext holds only elb', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.requestContext.requestId = 'x';
      },
      'requestContext',
      /only elb/,
    ));
  test('targetGroupArn is a target group ARN', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.requestContext.elb.targetGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/b';
      },
      'requestContext.elb.targetGroupArn',
      /target group ARN/,
    ));
  test('httpMethod is uppercase', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.httpMethod = 'post';
      },
      'httpMethod',
      /uppercase/,
    ));
  test('path starts with /', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.path = 'x';
      },
      'path',
      /starts with/,
    ));
  test('no API Gateway fields', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.pathParameters = null;
      },
      'pathParameters',
      /no pathParameters/,
    ));
  test('single and multi-value maps never together', () =>
    expectBroken(
      multi,
      MULTI,
      (e) => {
        e.headers = {};
      },
      'headers',
      /multi-value mode has no headers/,
    ));
  test('the single-value query map is present, {} when empty', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        delete e.queryStringParameters;
      },
      'queryStringParameters',
      /map of strings/,
    ));
  test('header names are lowercase', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.headers['X-Custom'] = '1';
      },
      'headers["X-Custom"]',
      /lowercase/,
    ));
  test('multi-value header names are lowercase', () =>
    expectBroken(
      multi,
      MULTI,
      (e) => {
        e.multiValueHeaders.Accept = ['*/*'];
      },
      'multiValueHeaders["Accept"]',
      /lowercase/,
    ));
  test('multi-value entries are non-empty arrays', () =>
    expectBroken(
      multi,
      MULTI,
      (e) => {
        e.multiValueQueryStringParameters.a = [];
      },
      'multiValueQueryStringParameters',
      /non-empty/,
    ));
  test('the body is a string, "" when empty', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.body = null;
      },
      'body',
      /""/,
    ));
  test('base64 follows the content type', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.isBase64Encoded = true;
        e.body = Buffer.from(e.body).toString('base64');
      },
      'isBase64Encoded',
      /rule/,
    ));
  test('a binary type is base64', () =>
    expectBroken(
      binary,
      SINGLE,
      (e) => {
        e.isBase64Encoded = false;
      },
      'isBase64Encoded',
      /rule/,
    ));
  test('a base64 body is valid base64', () =>
    expectBroken(
      binary,
      SINGLE,
      (e) => {
        e.body = 'not base64!';
      },
      'body',
      /valid base64/,
    ));
  test('an empty body is not base64', () =>
    expectBroken(
      multi,
      MULTI,
      (e) => {
        e.isBase64Encoded = true;
      },
      'isBase64Encoded',
      /empty body/,
    ));
  test('content-length is the body length', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.body = '{"a":12}';
      },
      'headers["content-length"]',
      /length of the body/,
    ));
  test('the trace header is Root=1-…', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.headers['x-amzn-trace-id'] = 'Root=1-abc';
      },
      'headers["x-amzn-trace-id"]',
      /Root=1-/,
    ));
  test('ALB adds x-forwarded-for', () =>
    expectBroken(
      multi,
      MULTI,
      (e) => {
        delete e.multiValueHeaders['x-forwarded-for'];
      },
      'multiValueHeaders["x-forwarded-for"]',
      /x-forwarded-for/,
    ));
  test('ALB adds x-forwarded-port', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.headers['x-forwarded-port'] = 'https';
      },
      'headers["x-forwarded-port"]',
      /x-forwarded-port/,
    ));
  test('ALB adds x-forwarded-proto', () =>
    expectBroken(
      single,
      SINGLE,
      (e) => {
        e.headers['x-forwarded-proto'] = 'ftp';
      },
      'headers["x-forwarded-proto"]',
      /x-forwarded-proto/,
    ));

  test('a health check needs no forwarding headers', () => {
    const event = structuredClone(single);
    event.headers = { 'user-agent': 'ELB-HealthChecker/2.0' };
    event.body = '';
    event.httpMethod = 'GET';
    expect(checkEvent(event).problems).toEqual([]);
  });
});
