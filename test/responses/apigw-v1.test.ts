import type { APIGatewayProxyResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { apigwV1Event } from '../../src/index.js';
import { apigwV1ResponseChecker } from '../../src/sources/apigw-v1/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const event = await apigwV1Event({ seed: 2 });
const MALFORMED = 'API Gateway answers 502 "Malformed Lambda proxy response"';

const documented: APIGatewayProxyResult = {
  isBase64Encoded: false,
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  body: '{"message":"hello"}',
};

describe('apigw-v1 (REST proxy) responses', () => {
  testRightResponses(apigwV1ResponseChecker, [
    ['the documented output format', documented, event],
    ['only a statusCode', { statusCode: 204 }, event],
    ['null maps and body', { statusCode: 200, headers: null, multiValueHeaders: null, body: null }, event],
    [
      'a base64 body',
      {
        statusCode: 200,
        isBase64Encoded: true,
        headers: { 'Content-Type': 'image/png' },
        body: 'iVBORw0KGgo=',
      },
    ],
  ]);

  testWrongResponses(apigwV1ResponseChecker, [
    ['a string', 'hello', event, [['(response)', `the response is a string, not an object: ${MALFORMED}`]]],
    ['no statusCode', { body: 'x' }, event, [['statusCode', `statusCode is missing: ${MALFORMED}`]]],
    [
      'a fraction statusCode',
      { statusCode: 200.5 },
      event,
      [['statusCode', `statusCode 200.5 is not an HTTP status: ${MALFORMED}`]],
    ],
    [
      'an object body',
      { statusCode: 200, body: { message: 'hello' } },
      event,
      [['body', `body is an object, not a string: ${MALFORMED}`]],
    ],
    [
      'a boolean header value',
      { statusCode: 200, headers: { 'X-Cache': true } },
      event,
      [['headers.X-Cache', `header value is a boolean, not a string: ${MALFORMED}`]],
    ],
    [
      'multiValueHeaders holding a number',
      { statusCode: 200, multiValueHeaders: { 'X-N': ['1', 2] } },
      event,
      [['multiValueHeaders.X-N[1]', `header value is a number, not a string: ${MALFORMED}`]],
    ],
    [
      'a string isBase64Encoded',
      { statusCode: 200, body: 'x', isBase64Encoded: 'false' },
      event,
      [['isBase64Encoded', `isBase64Encoded is a string, not a boolean: ${MALFORMED}`]],
    ],
    [
      'headers as a list',
      { statusCode: 200, headers: [['a', 'b']] },
      event,
      [['headers', `headers is an array, not an object of header names to values: ${MALFORMED}`]],
    ],
  ]);

  it('notes keys API Gateway does not read (a misspelt statusCode is a missing one)', () => {
    const problems = judge(apigwV1ResponseChecker, { statuscode: 200, body: '' }, event);
    expect(problems.problems.map((p) => p.path)).toStrictEqual(['statusCode']);
    expect(problems.notes).toStrictEqual([
      'API Gateway ignores statuscode (it reads statusCode, headers, multiValueHeaders, body, isBase64Encoded)',
    ]);
  });
});
