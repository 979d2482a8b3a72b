import { isRecord, type ProblemList } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import {
  CHALLENGE_NAMES,
  CODE_PARAMETER,
  type CognitoTrigger,
  familyOf,
  isTrigger,
  USERNAME_PARAMETER,
} from './triggers.js';

// CustomMessage limits (FORMATS-api-identity §3.3, DOC COG-MSG).
const EMAIL_LIMIT = 20_000;
const SMS_LIMIT = 140;
const SUBJECT_LIMIT = 140;
// Claims Cognito issues itself: a pre token generation answer can neither add, override nor suppress them
// (DOC pre token generation); groups and roles change through groupOverrideDetails instead.
const RESERVED_CLAIMS = new Set([
  'acr',
  'amr',
  'at_hash',
  'aud',
  'auth_time',
  'azp',
  'client_id',
  'cognito:username',
  'event_id',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'scope',
  'sub',
  'token_use',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
]);

type Fields = Record<string, unknown>;

const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

function onlyKeys(path: string, value: Fields, allowed: readonly string[], problems: ProblemList): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      problems.add(
        `${path}${key}`,
        allowed.length === 0
          ? `this trigger has no output: Cognito reads no ${key}`
          : `Cognito reads no ${key} here; it reads ${allowed.join(', ')}`,
      );
}

function booleanOrNull(path: string, value: unknown, problems: ProblemList): void {
  if (value !== undefined && value !== null && typeof value !== 'boolean')
    problems.add(path, `${path.split('.').pop()} is a boolean`);
}

function stringMapOrNull(path: string, value: unknown, problems: ProblemList): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    problems.add(path, `${path.split('.').pop()} is an object of strings`);
    return;
  }
  for (const [key, item] of Object.entries(value))
    if (typeof item !== 'string') problems.add(`${path}.${key}`, 'Cognito accepts only string values here');
}

function preSignUp(out: Fields, attributes: Fields | undefined, problems: ProblemList): void {
  onlyKeys('response.', out, ['autoConfirmUser', 'autoVerifyEmail', 'autoVerifyPhone'], problems);
  for (const key of ['autoConfirmUser', 'autoVerifyEmail', 'autoVerifyPhone'])
    if (key in out && typeof out[key] !== 'boolean')
      problems.add(`response.${key}`, `${key} is a boolean (true or false)`);
  // Verifying an attribute the user did not give is refused (DOC pre sign-up).
  if (attributes && out.autoVerifyEmail === true && !('email' in attributes))
    problems.add('response.autoVerifyEmail', 'autoVerifyEmail needs an email attribute to verify');
  if (attributes && out.autoVerifyPhone === true && !('phone_number' in attributes))
    problems.add('response.autoVerifyPhone', 'autoVerifyPhone needs a phone_number attribute to verify');
}

function defineChallenge(out: Fields, problems: ProblemList): void {
  onlyKeys('response.', out, ['challengeName', 'issueTokens', 'failAuthentication'], problems);
  booleanOrNull('response.issueTokens', out.issueTokens, problems);
  booleanOrNull('response.failAuthentication', out.failAuthentication, problems);
  const name = out.challengeName;
  if (name !== undefined && name !== null && !(CHALLENGE_NAMES as readonly unknown[]).includes(name))
    problems.add('response.challengeName', `challengeName is one of ${CHALLENGE_NAMES.join(', ')}`);
  if (out.issueTokens === true && out.failAuthentication === true)
    problems.add('response.failAuthentication', 'issueTokens and failAuthentication cannot both be true');
  if (out.issueTokens !== true && out.failAuthentication !== true && (name === undefined || name === null))
    problems.add(
      'response.challengeName',
      'without issueTokens or failAuthentication, Define names the next challenge',
    );
}

function createChallenge(out: Fields, problems: ProblemList): void {
  onlyKeys(
    'response.',
    out,
    ['publicChallengeParameters', 'privateChallengeParameters', 'challengeMetadata'],
    problems,
  );
  stringMapOrNull('response.publicChallengeParameters', out.publicChallengeParameters, problems);
  stringMapOrNull('response.privateChallengeParameters', out.privateChallengeParameters, problems);
  if (
    out.challengeMetadata !== undefined &&
    out.challengeMetadata !== null &&
    typeof out.challengeMetadata !== 'string'
  )
    problems.add('response.challengeMetadata', 'challengeMetadata is a string');
}

