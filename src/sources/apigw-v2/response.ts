import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkPayloadV2Response } from '../http/response-v2.js';

/** An HTTP API Lambda integration's answer, payload format 2.0 (FORMATS §4). */
export const apigwV2ResponseChecker: ResponseChecker = {
  source: 'apigw-v2',
  event: 'optional',
  eventMismatch: (event) =>
    event.version === '2.0' && isRecord(event.requestContext) && isRecord(event.requestContext.http)
      ? undefined
      : 'is not an HTTP API payload 2.0 event (no version "2.0" with requestContext.http)',
  check(response, _event, problems) {
    checkPayloadV2Response(
      response,
      'API Gateway',
      'API Gateway answers 500 Internal Server Error',
      problems,
    );
  },
};
