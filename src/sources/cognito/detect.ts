import { isRecord } from '../../check/problems.js';

/** A Cognito user pool trigger event: a `triggerSource`, a `userPoolId` and a `callerContext` (§3.1). */
export const detectCognito = (event: unknown): boolean =>
  isRecord(event) &&
  typeof event.triggerSource === 'string' &&
  'userPoolId' in event &&
  'callerContext' in event;