function claims(path: string, given: Fields, problems: ProblemList, stringsOnly: boolean): void {
  if ('claimsToAddOrOverride' in given && given.claimsToAddOrOverride !== null) {
    const add = given.claimsToAddOrOverride;
    if (!isRecord(add))
      problems.add(`${path}.claimsToAddOrOverride`, 'claimsToAddOrOverride is an object of claims');
    else
      for (const [claim, value] of Object.entries(add)) {
        if (RESERVED_CLAIMS.has(claim))
          problems.add(
            `${path}.claimsToAddOrOverride.${claim}`,
            `${claim} is issued by Cognito and cannot be overridden`,
          );
        else if (stringsOnly && typeof value !== 'string')
          problems.add(
            `${path}.claimsToAddOrOverride.${claim}`,
            'a version 1 event takes string claim values only',
          );
      }
  }
  if ('claimsToSuppress' in given && given.claimsToSuppress !== null) {
    if (!isStringList(given.claimsToSuppress))
      problems.add(`${path}.claimsToSuppress`, 'claimsToSuppress is a list of claim names');
    else
      for (const claim of given.claimsToSuppress as string[])
        if (RESERVED_CLAIMS.has(claim))
          problems.add(`${path}.claimsToSuppress`, `${claim} is issued by Cognito and cannot be suppressed`);
  }
}

function groupOverride(path: string, value: unknown, problems: ProblemList): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    problems.add(path, 'groupOverrideDetails is an object');
    return;
  }
  onlyKeys(`${path}.`, value, ['groupsToOverride', 'iamRolesToOverride', 'preferredRole'], problems);
  for (const key of ['groupsToOverride', 'iamRolesToOverride'])
    if (key in value && value[key] !== null && !isStringList(value[key]))
      problems.add(`${path}.${key}`, `${key} is a list of strings`);
  if ('preferredRole' in value && value.preferredRole !== null && typeof value.preferredRole !== 'string')
    problems.add(`${path}.preferredRole`, 'preferredRole is an IAM role ARN');
}

function preToken(out: Fields, version: string, problems: ProblemList): void {
  const key = version === '1' ? 'claimsOverrideDetails' : 'claimsAndScopeOverrideDetails';
  const other = version === '1' ? 'claimsAndScopeOverrideDetails' : 'claimsOverrideDetails';
  if (other in out) problems.add(`response.${other}`, `a version ${version} event is answered with ${key}`);
  const details = out[key];
  if (details === undefined || details === null) return;
  if (!isRecord(details)) {
    problems.add(`response.${key}`, `${key} is an object`);
    return;
  }
  const path = `response.${key}`;
  if (version === '1') {
    onlyKeys(
      `${path}.`,
      details,
      ['claimsToAddOrOverride', 'claimsToSuppress', 'groupOverrideDetails'],
      problems,
    );
    claims(path, details, problems, true);
  } else {
    onlyKeys(
      `${path}.`,
      details,
      ['idTokenGeneration', 'accessTokenGeneration', 'groupOverrideDetails'],
      problems,
    );
    for (const token of ['idTokenGeneration', 'accessTokenGeneration']) {
      const part = details[token];
      if (part === undefined || part === null) continue;
      if (!isRecord(part)) {
        problems.add(`${path}.${token}`, `${token} is an object`);
        continue;
      }
      const scopes = token === 'accessTokenGeneration' ? ['scopesToAdd', 'scopesToSuppress'] : [];
      onlyKeys(`${path}.${token}.`, part, ['claimsToAddOrOverride', 'claimsToSuppress', ...scopes], problems);
      claims(`${path}.${token}`, part, problems, false);
      for (const scope of scopes)
        if (scope in part && part[scope] !== null && !isStringList(part[scope]))
          problems.add(`${path}.${token}.${scope}`, `${scope} is a list of scopes`);
    }
  }
  groupOverride(`${path}.groupOverrideDetails`, details.groupOverrideDetails, problems);
}

function userMigration(out: Fields, trigger: CognitoTrigger, problems: ProblemList): void {
  const keys = [
    'userAttributes',
    'forceAliasCreation',
    'enableSMSMFA',
    'finalUserStatus',
    'messageAction',
    'desiredDeliveryMediums',
  ];
  onlyKeys('response.', out, keys, problems);
  const attributes = out.userAttributes;
  if (!isRecord(attributes)) {
    problems.add(
      'response.userAttributes',
      `${trigger} creates the user from response.userAttributes (an object of strings)`,
    );
  } else {
    stringMapOrNull('response.userAttributes', attributes, problems);
    // Cognito gives the migrated user a new sub (3P boto3#2747).
    if ('sub' in attributes)
      problems.add('response.userAttributes.sub', 'Cognito assigns the sub; leave it out');
  }
  booleanOrNull('response.forceAliasCreation', out.forceAliasCreation, problems);
  booleanOrNull('response.enableSMSMFA', out.enableSMSMFA, problems);
  if (
    out.finalUserStatus != null &&
    out.finalUserStatus !== 'CONFIRMED' &&
    out.finalUserStatus !== 'RESET_REQUIRED'
  )
    problems.add('response.finalUserStatus', 'finalUserStatus is CONFIRMED or RESET_REQUIRED');
  if (out.messageAction != null && out.messageAction !== 'SUPPRESS' && out.messageAction !== 'RESEND')
    problems.add('response.messageAction', 'messageAction is SUPPRESS or RESEND');
  const mediums = out.desiredDeliveryMediums;
  if (mediums == null) return;
  if (
    !Array.isArray(mediums) ||
    mediums.length === 0 ||
    !mediums.every((m) => m === 'EMAIL' || m === 'SMS')
  ) {
    problems.add(
      'response.desiredDeliveryMediums',
      'desiredDeliveryMediums is a non-empty list of EMAIL and SMS',
    );
    return;
  }
  const has = (name: string) => isRecord(attributes) && name in attributes;
  if (mediums.includes('EMAIL') && !has('email'))
    problems.add(
      'response.desiredDeliveryMediums',
      'EMAIL delivery needs an email in response.userAttributes',
    );
  if (mediums.includes('SMS') && !has('phone_number'))
    problems.add(
      'response.desiredDeliveryMediums',
      'SMS delivery needs a phone_number in response.userAttributes',
    );
}

