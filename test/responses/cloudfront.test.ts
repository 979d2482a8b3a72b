import { beforeAll, describe, expect, test } from 'vitest';
import { ProblemList } from '../../src/check/problems.js';
import { cloudfrontEvent } from '../../src/index.js';
import { cloudfrontResponseChecker } from '../../src/sources/cloudfront/response.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests take events apart and answer with edited copies
type Json = Record<string, any>;
const events: Record<string, Json> = {};

beforeAll(async () => {
  events.viewerRequest = await cloudfrontEvent({ seed: 1 });
  events.originRequest = await cloudfrontEvent({
    eventType: 'origin-request',
    headers: { 'If-None-Match': '"abc"' },
    seed: 1,
  });
  events.originResponse = await cloudfrontEvent({ eventType: 'origin-response', status: 404, seed: 1 });
  events.viewerResponse = await cloudfrontEvent({ eventType: 'viewer-response', seed: 1 });
});

function problemsOf(response: unknown, event?: Json) {
  const problems = new ProblemList();
  cloudfrontResponseChecker.check(response, event, problems);
  return problems.problems.map(({ path, message }) => ({ path, message }));
}

const cf = (name: string) => structuredClone(events[name]?.Records[0].cf) as Json;

const redirect = {
  status: '302',
  statusDescription: 'Found',
  headers: { location: [{ key: 'Location', value: 'https://example.com/login' }] },
};

describe('accepted: every documented answer', () => {
  test('the checker needs no event, but uses one', () => {
    expect(cloudfrontResponseChecker).toMatchObject({ source: 'cloudfront', event: 'optional' });
  });

  test.each([
    ['viewer-request: the request unchanged', 'viewerRequest', () => cf('viewerRequest').request],
    [
      'viewer-request: a new uri and an added header',
      'viewerRequest',
      () => {
        const request = cf('viewerRequest').request;
        request.uri = '/index.html';
        request.headers['x-user'] = [{ key: 'X-User', value: 'a' }];
        return request;
      },
    ],
    [
      'viewer-request: a header without key (CloudFront adds it)',
      'viewerRequest',
      () => {
        const request = cf('viewerRequest').request;
        request.headers['x-user'] = [{ value: 'a' }];
        return request;
      },
    ],
    ['viewer-request: a generated redirect', 'viewerRequest', () => redirect],
    ['origin-request: only a status is required', 'originRequest', () => ({ status: '204' })],
    [
      'origin-request: a generated page, base64',
      'originRequest',
      () => ({
        status: '200',
        statusDescription: 'OK',
        headers: { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] },
        body: Buffer.from('<h1>hi</h1>').toString('base64'),
        bodyEncoding: 'base64',
      }),
    ],
    [
      'origin-request: another origin, a replaced body',
      'originRequest',
      () => {
        const request = cf('originRequest').request;
        request.origin = {
          s3: {
            authMethod: 'none',
            customHeaders: {},
            domainName: 'b.s3.amazonaws.com',
            path: '',
            region: 'us-east-1',
          },
        };
        request.body = { action: 'replace', encoding: 'text', data: '{"a":1}' };
        return request;
      },
    ],
    [
      'origin-response: the 404 made a 200 with a body',
      'originResponse',
      () => ({
        ...cf('originResponse').response,
        status: '200',
        statusDescription: 'OK',
        body: 'fallback',
      }),
    ],
    [
      'viewer-response: a security header added',
      'viewerResponse',
      () => {
        const response = cf('viewerResponse').response;
        response.headers['strict-transport-security'] = [
          { key: 'Strict-Transport-Security', value: 'max-age=63072000' },
        ];
        return response;
      },
    ],
  ])('%s', (_name, eventName, answer) => {
    expect(problemsOf(answer(), events[eventName])).toEqual([]);
    expect(problemsOf(answer())).toEqual([]);
  });
});

