import { beforeAll, describe } from 'vitest';
import { cognitoEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.signUp = await cognitoEvent({ seed: 1 });
  bases.postConfirmation = await cognitoEvent({ trigger: 'PostConfirmation_ConfirmSignUp', seed: 1 });
  bases.preAuth = await cognitoEvent({ trigger: 'PreAuthentication_Authentication', seed: 1 });
  bases.postAuth = await cognitoEvent({ trigger: 'PostAuthentication_Authentication', seed: 1 });
  bases.define = await cognitoEvent({ trigger: 'DefineAuthChallenge_Authentication', seed: 1 });
  bases.create = await cognitoEvent({ trigger: 'CreateAuthChallenge_Authentication', seed: 1 });
  bases.verify = await cognitoEvent({ trigger: 'VerifyAuthChallengeResponse_Authentication', seed: 1 });
  bases.tokenV1 = await cognitoEvent({ trigger: 'TokenGeneration_Authentication', seed: 1 });
  bases.tokenV2 = await cognitoEvent({
    trigger: 'TokenGeneration_Authentication',
    tokenVersion: '2',
    seed: 1,
  });
  bases.m2m = await cognitoEvent({ trigger: 'TokenGeneration_ClientCredentials', seed: 1 });
  bases.migration = await cognitoEvent({ trigger: 'UserMigration_Authentication', seed: 1 });
  bases.message = await cognitoEvent({ trigger: 'CustomMessage_SignUp', seed: 1 });
  bases.adminMessage = await cognitoEvent({ trigger: 'CustomMessage_AdminCreateUser', seed: 1 });
  bases.emailSender = await cognitoEvent({ trigger: 'CustomEmailSender_SignUp', seed: 1 });
  bases.smsSender = await cognitoEvent({ trigger: 'CustomSMSSender_SignUp', seed: 1 });
});

