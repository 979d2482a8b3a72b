import { isRecord } from '../../check/problems.js';

export const MULTI_KEYS = ['multiValueHeaders', 'multiValueQueryStringParameters'];

const isAlb = (event: unknown): event is Record<string, unknown> =>
  isRecord(event) && isRecord(event.requestContext) && isRecord(event.requestContext.elb);
/** A target group with multi-value headers on sends the multi-value maps instead (FORMATS §2). */
const isMultiValue = (event: Record<string, unknown>) => MULTI_KEYS.some((key) => key in event);

export const detectAlbSingleValue = (event: unknown): boolean => isAlb(event) && !isMultiValue(event);

export const detectAlbMultiValue = (event: unknown): boolean => isAlb(event) && isMultiValue(event);
