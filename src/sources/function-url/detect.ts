import { isFunctionUrlEvent, isPayloadV2 } from '../http/detect-payload-v2.js';

/** A function URL request: payload format 2.0 on a `lambda-url` host. */
export const detectFunctionUrl = (event: unknown): boolean => isPayloadV2(event) && isFunctionUrlEvent(event);
