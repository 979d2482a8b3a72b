import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkResponseSize, kindOf, LAMBDA_RESPONSE_BYTES, WHOLE } from '../../check/response-values.js';
import {
  checkBodyAndEncoding,
  checkHeaderMap,
  checkMultiValueMap,
  checkStatusCode,
  noteUnknownKeys,
} from '../http/response.js';

const MALFORMED = 'API Gateway answers 502 "Malformed Lambda proxy response"';
const KNOWN = ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'];

/**
 * A REST API Lambda proxy integration's output (FORMATS §3; APIGW "Output format of a Lambda function
 * for proxy integration"): `{isBase64Encoded, statusCode, headers, multiValueHeaders, body}`. A
 * response that is not an object, lacks an integer statusCode, or has a body or header value that
 * is not a string is what API Gateway reports as a malformed proxy response. The two header maps are
 * merged, so both may be given.
 */
export const apigwV1ResponseChecker: ResponseChecker = {
  source: 'apigw-v1',
  event: 'optional',
  eventMismatch: (event) =>
    typeof event.httpMethod === 'string' && isRecord(event.requestContext) && event.version === undefined
      ? undefined
      : 'is not a REST API proxy event (no httpMethod and requestContext)',
  check(response, _event, problems) {
    if (!isRecord(response)) {
      problems.add(
        WHOLE,
        `the response is ${kindOf(response)}, not an object: ${MALFORMED}`,
        '{"statusCode": 200, ...}',
      );
      return;
    }
    checkStatusCode(response.statusCode, MALFORMED, problems);
    checkHeaderMap(response.headers, 'headers', MALFORMED, problems);
    checkMultiValueMap(response.multiValueHeaders, 'multiValueHeaders', MALFORMED, problems);
    checkBodyAndEncoding(response, MALFORMED, problems);
    noteUnknownKeys(response, KNOWN, 'API Gateway', problems);
    checkResponseSize(
      response,
      LAMBDA_RESPONSE_BYTES,
      "Lambda's 6 MB response limit (API Gateway answers 502)",
      problems,
    );
  },
};