describe('cognito checker: each rule broken once', () => {
  testBrokenRules('cognito', bases, [
    [
      'unknown trigger source',
      'signUp',
      { triggerSource: 'PreSignUp_Signup' },
      'triggerSource',
      /--list-triggers/,
    ],
    ['extra envelope key', 'signUp', { extra: 1 }, '', /exactly these keys/],
    ['version 2 outside pre token generation', 'signUp', { version: '2' }, 'version', /version "1"/],
    ['client credentials at version 2', 'm2m', { version: '2' }, 'version', /version "3"/],
    [
      'pool id of another region',
      'signUp',
      { userPoolId: 'eu-west-1_bbYLzC8rt' },
      'userPoolId',
      /region, _ and 9/,
    ],
    ['region that is no region', 'signUp', { region: 'nowhere' }, 'region', /AWS Region code/],
    ['empty userName', 'postConfirmation', { userName: '' }, 'userName', /non-empty/],
    [
      'awsSdk instead of awsSdkVersion',
      'emailSender',
      { 'callerContext.awsSdk': 'x', 'callerContext.awsSdkVersion': REMOVED },
      'callerContext',
      /awsSdkVersion and clientId/,
    ],
    [
      'client id placeholder outside an admin call',
      'signUp',
      { 'callerContext.clientId': 'CLIENT_ID_NOT_APPLICABLE' },
      'callerContext.clientId',
      /app client id/,
    ],
    [
      'client id of the wrong shape',
      'preAuth',
      { 'callerContext.clientId': '<apps client id>' },
      'callerContext.clientId',
      /26 lowercase/,
    ],
    [
      'boolean attribute value',
      'postConfirmation',
      { 'request.userAttributes.email_verified': true },
      'request.userAttributes.email_verified',
      /as a string/,
    ],
    [
      'verification flag that is not true/false',
      'preAuth',
      { 'request.userAttributes.email_verified': 'True' },
      'request.userAttributes.email_verified',
      /"true" or "false"/,
    ],
    [
      'sub before the user exists',
      'signUp',
      { 'request.userAttributes.sub': '0b6f1c1e-0000-4000-8000-000000000000' },
      'request.userAttributes.sub',
      /before the user exists/,
    ],
    [
      'existing user without sub',
      'postAuth',
      { 'request.userAttributes.sub': REMOVED },
      'request.userAttributes.sub',
      /has a sub/,
    ],
    [
      'uppercase sub',
      'define',
      (e) => {
        e.request.userAttributes.sub = e.request.userAttributes.sub.toUpperCase();
      },
      'request.userAttributes.sub',
      /lowercase UUID/,
    ],
    [
      'unknown user status',
      'preAuth',
      { 'request.userAttributes.cognito:user_status': 'ACTIVE' },
      'request.userAttributes.cognito:user_status',
      /one of CONFIRMED/,
    ],
    [
      'email alias not the email',
      'preAuth',
      { 'request.userAttributes.cognito:email_alias': 'x@example.com' },
      'request.userAttributes.cognito:email_alias',
      /alias is the email/,
    ],
    [
      'validationData missing from PreSignUp',
      'signUp',
      { 'request.validationData': REMOVED },
      'request',
      /exactly these keys/,
    ],
    [
      'validationData of numbers',
      'signUp',
      { 'request.validationData': { a: 1 } },
      'request.validationData.a',
      /as a string/,
    ],
    [
      'clientMetadata of numbers',
      'postConfirmation',
      { 'request.clientMetadata': { n: 1 } },
      'request.clientMetadata.n',
      /as a string/,
    ],
    [
      'newDeviceUsed not a boolean',
      'postAuth',
      { 'request.newDeviceUsed': 'false' },
      'request.newDeviceUsed',
      /boolean/,
    ],
    [
      'session not a list',
      'define',
      { 'request.session': {} },
      'request.session',
      /list of challenge results/,
    ],
    [
      'session entry with an unknown challenge',
      'define',
      { 'request.session[0].challengeName': 'MAGIC' },
      'request.session[0].challengeName',
      /one of CUSTOM_CHALLENGE/,
    ],
    [
      'session entry result as text',
      'create',
      { 'request.session[0].challengeResult': 'false' },
      'request.session[0].challengeResult',
      /boolean/,
    ],
    [
      'Create for another challenge',
      'create',
      { 'request.challengeName': 'SMS_MFA' },
      'request.challengeName',
      /custom challenge/,
    ],
    [
      'Verify without the answer',
      'verify',
      { 'request.challengeAnswer': 7 },
      'request.challengeAnswer',
      /string the client sent/,
    ],
    [
      'scopes in a version 1 event',
      'tokenV1',
      { 'request.scopes': ['openid'] },
      'request',
      /exactly these keys/,
    ],
    [
      'no scopes in a version 2 event',
      'tokenV2',
      { 'request.scopes': REMOVED },
      'request',
      /exactly these keys/,
    ],
    [
      'preferredRole that is no role',
      'tokenV1',
      { 'request.groupConfiguration.preferredRole': 'admin' },
      'request.groupConfiguration.preferredRole',
      /IAM role ARN/,
    ],
    [
      'migration with user attributes',
      'migration',
      { 'request.userAttributes': {} },
      'request.userAttributes',
      /null/,
    ],
    [
      'code placeholder without braces',
      'message',
      { 'request.codeParameter': '####' },
      'request.codeParameter',
      /placeholder/,
    ],
    [
      'username placeholder missing for AdminCreateUser',
      'adminMessage',
      { 'request.usernameParameter': null },
      'request.usernameParameter',
      /\{username\}/,
    ],
    [
      'link placeholder on a message without links',
      'adminMessage',
      { 'request.linkParameter': '{##Click##}' },
      'request.linkParameter',
      /link verification/,
    ],
    [
      'sender type of the other sender',
      'smsSender',
      { 'request.type': 'customEmailSenderRequestV1' },
      'request.type',
      /names the sender/,
    ],
    [
      'plaintext code for a sender',
      'emailSender',
      { 'request.code': '123 456' },
      'request.code',
      /ciphertext/,
    ],
    [
      'SMS sender without a phone number',
      'smsSender',
      { 'request.userAttributes.phone_number': REMOVED },
      'request.userAttributes.phone_number',
      /phone_number/,
    ],
    ['PreSignUp response not pre-filled', 'signUp', { response: {} }, 'response', /pre-filled/],
    [
      'V2 event with the V1 response key',
      'tokenV2',
      { response: { claimsOverrideDetails: null } },
      'response',
      /pre-filled/,
    ],
  ]);
});
