import { isFunctionUrlEvent, isPayloadV2 } from '../http/detect-payload-v2.js';

/** An HTTP API request: payload format 2.0 not through a function URL. */
export const detectApigwV2 = (event: unknown): boolean => isPayloadV2(event) && !isFunctionUrlEvent(event);
