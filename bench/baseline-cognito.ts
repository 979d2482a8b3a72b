import { randomUUID } from 'node:crypto';
import { pick, randomBelow, randomBetween, randomChars } from './baseline-random.js';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const POOL = `us-east-1_${randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 9)}`;
const CLIENT = randomChars(LOWER_ALNUM, 26);

/**
 * What a person would write by hand for `gen-event cognito --trigger PostConfirmation_ConfirmSignUp
 * --user-attribute email=…`, with no library: the envelope in Cognito's order, a confirmed user's
 * string attributes (one user in four with a verified phone number, as gen-event's users) and the
 * empty response (FORMATS-api-identity §3.1).
 */
export function handWrittenCognitoEvent(email: string): unknown {
  const sub = randomUUID();
  const [given, family] = pick([
    ['Olivia', 'Garcia'],
    ['Liam', 'Kim'],
    ['Emma', 'Rossi'],
  ]) as [string, string];
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: POOL,
    userName: sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT },
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: {
      userAttributes:
        randomBelow(4) === 0
          ? {
              sub,
              'cognito:email_alias': email,
              'cognito:user_status': 'CONFIRMED',
              email_verified: 'true',
              phone_number_verified: 'true',
              phone_number: `+1${randomBetween(200, 999)}55501${String(randomBelow(100)).padStart(2, '0')}`,
              given_name: given,
              family_name: family,
              email,
            }
          : {
              sub,
              'cognito:email_alias': email,
              'cognito:user_status': 'CONFIRMED',
              email_verified: 'true',
              given_name: given,
              family_name: family,
              email,
            },
    },
    response: {},
  };
}
