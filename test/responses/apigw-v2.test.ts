import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { apigwV2Event, functionUrlEvent } from '../../src/index.js';
import { apigwV2ResponseChecker } from '../../src/sources/apigw-v2/response.js';
import { functionUrlResponseChecker } from '../../src/sources/function-url/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const httpApi = await apigwV2Event({ seed: 3 });
const url = await functionUrlEvent({ seed: 3 });

const structured: APIGatewayProxyStructuredResultV2 = {
  statusCode: 201,
  headers: { 'content-type': 'application/json', 'x-count': '2' },
  cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark'],
  body: '{"id":1}',
  isBase64Encoded: false,
};
// A response without statusCode is the inferred format: any JSON value.
const inferred: APIGatewayProxyResultV2<{ id: number }> = { id: 1 };

for (const [name, checker, event, service, consequence] of [
  [
    'apigw-v2',
    apigwV2ResponseChecker,
    httpApi,
    'API Gateway',
    'API Gateway answers 500 Internal Server Error',
  ],
  [
    'function-url',
    functionUrlResponseChecker,
    url,
    'the function URL',
    'the function URL answers with an error instead',
  ],
] as const) {
  describe(`${name} responses (payload format 2.0)`, () => {
    testRightResponses(checker, [
      ['a structured response', structured, event],
      ['only a statusCode', { statusCode: 204 }],
      ['an inferred JSON body (no statusCode)', inferred, event],
      ['a string: the body itself', 'hello'],
      ['a number, an array, null', [1, 2, 3]],
      ['a base64 body', { statusCode: 200, isBase64Encoded: true, body: 'aGk=' }],
    ]);

    testWrongResponses(checker, [
      [
        'a string statusCode',
        { statusCode: '200' },
        event,
        [['statusCode', `statusCode "200" is not an HTTP status: ${consequence}`]],
      ],
      [
        'cookies as a string',
        { statusCode: 200, cookies: 'a=1' },
        event,
        [['cookies', `cookies is a string, not an array of Set-Cookie values: ${consequence}`]],
      ],
      [
        'a cookie that is an object',
        { statusCode: 200, cookies: ['a=1', { b: 2 }] },
        event,
        [['cookies[1]', `a cookie is an object, not a string: ${consequence}`]],
      ],
      [
        'multiValueHeaders',
        { statusCode: 200, multiValueHeaders: { a: ['1'] } },
        event,
        [['multiValueHeaders', `payload format 2.0 has no multiValueHeaders: ${service} drops them`]],
      ],
      [
        'a number header value',
        { statusCode: 200, headers: { 'x-count': 2 } },
        event,
        [['headers.x-count', `header value is a number, not a string: ${consequence}`]],
      ],
      [
        'an object body beside a statusCode',
        { statusCode: 200, body: { id: 1 } },
        event,
        [['body', `body is an object, not a string: ${consequence}`]],
      ],
      [
        'a number isBase64Encoded',
        { statusCode: 200, isBase64Encoded: 0 },
        event,
        [['isBase64Encoded', `isBase64Encoded is a number, not a boolean: ${consequence}`]],
      ],
    ]);

    it('says how an inferred response is read, and when it looks like a forgotten statusCode', () => {
      expect(judge(checker, 'hello').notes).toStrictEqual([
        `no statusCode: ${service} answers 200 with this string as the body`,
      ]);
      expect(judge(checker, { body: '{"a":1}', headers: {} }).notes).toStrictEqual([
        `no statusCode: ${service} answers 200 with the response as its JSON body (content-type application/json)`,
        'the response has headers, body but no statusCode, so the client gets the whole object as the body',
      ]);
    });

    it('a response over the 6 MB Lambda limit is refused, inferred or not', () => {
      // Lambda's own error names the limit: "maximum allowed payload size (6291556 bytes)".
      const big = 'x'.repeat(6_291_556);
      const problems = judge(checker, big).problems;
      expect(problems).toStrictEqual([
        {
          path: '(response)',
          message: `the response is 6291558 bytes of JSON, over Lambda's 6 MB response limit (${consequence})`,
          expected: '≤ 6291556 bytes',
        },
      ]);
    });
  });
}
