import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkPayloadV2Response } from '../http/response-v2.js';

/** A function URL's answer: the HTTP API payload 2.0 response format (FORMATS §5, LDG-URL). */
export const functionUrlResponseChecker: ResponseChecker = {
  source: 'function-url',
  event: 'optional',
  eventMismatch: (event) =>
    event.version === '2.0' && isRecord(event.requestContext) && isRecord(event.requestContext.http)
      ? undefined
      : 'is not a function URL event (no version "2.0" with requestContext.http)',
  check(response, _event, problems) {
    checkPayloadV2Response(
      response,
      'the function URL',
      'the function URL answers with an error instead',
      problems,
    );
  },
};
