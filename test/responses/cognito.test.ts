import { beforeAll, describe, expect, test } from 'vitest';
import { ProblemList } from '../../src/check/problems.js';
import { cognitoEvent } from '../../src/index.js';
import { cognitoResponseChecker } from '../../src/sources/cognito/response.js';
import type { Editable } from '../check/helpers.js';

type Event = Editable;

const events: Record<string, Event> = {};

beforeAll(async () => {
  events.signUp = await cognitoEvent({ seed: 1, userAttributes: { email: 'ana@example.com' } });
  events.postConfirmation = await cognitoEvent({ trigger: 'PostConfirmation_ConfirmSignUp', seed: 1 });
  events.define = await cognitoEvent({ trigger: 'DefineAuthChallenge_Authentication', seed: 1 });
  events.create = await cognitoEvent({ trigger: 'CreateAuthChallenge_Authentication', seed: 1 });
  events.verify = await cognitoEvent({ trigger: 'VerifyAuthChallengeResponse_Authentication', seed: 1 });
  events.tokenV1 = await cognitoEvent({ trigger: 'TokenGeneration_Authentication', seed: 1 });
  events.tokenV2 = await cognitoEvent({
    trigger: 'TokenGeneration_Authentication',
    tokenVersion: '2',
    seed: 1,
  });
  events.migration = await cognitoEvent({ trigger: 'UserMigration_Authentication', seed: 1 });
  events.message = await cognitoEvent({ trigger: 'CustomMessage_ForgotPassword', seed: 1 });
  events.adminMessage = await cognitoEvent({ trigger: 'CustomMessage_AdminCreateUser', seed: 1 });
  events.sender = await cognitoEvent({ trigger: 'CustomEmailSender_SignUp', seed: 1 });
});

/** The event answered with `response` replaced. */
const answer = (base: string, response: unknown): Event => ({ ...structuredClone(events[base]), response });

function problemsOf(response: unknown, event?: Event) {
  const problems = new ProblemList();
  cognitoResponseChecker.check(response, event, problems);
  return problems.problems;
}

test('the checker answers for cognito; the event only adds the envelope rule', () => {
  expect(cognitoResponseChecker.source).toBe('cognito');
  expect(cognitoResponseChecker.event).toBe('optional');
});

describe('every documented response shape is accepted (FORMATS-api-identity §3.3)', () => {
  const accepted: [string, string, unknown][] = [
    [
      'PreSignUp as pre-filled',
      'signUp',
      { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    ],
    [
      'PreSignUp confirming and verifying the email',
      'signUp',
      { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false },
    ],
    ['post confirmation: nothing', 'postConfirmation', {}],
    [
      'Define: the next challenge',
      'define',
      { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false },
    ],
    ['Define: issue tokens', 'define', { challengeName: null, issueTokens: true, failAuthentication: false }],
    ['Define: fail', 'define', { issueTokens: false, failAuthentication: true }],
    [
      'Create: parameters and metadata',
      'create',
      {
        publicChallengeParameters: { hint: 'sent to a***@example.com' },
        privateChallengeParameters: { answer: '123456' },
        challengeMetadata: 'CODE_ROUND_2',
      },
    ],
    ['Verify: right', 'verify', { answerCorrect: true }],
    ['Verify: wrong', 'verify', { answerCorrect: false }],
    ['pre token V1: untouched', 'tokenV1', { claimsOverrideDetails: null }],
    [
      'pre token V1: claims and groups',
      'tokenV1',
      {
        claimsOverrideDetails: {
          claimsToAddOrOverride: { tenant: 'acme' },
          claimsToSuppress: ['email'],
          groupOverrideDetails: {
            groupsToOverride: ['admins'],
            iamRolesToOverride: [],
            preferredRole: 'arn:aws:iam::123456789012:role/admin',
          },
        },
      },
    ],
    [
      'pre token V2: the doc-like fixture response',
      'tokenV2',
      {
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: {
            claimsToAddOrOverride: { family_name: 'xyz', favorite_number: 2 },
            claimsToSuppress: ['email', 'birthdate'],
          },
          accessTokenGeneration: {
            claimsToAddOrOverride: { family_name: 'xyz', favorite_number: 2 },
            claimsToSuppress: ['email', 'birthdate'],
            scopesToAdd: ['scope1', 'scope2', 'scopeLomond'],
            scopesToSuppress: ['phone_number'],
          },
          groupOverrideDetails: {
            groupsToOverride: ['group-A', 'group-B', 'group-C'],
            iamRolesToOverride: ['arn:aws:iam::123456789012:role/sns_callerA'],
            preferredRole: 'arn:aws:iam::123456789012:role/sns_caller',
          },
        },
      },
    ],
    [
      'UserMigration: the user, confirmed and silent',
      'migration',
      {
        userAttributes: { email: 'a@example.com', email_verified: 'true' },
        finalUserStatus: 'CONFIRMED',
        messageAction: 'SUPPRESS',
        desiredDeliveryMediums: ['EMAIL'],
        forceAliasCreation: false,
        enableSMSMFA: null,
      },
    ],
    [
      'CustomMessage: both messages with the code',
      'message',
      {
        smsMessage: 'Your code is {####}',
        emailMessage: '<p>Your reset code: {####}</p>',
        emailSubject: 'Reset your password',
      },
    ],
    ['CustomMessage: untouched', 'message', { smsMessage: null, emailMessage: null, emailSubject: null }],
    [
      'CustomMessage_AdminCreateUser: username and temporary password',
      'adminMessage',
      {
        smsMessage: 'User {username}, password {####}',
        emailMessage: 'Welcome {username}: {####}',
        emailSubject: 'Welcome',
      },
    ],
    ['custom sender: nothing', 'sender', {}],
  ];
  test.each(accepted)('%s', (_what, base, response) => {
    const returned = answer(base, response);
    expect(problemsOf(returned, events[base])).toEqual([]);
    expect(problemsOf(returned)).toEqual([]);
  });
});