describe('refused: each with the rule it breaks', () => {
  test.each([
    [
      'not an object',
      'viewerRequest',
      () => null,
      '(response)',
      'a Lambda@Edge function returns an object: the request, or a response with status',
    ],
    [
      'a numeric status',
      'viewerRequest',
      () => ({ ...redirect, status: 302 }),
      'status',
      'status is a string ("302"), not a number',
    ],
    [
      'no status',
      'originRequest',
      () => ({ body: 'x' }),
      'status',
      'status is required: the HTTP status code as a string, e.g. "200"',
    ],
    [
      'a status that is no code',
      'viewerRequest',
      () => ({ status: '299' }),
      'status',
      'status "299" is not an HTTP status code CloudFront can return (200-599)',
    ],
    [
      'a description that is not text',
      'viewerRequest',
      () => ({ status: '200', statusDescription: 200 }),
      'statusDescription',
      'statusDescription is a string, e.g. "OK"',
    ],
    [
      'an unknown body encoding',
      'viewerRequest',
      () => ({ status: '200', body: 'x', bodyEncoding: 'gzip' }),
      'bodyEncoding',
      'bodyEncoding is text or base64 (text when left out)',
    ],
    [
      'base64 that is not',
      'viewerRequest',
      () => ({ status: '200', body: 'not base64!', bodyEncoding: 'base64' }),
      'body',
      'bodyEncoding is base64 but body is not valid base64; CloudFront answers with an error',
    ],
    [
      'a header key that is another header',
      'viewerRequest',
      () => ({ status: '200', headers: { 'content-type': [{ key: 'Content-Length', value: '1' }] } }),
      'headers["content-type"][0].key',
      'key Content-Length is not the header content-type',
    ],
    [
      'a plain header map',
      'viewerRequest',
      () => ({ status: '200', headers: { 'content-type': 'text/html' } }),
      'headers["content-type"]',
      'each header is a non-empty array of {key, value}, one per header line',
    ],
    [
      'an uppercase header name',
      'viewerRequest',
      () => ({ status: '200', headers: { Location: [{ key: 'Location', value: '/' }] } }),
      'headers["Location"]',
      'header names are lowercase',
    ],
    [
      'a disallowed header',
      'viewerRequest',
      () => ({ status: '200', headers: { connection: [{ key: 'Connection', value: 'close' }] } }),
      'headers["connection"]',
      'connection is a header CloudFront neither shows a function nor takes from one',
    ],
    [
      'a viewer generated response over 40 KB',
      'viewerRequest',
      () => ({ status: '200', body: 'x'.repeat(40 * 1024 + 1) }),
      'body',
      'the response is 40961 bytes with its headers; viewer-request events allow 40960',
    ],
    [
      'an origin generated response over 1 MB',
      'originRequest',
      () => ({ status: '200', body: 'x'.repeat(1024 * 1024 + 1) }),
      'body',
      'the response is 1048577 bytes with its headers; origin-request events allow 1048576',
    ],
    [
      'the Host of a viewer request changed',
      'viewerRequest',
      () => {
        const request = cf('viewerRequest').request;
        request.headers.host = [{ key: 'Host', value: 'evil.example.com' }];
        return request;
      },
      'headers["host"]',
      'host is read-only in viewer-request events and was changed',
    ],
    [
      'If-None-Match of an origin request removed',
      'originRequest',
      () => {
        const request = cf('originRequest').request;
        delete request.headers['if-none-match'];
        return request;
      },
      'headers["if-none-match"]',
      'if-none-match is read-only in origin-request events and was removed',
    ],
    [
      'Via added to an origin response',
      'originResponse',
      () => {
        const response = cf('originResponse').response;
        response.headers.via = [{ key: 'Via', value: '1.1 proxy' }];
        return response;
      },
      'headers["via"]',
      'via is read-only in origin-response events and was added',
    ],
    [
      'Content-Length of a viewer response changed',
      'viewerResponse',
      () => {
        const response = cf('viewerResponse').response;
        response.headers['content-length'] = [{ key: 'Content-Length', value: '1' }];
        return response;
      },
      'headers["content-length"]',
      'content-length is read-only in viewer-response events and was changed',
    ],
    [
      'a viewer response with another status',
      'viewerResponse',
      () => ({ ...cf('viewerResponse').response, status: '404', statusDescription: 'Not Found' }),
      'status',
      'viewer-response functions cannot change the status (200)',
    ],
    [
      'a response event answered with the request',
      'originResponse',
      () => cf('originResponse').request,
      '(response)',
      'origin-response functions return the response, not the request',
    ],
    [
      'a request and a response at once',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, status: '200' }),
      '(response)',
      'the answer mixes a request (uri, method) and a response (status); return one of them',
    ],
    [
      'the method changed',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, method: 'DELETE' }),
      'method',
      'method is read-only and cannot be changed',
    ],
    [
      'the client address changed',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, clientIp: '192.0.2.1' }),
      'clientIp',
      'clientIp is read-only and cannot be changed',
    ],
    [
      'a uri without /',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, uri: 'index.html' }),
      'uri',
      'uri is a path starting with /',
    ],
    [
      'a querystring with ?',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, querystring: '?a=1' }),
      'querystring',
      'querystring has no leading ?',
    ],
    [
      'two origins',
      'originRequest',
      () => ({ ...cf('originRequest').request, origin: { custom: {}, s3: {} } }),
      'origin',
      'origin holds exactly one of custom or s3',
    ],
    [
      'a replaced viewer body over 40 KB',
      'viewerRequest',
      () => ({
        ...cf('viewerRequest').request,
        body: { action: 'replace', encoding: 'text', data: 'x'.repeat(40 * 1024 + 1) },
      }),
      'body.data',
      'a replaced text body is 40961 bytes; viewer-request events allow 40960',
    ],
    [
      'an unknown body action',
      'viewerRequest',
      () => ({ ...cf('viewerRequest').request, body: { action: 'append', encoding: 'text', data: 'x' } }),
      'body.action',
      'body.action is read-only, or replace with a new body',
    ],
  ])('%s', (_name, eventName, answer, path, message) => {
    expect(problemsOf(answer(), events[eventName])).toContainEqual({ path, message });
  });

  test('a viewer generated response is measured with its headers', () => {
    const body = 'x'.repeat(40 * 1024 - 10);
    const headers = { 'x-pad': [{ key: 'X-Pad', value: 'yy' }] };
    // "X-Pad: yy\r\n" is 11 bytes: 40950 + 11 is one over the limit.
    expect(problemsOf({ status: '200', headers, body }, events.viewerRequest)).toEqual([
      {
        path: 'body',
        message: 'the response is 40961 bytes with its headers; viewer-request events allow 40960',
      },
    ]);
    expect(problemsOf({ status: '200', headers, body }, events.originRequest)).toEqual([]);
  });

  test('an event that is not Lambda@Edge is named', () => {
    expect(problemsOf({ status: '200' }, { Records: [{ eventSource: 'aws:sqs' }] })).toEqual([
      {
        path: '(event)',
        message: 'the event given is not a Lambda@Edge event (Records[0].cf with config.eventType)',
      },
    ]);
  });
});
