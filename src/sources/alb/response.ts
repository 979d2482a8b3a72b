import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkResponseSize, kindOf, WHOLE } from '../../check/response-values.js';
import {
  checkBodyAndEncoding,
  checkHeaderMap,
  checkMultiValueMap,
  checkStatusCode,
  noteUnknownKeys,
} from '../http/response.js';

const BAD = 'the load balancer answers 502 Bad Gateway';
const KNOWN = ['statusCode', 'statusDescription', 'headers', 'multiValueHeaders', 'isBase64Encoded', 'body'];
/** "The maximum size of the response JSON that the Lambda function can send is 1 MB" (FORMATS §1.6, ELB-L). */
const ALB_RESPONSE_BYTES = 1024 * 1024;

/**
 * What a Lambda target returns to an Application Load Balancer (FORMATS §2, ELB "Lambda functions as
 * targets"): the docs say the response "must include the Base64 encoding status, status code, and
 * headers" and may omit the body. `statusDescription` (`"200 OK"`) is in every doc example but not in
 * that list, so it is optional; when given it must be the status line the client will read.
 */
export const albResponseChecker: ResponseChecker = {
  source: 'alb',
  event: 'optional',
  eventMismatch: (event) =>
    isRecord(event.requestContext) && isRecord(event.requestContext.elb)
      ? undefined
      : 'is not an ALB request (no requestContext.elb)',
  check(response, event, problems) {
    if (!isRecord(response)) {
      problems.add(
        WHOLE,
        `the response is ${kindOf(response)}, not an object: ${BAD}`,
        '{"statusCode": 200, ...}',
      );
      return;
    }
    checkStatusCode(response.statusCode, BAD, problems);
    const description = response.statusDescription;
    if (description !== undefined) {
      // The code is compared only when statusCode itself is right (else that is the one problem).
      const code = Number.isInteger(response.statusCode) ? String(response.statusCode) : undefined;
      if (
        typeof description !== 'string' ||
        !/^\d{3} \S/.test(description) ||
        (code !== undefined && !description.startsWith(`${code} `))
      ) {
        problems.add(
          'statusDescription',
          'statusDescription is the status line: the code, a space and the reason',
          `${code ?? '<statusCode>'} <reason>, e.g. "200 OK"`,
        );
      }
    }
    // The target group's multi-value switch decides which map the load balancer reads; the event shows
    // it (FORMATS §2: multiValueHeaders is present exactly when the switch is on).
    const multiValue = event === undefined ? undefined : 'multiValueHeaders' in event;
    if (multiValue === undefined) {
      problems.note(
        'without --event the target group may have multi-value headers on or off: headers and multiValueHeaders are both accepted',
      );
    }
    const wanted = multiValue === true ? 'multiValueHeaders' : multiValue === false ? 'headers' : undefined;
    const other = multiValue === true ? 'headers' : 'multiValueHeaders';
    if (wanted !== undefined && response[other] !== undefined && response[wanted] === undefined) {
      problems.add(
        other,
        `the target group has multi-value headers ${multiValue ? 'on' : 'off'}: the load balancer ignores ${other}`,
        `${wanted}`,
      );
    } else if (wanted !== undefined && response[wanted] === undefined) {
      problems.add(
        wanted,
        `${wanted} is missing: the response must include the headers (ELB docs)`,
        multiValue ? '{"name": ["value"]}' : '{"name": "value"}',
      );
    } else if (
      wanted === undefined &&
      response.headers === undefined &&
      response.multiValueHeaders === undefined
    ) {
      problems.add(
        'headers',
        'headers is missing: the response must include the headers (ELB docs)',
        '{"name": "value"} or multiValueHeaders',
      );
    }
    checkHeaderMap(response.headers, 'headers', BAD, problems);
    checkMultiValueMap(response.multiValueHeaders, 'multiValueHeaders', BAD, problems);
    checkBodyAndEncoding(response, BAD, problems, { encodingRequired: true });
    noteUnknownKeys(response, KNOWN, 'the load balancer', problems);
    checkResponseSize(
      response,
      ALB_RESPONSE_BYTES,
      "the load balancer's 1 MB response limit (it answers 502)",
      problems,
    );
  },
};