describe('wrong responses are rejected at their path with the rule', () => {
  const rejected: [string, () => unknown, string, string][] = [
    [
      'not the event back',
      () => ({ autoConfirmUser: true }),
      'response',
      'a trigger returns the whole event with its response object (else InvalidLambdaResponseException)',
    ],
    [
      'PreSignUp flag as text',
      () => answer('signUp', { autoConfirmUser: 'true', autoVerifyEmail: false, autoVerifyPhone: false }),
      'response.autoConfirmUser',
      'autoConfirmUser is a boolean (true or false)',
    ],
    [
      'PreSignUp verifying a phone nobody gave',
      () => answer('signUp', { autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: true }),
      'response.autoVerifyPhone',
      'autoVerifyPhone needs a phone_number attribute to verify',
    ],
    [
      'Define: an unknown challenge',
      () => answer('define', { challengeName: 'CAPTCHA', issueTokens: false, failAuthentication: false }),
      'response.challengeName',
      'challengeName is one of CUSTOM_CHALLENGE, SRP_A, PASSWORD_VERIFIER, SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, ADMIN_NO_SRP_AUTH',
    ],
    [
      'Define: neither tokens, failure nor a challenge',
      () => answer('define', { challengeName: null, issueTokens: false, failAuthentication: false }),
      'response.challengeName',
      'without issueTokens or failAuthentication, Define names the next challenge',
    ],
    [
      'Define: tokens and failure at once',
      () => answer('define', { issueTokens: true, failAuthentication: true }),
      'response.failAuthentication',
      'issueTokens and failAuthentication cannot both be true',
    ],
    [
      'Define: issueTokens as text',
      () => answer('define', { issueTokens: 'yes' }),
      'response.issueTokens',
      'issueTokens is a boolean',
    ],
    [
      'Create: a public parameter that is a number',
      () => answer('create', { publicChallengeParameters: { digits: 6 } }),
      'response.publicChallengeParameters.digits',
      'Cognito accepts only string values here',
    ],
    [
      'Verify: answerCorrect as text',
      () => answer('verify', { answerCorrect: 'true' }),
      'response.answerCorrect',
      'answerCorrect is a boolean (true or false)',
    ],
    [
      'pre token V1 answered the V2 way',
      () => answer('tokenV1', { claimsAndScopeOverrideDetails: {} }),
      'response.claimsAndScopeOverrideDetails',
      'a version 1 event is answered with claimsOverrideDetails',
    ],
    [
      'pre token V2 answered the V1 way',
      () => answer('tokenV2', { claimsOverrideDetails: {} }),
      'response.claimsOverrideDetails',
      'a version 2 event is answered with claimsAndScopeOverrideDetails',
    ],
    [
      'pre token V1 number claim',
      () => answer('tokenV1', { claimsOverrideDetails: { claimsToAddOrOverride: { level: 3 } } }),
      'response.claimsOverrideDetails.claimsToAddOrOverride.level',
      'a version 1 event takes string claim values only',
    ],
    [
      'pre token: overriding sub',
      () =>
        answer('tokenV2', {
          claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { sub: 'x' } } },
        }),
      'response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.sub',
      'sub is issued by Cognito and cannot be overridden',
    ],
    [
      'pre token: suppressing exp',
      () => answer('tokenV1', { claimsOverrideDetails: { claimsToSuppress: ['exp'] } }),
      'response.claimsOverrideDetails.claimsToSuppress',
      'exp is issued by Cognito and cannot be suppressed',
    ],
    [
      'pre token V2: scopes on the ID token',
      () =>
        answer('tokenV2', { claimsAndScopeOverrideDetails: { idTokenGeneration: { scopesToAdd: ['a'] } } }),
      'response.claimsAndScopeOverrideDetails.idTokenGeneration.scopesToAdd',
      'Cognito reads no scopesToAdd here; it reads claimsToAddOrOverride, claimsToSuppress',
    ],
    [
      'migration: no user attributes',
      () => answer('migration', { finalUserStatus: 'CONFIRMED' }),
      'response.userAttributes',
      'UserMigration_Authentication creates the user from response.userAttributes (an object of strings)',
    ],
    [
      'migration: an unknown final status',
      () => answer('migration', { userAttributes: { email: 'a@example.com' }, finalUserStatus: 'ACTIVE' }),
      'response.finalUserStatus',
      'finalUserStatus is CONFIRMED or RESET_REQUIRED',
    ],
    [
      'migration: an unknown message action',
      () => answer('migration', { userAttributes: { email: 'a@example.com' }, messageAction: 'SEND' }),
      'response.messageAction',
      'messageAction is SUPPRESS or RESEND',
    ],
    [
      'migration: SMS without a phone',
      () =>
        answer('migration', { userAttributes: { email: 'a@example.com' }, desiredDeliveryMediums: ['SMS'] }),
      'response.desiredDeliveryMediums',
      'SMS delivery needs a phone_number in response.userAttributes',
    ],
    [
      'migration: a sub of its own',
      () => answer('migration', { userAttributes: { email: 'a@example.com', sub: 'x' } }),
      'response.userAttributes.sub',
      'Cognito assigns the sub; leave it out',
    ],
    [
      'migration: boolean attribute',
      () => answer('migration', { userAttributes: { email: 'a@example.com', email_verified: true } }),
      'response.userAttributes.email_verified',
      'Cognito accepts only string values here',
    ],
    [
      'message without the code',
      () => answer('message', { smsMessage: null, emailMessage: 'Reset your password', emailSubject: null }),
      'response.emailMessage',
      'emailMessage must contain the code placeholder {####}',
    ],
    [
      'SMS over 140 characters',
      () =>
        answer('message', {
          smsMessage: `{####} ${'x'.repeat(140)}`,
          emailMessage: null,
          emailSubject: null,
        }),
      'response.smsMessage',
      'smsMessage is at most 140 characters',
    ],
    [
      'email over 20,000 characters',
      () =>
        answer('message', {
          smsMessage: null,
          emailMessage: `{####}${'x'.repeat(20_000)}`,
          emailSubject: null,
        }),
      'response.emailMessage',
      'emailMessage is at most 20000 characters',
    ],
    [
      'admin message without the username',
      () => answer('adminMessage', { smsMessage: 'Password {####}', emailMessage: null, emailSubject: null }),
      'response.smsMessage',
      'smsMessage must contain the username placeholder {username}',
    ],
    [
      'a key the trigger has no output for',
      () => answer('postConfirmation', { autoConfirmUser: true }),
      'response.autoConfirmUser',
      'this trigger has no output: Cognito reads no autoConfirmUser',
    ],
  ];
  test.each(rejected)('%s', (_what, make, path, message) => {
    expect(problemsOf(make())).toContainEqual({ path, message });
  });

  test('with the event: a changed envelope field is named', () => {
    const returned = answer('signUp', {
      autoConfirmUser: true,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
    returned.userName = 'someone-else';
    expect(problemsOf(returned, events.signUp)).toEqual([
      {
        path: 'userName',
        message: 'userName differs from the event: return the event Cognito sent, with only response filled',
      },
    ]);
  });
});
