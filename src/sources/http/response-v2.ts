import { isRecord, type ProblemList } from '../../check/problems.js';
import { checkResponseSize, kindOf, LAMBDA_RESPONSE_BYTES } from '../../check/response-values.js';
import { checkBodyAndEncoding, checkHeaderMap, checkStatusCode, noteUnknownKeys } from './response.js';

const KNOWN = ['statusCode', 'headers', 'cookies', 'body', 'isBase64Encoded'];
const PROXY_KEYS = ['headers', 'cookies', 'body', 'isBase64Encoded', 'multiValueHeaders'];

/**
 * A payload format 2.0 response, as HTTP APIs and function URLs read it (APIGW "Lambda function
 * response for format 2.0"; function URLs use the same format). An object with a statusCode is read
 * field by field; anything else (a string, a number, an object without statusCode) is valid too:
 * the service infers `statusCode: 200`, `content-type: application/json` and sends the response as
 * the body, a string as it is.
 */
export function checkPayloadV2Response(
  response: unknown,
  service: string,
  consequence: string,
  problems: ProblemList,
): void {
  checkResponseSize(
    response,
    LAMBDA_RESPONSE_BYTES,
    `Lambda's 6 MB response limit (${consequence})`,
    problems,
  );
  if (!isRecord(response) || response.statusCode === undefined) {
    problems.note(
      typeof response === 'string'
        ? `no statusCode: ${service} answers 200 with this string as the body`
        : `no statusCode: ${service} answers 200 with the response as its JSON body (content-type application/json)`,
    );
    if (isRecord(response) && PROXY_KEYS.some((key) => key in response)) {
      problems.note(
        `the response has ${PROXY_KEYS.filter((key) => key in response).join(', ')} but no statusCode, so the client gets the whole object as the body`,
      );
    }
    return;
  }
  checkStatusCode(response.statusCode, consequence, problems);
  checkHeaderMap(response.headers, 'headers', consequence, problems);
  const cookies = response.cookies;
  if (cookies !== undefined && cookies !== null) {
    if (!Array.isArray(cookies)) {
      problems.add(
        'cookies',
        `cookies is ${kindOf(cookies)}, not an array of Set-Cookie values: ${consequence}`,
        '["name=value; Path=/"]',
      );
    } else {
      cookies.forEach((cookie, index) => {
        if (typeof cookie !== 'string')
          problems.add(
            `cookies[${index}]`,
            `a cookie is ${kindOf(cookie)}, not a string: ${consequence}`,
            'a Set-Cookie value',
          );
      });
    }
  }
  if (response.multiValueHeaders !== undefined) {
    problems.add(
      'multiValueHeaders',
      `payload format 2.0 has no multiValueHeaders: ${service} drops them`,
      'headers with values joined by commas, and cookies for Set-Cookie',
    );
  }
  checkBodyAndEncoding(response, consequence, problems);
  noteUnknownKeys(response, [...KNOWN, 'multiValueHeaders'], service, problems);
}