function customMessage(out: Fields, trigger: CognitoTrigger, request: Fields, problems: ProblemList): void {
  onlyKeys('response.', out, ['smsMessage', 'emailMessage', 'emailSubject'], problems);
  const code = typeof request.codeParameter === 'string' ? request.codeParameter : CODE_PARAMETER;
  const link = typeof request.linkParameter === 'string' ? request.linkParameter : undefined;
  const message = (key: 'smsMessage' | 'emailMessage', limit: number) => {
    const text = out[key];
    if (text === undefined || text === null) return;
    if (typeof text !== 'string') {
      problems.add(`response.${key}`, `${key} is a string`);
      return;
    }
    // A message without the code placeholder is refused: the user would get no code (DOC COG-MSG).
    if (!text.includes(code) && !(key === 'emailMessage' && link !== undefined && text.includes(link)))
      problems.add(`response.${key}`, `${key} must contain the code placeholder ${code}`);
    if (trigger === 'CustomMessage_AdminCreateUser' && !text.includes(USERNAME_PARAMETER))
      problems.add(`response.${key}`, `${key} must contain the username placeholder ${USERNAME_PARAMETER}`);
    if ([...text].length > limit) problems.add(`response.${key}`, `${key} is at most ${limit} characters`);
  };
  message('smsMessage', SMS_LIMIT);
  message('emailMessage', EMAIL_LIMIT);
  const subject = out.emailSubject;
  if (subject !== undefined && subject !== null) {
    if (typeof subject !== 'string') problems.add('response.emailSubject', 'emailSubject is a string');
    else if ([...subject].length > SUBJECT_LIMIT)
      problems.add('response.emailSubject', `emailSubject is at most ${SUBJECT_LIMIT} characters`);
  }
}

/** Every envelope field must come back as Cognito sent it: the handler returns the whole event (§3.1). */
function sameEnvelope(response: Fields, event: Fields, problems: ProblemList): void {
  for (const key of Object.keys(event)) {
    if (key === 'response') continue;
    if (JSON.stringify(response[key]) !== JSON.stringify(event[key]))
      problems.add(
        key,
        `${key} differs from the event: return the event Cognito sent, with only response filled`,
      );
  }
}

/**
 * A Cognito trigger's answer: the whole event back with `response` filled as that trigger allows
 * (FORMATS-api-identity §3.1, §3.3). Without the event, the trigger is read from the answer itself.
 */
export const cognitoResponseChecker: ResponseChecker = {
  source: 'cognito',
  event: 'optional',

  check(response, event, problems) {
    if (!isRecord(response) || !isRecord(response.response)) {
      problems.add(
        'response',
        'a trigger returns the whole event with its response object (else InvalidLambdaResponseException)',
      );
      return;
    }
    if (event !== undefined) sameEnvelope(response, event, problems);
    const trigger = response.triggerSource;
    if (!isTrigger(trigger)) {
      problems.add(
        'triggerSource',
        'triggerSource is one of the values gen-event cognito --list-triggers prints',
      );
      return;
    }
    const request = isRecord(response.request) ? response.request : {};
    const attributes = isRecord(request.userAttributes) ? request.userAttributes : undefined;
    const version = typeof response.version === 'string' ? response.version : '1';
    const out = response.response;
    switch (familyOf(trigger)) {
      case 'preSignUp':
        return preSignUp(out, attributes, problems);
      case 'defineAuthChallenge':
        return defineChallenge(out, problems);
      case 'createAuthChallenge':
        return createChallenge(out, problems);
      case 'verifyAuthChallenge':
        if (typeof out.answerCorrect !== 'boolean')
          problems.add('response.answerCorrect', 'answerCorrect is a boolean (true or false)');
        return onlyKeys('response.', out, ['answerCorrect'], problems);
      case 'preTokenGeneration':
        return preToken(out, version, problems);
      case 'userMigration':
        return userMigration(out, trigger, problems);
      case 'customMessage':
        return customMessage(out, trigger, request, problems);
      default:
        // Post confirmation, pre/post authentication and the custom senders have no output.
        return onlyKeys('response.', out, [], problems);
    }
  },
};
