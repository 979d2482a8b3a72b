import type { ALBResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { albEvent } from '../../src/index.js';
import { albResponseChecker } from '../../src/sources/alb/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const single = await albEvent({ seed: 1 });
const multi = await albEvent({ seed: 1, multiValue: true });
const BAD = 'the load balancer answers 502 Bad Gateway';

// The ELB docs' example response, typed as @types/aws-lambda types it.
const documented: ALBResult = {
  statusCode: 200,
  statusDescription: '200 OK',
  isBase64Encoded: false,
  headers: { 'Content-Type': 'text/html' },
  body: '<h1>Hello from Lambda!</h1>',
};
const multiValued: ALBResult = {
  statusCode: 302,
  statusDescription: '302 Found',
  isBase64Encoded: false,
  multiValueHeaders: { Location: ['/next'], 'Set-Cookie': ['a=1', 'b=2'] },
  body: '',
};

describe('alb responses', () => {
  testRightResponses(albResponseChecker, [
    ['the documented response (single-value target group)', documented, single],
    ['multiValueHeaders for a multi-value target group', multiValued, multi],
    ['no body and no statusDescription', { statusCode: 204, isBase64Encoded: false, headers: {} }, single],
    [
      'a base64 body',
      {
        statusCode: 200,
        isBase64Encoded: true,
        headers: { 'content-type': 'image/png' },
        body: 'iVBORw0KGgo=',
      },
      single,
    ],
    ['either map without the event', multiValued],
  ]);

  testWrongResponses(albResponseChecker, [
    [
      'a string statusCode',
      { ...documented, statusCode: '200' },
      single,
      [['statusCode', `statusCode "200" is not an HTTP status: ${BAD}`]],
    ],
    [
      'a status out of range',
      { ...documented, statusCode: 99, statusDescription: undefined },
      single,
      [['statusCode', `statusCode 99 is not an HTTP status: ${BAD}`]],
    ],
    [
      'a statusDescription without its code',
      { ...documented, statusDescription: 'OK' },
      single,
      [['statusDescription', 'statusDescription is the status line: the code, a space and the reason']],
    ],
    [
      'a statusDescription for another code',
      { ...documented, statusDescription: '404 Not Found' },
      single,
      [['statusDescription', 'statusDescription is the status line: the code, a space and the reason']],
    ],
    [
      'an object body',
      { ...documented, body: { ok: true } },
      single,
      [['body', `body is an object, not a string: ${BAD}`]],
    ],
    [
      'a number header value',
      { ...documented, headers: { 'x-count': 3 } },
      single,
      [['headers.x-count', `header value is a number, not a string: ${BAD}`]],
    ],
    [
      'headers to a multi-value target group',
      documented,
      multi,
      [['headers', 'the target group has multi-value headers on: the load balancer ignores headers']],
    ],
    [
      'multiValueHeaders to a single-value target group',
      multiValued,
      single,
      [
        [
          'multiValueHeaders',
          'the target group has multi-value headers off: the load balancer ignores multiValueHeaders',
        ],
      ],
    ],
    [
      'a multi-value header that is a string',
      { ...multiValued, multiValueHeaders: { Location: '/next' } },
      multi,
      [['multiValueHeaders.Location', `multi-value header is a string, not an array of strings: ${BAD}`]],
    ],
    [
      'no isBase64Encoded',
      { statusCode: 200, headers: {}, body: 'x' },
      single,
      [['isBase64Encoded', `isBase64Encoded is missing: ${BAD}`]],
    ],
    [
      'no headers',
      { statusCode: 200, isBase64Encoded: false },
      single,
      [['headers', 'headers is missing: the response must include the headers (ELB docs)']],
    ],
    [
      'a body that is not base64 though it says so',
      { ...documented, isBase64Encoded: true, body: 'not base64!' },
      single,
      [['body', 'isBase64Encoded is true but body is not base64: the client gets the bytes it decodes to']],
    ],
    ['an array', [documented], single, [['(response)', `the response is an array, not an object: ${BAD}`]]],
  ]);

  it('a response over 1 MB of JSON is refused with its size', () => {
    const body = 'x'.repeat(1024 * 1024);
    const response = { ...documented, body };
    const bytes = Buffer.byteLength(JSON.stringify(response));
    expect(judge(albResponseChecker, response, single).problems).toStrictEqual([
      {
        path: '(response)',
        message: `the response is ${bytes} bytes of JSON, over the load balancer's 1 MB response limit (it answers 502)`,
        expected: '≤ 1048576 bytes',
      },
    ]);
  });

  it('says what it assumed without the event, and which keys it ignores', () => {
    const { notes } = judge(albResponseChecker, { ...documented, cookies: ['a=1'] });
    expect(notes).toStrictEqual([
      'without --event the target group may have multi-value headers on or off: headers and multiValueHeaders are both accepted',
      'the load balancer ignores cookies (it reads statusCode, statusDescription, headers, multiValueHeaders, isBase64Encoded, body)',
    ]);
  });
});
