import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { cloudfrontEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};
const R = 'Records[0].cf.request';

beforeAll(async () => {
  bases.viewer = await cloudfrontEvent({ seed: 1 });
  bases.body = await cloudfrontEvent({ method: 'POST', body: 'a=1', includeBody: true, seed: 1 });
  bases.custom = await cloudfrontEvent({ eventType: 'origin-request', seed: 1 });
  bases.s3 = await cloudfrontEvent({ eventType: 'origin-request', origin: 's3', seed: 1 });
  bases.originResponse = await cloudfrontEvent({ eventType: 'origin-response', seed: 1 });
  bases.viewerResponse = await cloudfrontEvent({ eventType: 'viewer-response', seed: 1 });
});

describe('Lambda@Edge checker rules', () => {
  testBrokenRules('cloudfront', bases, [
    [
      'exactly one record',
      'viewer',
      (e) => e.Records.push(structuredClone(e.Records[0])),
      'Records',
      /exactly one record/,
    ],
    [
      'distributionId casing',
      'viewer',
      (e) => {
        const c = e.Records[0].cf.config;
        c.distributionID = c.distributionId;
        delete c.distributionId;
      },
      'Records[0].cf.config',
      /config has these keys/,
    ],
    [
      'distribution host',
      'viewer',
      { 'Records[0].cf.config.distributionDomainName': 'example.com' },
      'Records[0].cf.config.distributionDomainName',
      /cloudfront\.net/,
    ],
    [
      'distribution id shape',
      'viewer',
      { 'Records[0].cf.config.distributionId': 'e123' },
      'Records[0].cf.config.distributionId',
      /distributionId is E/,
    ],
    [
      'request id shape',
      'viewer',
      { 'Records[0].cf.config.requestId': 'abc' },
      'Records[0].cf.config.requestId',
      /edge request id/,
    ],
    [
      'event type',
      'viewer',
      { 'Records[0].cf.config.eventType': 'viewer' },
      'Records[0].cf.config.eventType',
      /eventType is one of/,
    ],
    [
      'no response on request events',
      'viewer',
      { 'Records[0].cf.response': { headers: {}, status: '200', statusDescription: 'OK' } },
      'Records[0].cf',
      /viewer-request event holds these keys/,
    ],
    [
      'response events carry the response',
      'originResponse',
      { 'Records[0].cf.response': REMOVED },
      'Records[0].cf',
      /origin-response event holds these keys/,
    ],
    [
      'request key order',
      'viewer',
      (e) => {
        const { clientIp, ...rest } = e.Records[0].cf.request;
        e.Records[0].cf.request = { ...rest, clientIp };
      },
      R,
      /request has these keys, in this order/,
    ],
    [
      'origin on origin events only',
      'viewer',
      { [`${R}.origin`]: { custom: {} } },
      R,
      /request has these keys/,
    ],
    ['origin events carry the origin', 'custom', { [`${R}.origin`]: REMOVED }, R, /request has these keys/],
    [
      'header names are lowercase',
      'viewer',
      (e) => {
        e.Records[0].cf.request.headers.Accept = [{ key: 'Accept', value: '*/*' }];
      },
      `${R}.headers["Accept"]`,
      /lowercase/,
    ],
    [
      'headers are {key, value} arrays, not a plain map',
      'viewer',
      { [`${R}.headers.host`]: 'x.cloudfront.net' },
      `${R}.headers["host"]`,
      /non-empty array/,
    ],
    [
      'key agrees with the name',
      'viewer',
      { [`${R}.headers.host[0].key`]: 'User-Agent' },
      `${R}.headers["host"][0].key`,
      /not the header host/,
    ],
    [
      'value is a string',
      'viewer',
      { [`${R}.headers.host[0].value`]: 1 },
      `${R}.headers["host"][0].value`,
      /value is a string/,
    ],
    [
      'disallowed headers never appear',
      'viewer',
      { [`${R}.headers.x-cache`]: [{ key: 'X-Cache', value: 'Hit' }] },
      `${R}.headers["x-cache"]`,
      /neither shows/,
    ],
    [
      'one host header',
      'viewer',
      { [`${R}.headers.host`]: REMOVED },
      `${R}.headers["host"]`,
      /one host header/,
    ],
    [
      'no CloudFront-* headers on viewer-request',
      'viewer',
      { [`${R}.headers.cloudfront-viewer-country`]: [{ key: 'CloudFront-Viewer-Country', value: 'US' }] },
      `${R}.headers["cloudfront-viewer-country"]`,
      /no CloudFront-\* headers/,
    ],
    ['clientIp is an address', 'viewer', { [`${R}.clientIp`]: 'localhost' }, `${R}.clientIp`, /IPv4 or IPv6/],
    ['method is uppercase', 'viewer', { [`${R}.method`]: 'get' }, `${R}.method`, /uppercase/],
    ['uri starts with /', 'viewer', { [`${R}.uri`]: 'index.html' }, `${R}.uri`, /path from \//],
    [
      'querystring without ?',
      'viewer',
      { [`${R}.querystring`]: '?a=1' },
      `${R}.querystring`,
      /no leading \?/,
    ],
    ['URL length', 'viewer', { [`${R}.querystring`]: `a=${'x'.repeat(8200)}` }, `${R}.uri`, /under 8192/],
    [
      'Via on origin events',
      'custom',
      { [`${R}.headers.via[0].value`]: '1.1 abc.cloudfront.net (CloudFront)' },
      `${R}.headers["via"]`,
      /2\.0 <32 hex>/,
    ],
    [
      'X-Forwarded-For ends with clientIp',
      'custom',
      { [`${R}.clientIp`]: '198.51.100.7' },
      `${R}.headers["x-forwarded-for"]`,
      /appends the viewer address/,
    ],
    [
      'User-Agent on origin events',
      'custom',
      { [`${R}.headers.user-agent`]: REMOVED },
      `${R}.headers["user-agent"]`,
      /User-Agent/,
    ],
    [
      'exactly one origin',
      's3',
      (e) => {
        e.Records[0].cf.request.origin.custom = bases.custom?.Records[0].cf.request.origin.custom;
      },
      `${R}.origin`,
      /exactly one of custom or s3/,
    ],
    [
      'custom origin keys',
      'custom',
      { [`${R}.origin.custom.sslProtocols`]: REMOVED },
      `${R}.origin.custom`,
      /custom origin has these keys/,
    ],
    [
      'keepalive range',
      'custom',
      { [`${R}.origin.custom.keepaliveTimeout`]: 61 },
      `${R}.origin.custom.keepaliveTimeout`,
      /1 to 60/,
    ],
    [
      'port numbers',
      'custom',
      { [`${R}.origin.custom.port`]: 8 },
      `${R}.origin.custom.port`,
      /80, 443 or 1024-65535/,
    ],
    [
      'port is a number',
      'custom',
      { [`${R}.origin.custom.port`]: '443' },
      `${R}.origin.custom.port`,
      /port is a number/,
    ],
    [
      'protocol',
      'custom',
      { [`${R}.origin.custom.protocol`]: 'ftp' },
      `${R}.origin.custom.protocol`,
      /http or https/,
    ],
    [
      'read timeout',
      'custom',
      { [`${R}.origin.custom.readTimeout`]: 0 },
      `${R}.origin.custom.readTimeout`,
      /1 to 180/,
    ],
    [
      'origin path',
      'custom',
      { [`${R}.origin.custom.path`]: '/prefix/' },
      `${R}.origin.custom.path`,
      /no trailing slash|without a trailing slash/,
    ],
    [
      'ssl protocols',
      'custom',
      { [`${R}.origin.custom.sslProtocols`]: ['TLSv1.3'] },
      `${R}.origin.custom.sslProtocols`,
      /sslProtocols lists/,
    ],
    [
      'custom headers in the header format',
      'custom',
      { [`${R}.origin.custom.customHeaders`]: { 'X-Origin': 'a' } },
      `${R}.origin.custom.customHeaders["X-Origin"]`,
      /lowercase/,
    ],
    [
      's3 auth method',
      's3',
      { [`${R}.origin.s3.authMethod`]: 'oac' },
      `${R}.origin.s3.authMethod`,
      /origin-access-identity or none/,
    ],
    [
      's3 bucket host',
      's3',
      { [`${R}.origin.s3.domainName`]: 'bucket.example.com' },
      `${R}.origin.s3.domainName`,
      /s3/,
    ],
    [
      's3 region agrees with its host',
      's3',
      { [`${R}.origin.s3.region`]: 'eu-west-1' },
      `${R}.origin.s3.region`,
      /region is the one the bucket host names/,
    ],
    [
      'OAI names a region',
      's3',
      { [`${R}.origin.s3.region`]: REMOVED },
      `${R}.origin.s3`,
      /S3 origin has these keys/,
    ],
    [
      'body keys',
      'body',
      { [`${R}.body.inputTruncated`]: REMOVED },
      `${R}.body`,
      /included body has these keys/,
    ],
    [
      'body always base64',
      'body',
      { [`${R}.body.encoding`]: 'text' },
      `${R}.body.encoding`,
      /always arrives as base64/,
    ],
    ['body read-only', 'body', { [`${R}.body.action`]: 'replace' }, `${R}.body.action`, /read-only/],
    ['body data is base64', 'body', { [`${R}.body.data`]: 'a=1' }, `${R}.body.data`, /data is base64/],
    [
      'body length follows content-length',
      'body',
      { [`${R}.body.data`]: 'YT0xMg==' },
      `${R}.body.data`,
      /content-length says 3/,
    ],
    [
      'truncation follows the limit',
      'body',
      { [`${R}.body.inputTruncated`]: true },
      `${R}.body.inputTruncated`,
      /truncated body is exactly 40960 bytes/,
    ],
    [
      'no body on response events',
      'originResponse',
      { [`${R}.body`]: { inputTruncated: false, action: 'read-only', encoding: 'base64', data: '' } },
      `${R}.body`,
      /response event has no body/,
    ],
    [
      'status is a string',
      'originResponse',
      { 'Records[0].cf.response.status': 200 },
      'Records[0].cf.response.status',
      /status is a string/,
    ],
    [
      'status is a code',
      'originResponse',
      { 'Records[0].cf.response.status': '299' },
      'Records[0].cf.response.status',
      /not an HTTP status code/,
    ],
    [
      'statusDescription is the reason phrase',
      'originResponse',
      { 'Records[0].cf.response.statusDescription': 'Fine' },
      'Records[0].cf.response.statusDescription',
      /reason phrase of 200/,
    ],
    [
      'response keys',
      'originResponse',
      { 'Records[0].cf.response.body': 'x' },
      'Records[0].cf.response',
      /headers, status, statusDescription/,
    ],
    [
      'viewer-response below 400',
      'viewerResponse',
      { 'Records[0].cf.response.status': '404', 'Records[0].cf.response.statusDescription': 'Not Found' },
      'Records[0].cf.response.status',
      /below 400/,
    ],
    [
      'response header format',
      'viewerResponse',
      { 'Records[0].cf.response.headers.age': [{ value: '1' }] },
      'Records[0].cf.response.headers["age"][0].key',
      /header name as sent/,
    ],
  ]);
});

test('the detector takes only Lambda@Edge events', async () => {
  expect((await checkEvent({ Records: [{ cf: {} }] })).kind).toBe('cloudfront');
  expect((await checkEvent({ Records: [{ eventSource: 'aws:sqs' }] })).kind).not.toBe('cloudfront');
});
