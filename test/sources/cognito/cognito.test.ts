import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { cognitoEvent } from '../../../src/index.js';
import type { Editable } from '../../check/helpers.js';
import { runCli } from '../../helpers/cli.js';
import { cliOutput, oneEvent } from '../../helpers/matrix.js';

type Event = Editable;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('envelope (FORMATS-api-identity §3.1)', () => {
  test('PreSignUp_SignUp: real key order, the three false flags, validationData null, no sub yet', async () => {
    const event = await cognitoEvent({ seed: 1, userAttributes: { email: 'ana@example.com' } });
    expect(Object.keys(event)).toEqual([
      'version',
      'region',
      'userPoolId',
      'userName',
      'callerContext',
      'triggerSource',
      'request',
      'response',
    ]);
    expect(event.version).toBe('1');
    expect(event.triggerSource).toBe('PreSignUp_SignUp');
    expect(event.userPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(event.userName).toMatch(UUID);
    expect(event.callerContext).toStrictEqual({
      awsSdkVersion: 'aws-sdk-unknown-unknown',
      clientId: expect.stringMatching(/^[a-z0-9]{26}$/),
    });
    expect(event.request).toStrictEqual({
      userAttributes: { email: 'ana@example.com' },
      validationData: null,
    });
    expect(event.response).toStrictEqual({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
  });

  test('the user pool id names the region: --user-pool sets it, --region shapes the default', async () => {
    const given = await oneEvent<Event>(['cognito', '--user-pool', 'eu-west-1_bbYLzC8rt', '--seed', '1']);
    expect(given.region).toBe('eu-west-1');
    expect(given.userPoolId).toBe('eu-west-1_bbYLzC8rt');
    const made = await oneEvent<Event>(['cognito', '--region', 'ap-south-1', '--seed', '1']);
    expect(made.userPoolId).toMatch(/^ap-south-1_[A-Za-z0-9]{9}$/);
  });

  test('one pool and one app client for a whole run; same seed, same bytes', async () => {
    const args = [
      'cognito',
      '--trigger',
      'PreAuthentication_Authentication',
      '--seed',
      '9',
      '--count',
      '5',
      '--ndjson',
    ];
    const text = await cliOutput(args);
    expect(await cliOutput(args)).toBe(text);
    const events = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(new Set(events.map((e) => e.userPoolId)).size).toBe(1);
    expect(new Set(events.map((e) => e.callerContext.clientId)).size).toBe(1);
    expect(new Set(events.map((e) => e.request.userAttributes.sub)).size).toBe(5);
  });

  test('an administrator call has no app client: CLIENT_ID_NOT_APPLICABLE unless --client-id', async () => {
    const admin = await cognitoEvent({ trigger: 'PreSignUp_AdminCreateUser', seed: 2 });
    expect(admin.callerContext.clientId).toBe('CLIENT_ID_NOT_APPLICABLE');
    const given = await cognitoEvent({
      trigger: 'CustomMessage_AdminCreateUser',
      clientId: '4ma39kqn9j6ncsimddqs13sgok',
    });
    expect(given.callerContext.clientId).toBe('4ma39kqn9j6ncsimddqs13sgok');
  });

  test('a federated sign-up is named {Provider}_{subject}', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const event = await cognitoEvent({ trigger: 'PreSignUp_ExternalProvider', seed });
      expect(event.userName).toMatch(/^(Google|Facebook|LoginWithAmazon|SignInWithApple)_.+$/);
    }
  });
});

describe('user attributes: strings, consistent with the trigger (§3.1)', () => {
  test('an existing user: sub (also the userName), alias = email, status, string flags', async () => {
    const event = await cognitoEvent({ trigger: 'PostConfirmation_ConfirmSignUp', seed: 3 });
    const attributes = event.request.userAttributes;
    expect(Object.keys(attributes).slice(0, 4)).toEqual([
      'sub',
      'cognito:email_alias',
      'cognito:user_status',
      'email_verified',
    ]);
    expect(attributes.sub).toMatch(UUID);
    expect(event.userName).toBe(attributes.sub);
    expect(attributes['cognito:email_alias']).toBe(attributes.email);
    expect(attributes['cognito:user_status']).toBe('CONFIRMED');
    expect(attributes.email_verified).toBe('true');
    for (const value of Object.values(attributes)) expect(typeof value).toBe('string');
    expect(event.request).not.toHaveProperty('clientMetadata');
    expect(event.response).toStrictEqual({});
  });

  test('an unconfirmed sign-up code, a temporary password: the status each has', async () => {
    const signUp = await cognitoEvent({ trigger: 'CustomMessage_SignUp', seed: 1 });
    expect(signUp.request.userAttributes).toMatchObject({
      'cognito:user_status': 'UNCONFIRMED',
      email_verified: 'false',
    });
    const admin = await cognitoEvent({ trigger: 'CustomEmailSender_AdminCreateUser', seed: 1 });
    expect(admin.request.userAttributes['cognito:user_status']).toBe('FORCE_CHANGE_PASSWORD');
  });

  test('--user-attribute values override and join the realistic ones; the alias follows a given email', async () => {
    const event = await oneEvent<Event>([
      'cognito',
      '--trigger',
      'PreAuthentication_Authentication',
      '--user-attribute',
      'email=lee@example.org',
      '--user-attribute',
      'custom:tenant=acme',
      '--seed',
      '1',
    ]);
    expect(event.request.userAttributes).toMatchObject({
      email: 'lee@example.org',
      'cognito:email_alias': 'lee@example.org',
      'custom:tenant': 'acme',
    });
    expect(event.request.validationData).toStrictEqual({});
  });

  test('an SMS sender always has a phone number to send to', async () => {
    for (const seed of [1, 2, 3]) {
      const event = await cognitoEvent({ trigger: 'CustomSMSSender_Authentication', seed });
      expect(event.request.userAttributes.phone_number).toMatch(/^\+1\d{3}55501\d{2}$/);
    }
  });

  test('--client-metadata appears as given, only when given', async () => {
    const event = await oneEvent<Event>(['cognito', '--client-metadata', '{"source":"web"}', '--seed', '1']);
    expect(event.request.clientMetadata).toStrictEqual({ source: 'web' });
  });
});

describe('per-trigger request fields (§3.3)', () => {
  test('Define: earlier CUSTOM_CHALLENGE rounds by default, --session [] for the first call', async () => {
    const event = await cognitoEvent({ trigger: 'DefineAuthChallenge_Authentication', seed: 4 });
    expect(event.request.session.length).toBeGreaterThan(0);
    expect(event.request.session[0]).toStrictEqual({
      challengeName: 'CUSTOM_CHALLENGE',
      challengeResult: expect.any(Boolean),
      challengeMetadata: 'CODE_ROUND_1',
    });
    expect(event.response).toStrictEqual({
      challengeName: null,
      issueTokens: null,
      failAuthentication: null,
    });
    const first = await oneEvent<Event>([
      'cognito',
      '--trigger',
      'DefineAuthChallenge_Authentication',
      '--session',
      '[]',
    ]);
    expect(first.request.session).toStrictEqual([]);
    expect((await checkEvent(first)).problems).toEqual([]);
  });

  test('Create: challengeName CUSTOM_CHALLENGE, earlier rounds all failed, three null outputs', async () => {
    const event = await cognitoEvent({
      trigger: 'CreateAuthChallenge_Authentication',
      seed: 5,
      userNotFound: false,
    });
    expect(Object.keys(event.request)).toEqual([
      'userAttributes',
      'challengeName',
      'session',
      'userNotFound',
    ]);
    expect(event.request.challengeName).toBe('CUSTOM_CHALLENGE');
    for (const round of event.request.session) expect(round.challengeResult).toBe(false);
    expect(event.response).toStrictEqual({
      publicChallengeParameters: null,
      privateChallengeParameters: null,
      challengeMetadata: null,
    });
  });

  test('Verify: the answer and what Create put aside; answerCorrect pre-filled false', async () => {
    const event = await oneEvent<Event>([
      'cognito',
      '--trigger',
      'VerifyAuthChallengeResponse_Authentication',
      '--private-challenge-parameters',
      '{"answer":"123456"}',
      '--challenge-answer',
      '654321',
    ]);
    expect(event.request.privateChallengeParameters).toStrictEqual({ answer: '123456' });
    expect(event.request.challengeAnswer).toBe('654321');
    expect(event.response).toStrictEqual({ answerCorrect: false });
  });

  test('user not found: the key is there and the attributes are empty', async () => {
    const event = await cognitoEvent({
      trigger: 'PreAuthentication_Authentication',
      userNotFound: true,
      seed: 1,
    });
    expect(event.request).toStrictEqual({ userAttributes: {}, validationData: {}, userNotFound: true });
  });

  test('PostAuthentication: newDeviceUsed', async () => {
    expect((await cognitoEvent({ trigger: 'PostAuthentication_Authentication' })).request.newDeviceUsed).toBe(
      false,
    );
    const event = await oneEvent<Event>([
      'cognito',
      '--trigger',
      'PostAuthentication_Authentication',
      '--new-device',
    ]);
    expect(event.request.newDeviceUsed).toBe(true);
  });

  test('pre token V1: groupConfiguration, no scopes, claimsOverrideDetails null', async () => {
    const event = await cognitoEvent({
      trigger: 'TokenGeneration_RefreshTokens',
      groups: ['admins'],
      seed: 1,
    });
    expect(event.version).toBe('1');
    expect(event.request.groupConfiguration).toStrictEqual({
      groupsToOverride: ['admins'],
      iamRolesToOverride: [],
      preferredRole: null,
    });
    expect(event.request).not.toHaveProperty('scopes');
    expect(event.response).toStrictEqual({ claimsOverrideDetails: null });
  });

  test('pre token V2: version "2", scopes, claimsAndScopeOverrideDetails null; managed login has OAuth scopes', async () => {
    const event = await cognitoEvent({
      trigger: 'TokenGeneration_Authentication',
      tokenVersion: '2',
      seed: 1,
    });
    expect(event.version).toBe('2');
    expect(event.request.scopes).toStrictEqual(['aws.cognito.signin.user.admin']);
    expect(event.response).toStrictEqual({ claimsAndScopeOverrideDetails: null });
    const hosted = await cognitoEvent({
      trigger: 'TokenGeneration_HostedAuth',
      tokenVersion: '3',
      scopes: ['openid'],
    });
    expect(hosted.version).toBe('3');
    expect(hosted.request.scopes).toStrictEqual(['openid']);
  });

  test('client credentials: version 3, no user, the app client as userName', async () => {
    const event = await cognitoEvent({ trigger: 'TokenGeneration_ClientCredentials', seed: 1 });
    expect(event.version).toBe('3');
    expect(event.request.userAttributes).toStrictEqual({});
    expect(event.userName).toBe(event.callerContext.clientId);
    expect(event.request.scopes).toHaveLength(1);
  });

  test('UserMigration_Authentication: password, validationData null, userAttributes null; userName as typed', async () => {
    const event = await cognitoEvent({
      trigger: 'UserMigration_Authentication',
      password: 'Secret123!',
      userName: 'old-user',
    });
    expect(event.userName).toBe('old-user');
    expect(event.request).toStrictEqual({
      password: 'Secret123!',
      validationData: null,
      userAttributes: null,
    });
  });

  test('CustomMessage: {####}; {username} for AdminCreateUser; the link with --link-verification', async () => {
    const plain = await cognitoEvent({ trigger: 'CustomMessage_ForgotPassword', seed: 1 });
    expect(plain.request).toMatchObject({
      codeParameter: '{####}',
      linkParameter: null,
      usernameParameter: null,
    });
    expect(plain.response).toStrictEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    const admin = await cognitoEvent({ trigger: 'CustomMessage_AdminCreateUser', seed: 1 });
    expect(admin.request.usernameParameter).toBe('{username}');
    const link = await oneEvent<Event>([
      'cognito',
      '--trigger',
      'CustomMessage_SignUp',
      '--link-verification',
    ]);
    expect(link.request.linkParameter).toBe('{##Click Here##}');
  });

  test('custom senders: the type and an Encryption SDK ciphertext as code', async () => {
    const email = await cognitoEvent({ trigger: 'CustomEmailSender_ForgotPassword', seed: 1 });
    expect(Object.keys(email.request)).toEqual(['type', 'code', 'userAttributes']);
    expect(email.request.type).toBe('customEmailSenderRequestV1');
    expect(email.request.code).toMatch(/^AYADe[A-Za-z0-9+/]+={0,2}$/);
    const sms = await cognitoEvent({ trigger: 'CustomSMSSender_SignUp', code: 'AYADeBgiven' });
    expect(sms.request.type).toBe('customSMSSenderRequestV1');
    expect(sms.request.code).toBe('AYADeBgiven');
  });
});

describe('common options', () => {
  test('--set changes a field; check then names it', async () => {
    const event = await oneEvent<Event>(['cognito', '--set', 'response.autoConfirmUser=true', '--seed', '1']);
    expect(event.response.autoConfirmUser).toBe(true);
    expect((await checkEvent(event)).problems.map((p) => p.path)).toEqual(['response']);
  });
});

describe('bad input: one line on stderr, nothing on stdout', () => {
  test.each([
    [
      ['--trigger', 'PreSignup_Signup'],
      2,
      "gen-event: --trigger 'PreSignup_Signup' is not a Cognito trigger source (did you mean PreSignUp_SignUp? gen-event cognito --list-triggers lists them)",
    ],
    [
      ['--token-version', '4'],
      2,
      "gen-event: --token-version '4' is not a pre token generation event version (give 1, 2 or 3)",
    ],
    [
      ['--token-version', '2'],
      2,
      'gen-event: --token-version is not part of a PreSignUp_SignUp event (drop it, or pick a trigger that has it)',
    ],
    [
      ['--trigger', 'TokenGeneration_ClientCredentials', '--token-version', '2'],
      2,
      'gen-event: --token-version 2 does not exist for TokenGeneration_ClientCredentials (give 3)',
    ],
    [
      ['--client-metadata', '{"a":1}'],
      2,
      "gen-event: --client-metadata value of 'a' is a number (Cognito passes client-metadata values as strings; quote it)",
    ],
    [
      ['--client-metadata', '[]'],
      2,
      `gen-event: --client-metadata is not a JSON object (give --client-metadata '{"key":"value"}')`,
    ],
    [
      ['--user-pool', 'us-east-1_short'],
      2,
      "gen-event: --user-pool 'us-east-1_short' is not a user pool id in us-east-1 (give us-east-1_ and 9 letters or digits, e.g. us-east-1_bbYLzC8rt)",
    ],
    [
      ['--client-id', 'ABC'],
      2,
      "gen-event: --client-id 'ABC' is not an app client id (give 26 lowercase letters and digits)",
    ],
    [
      ['--user-attribute', 'sub=0b6f1c1e-0000-4000-8000-000000000000'],
      2,
      'gen-event: a PreSignUp_SignUp event has no sub (the user does not exist yet; drop it)',
    ],
    [
      ['--user-attribute', 'foo'],
      2,
      "gen-event: --user-attribute 'foo' is not <name>=<value> (write --user-attribute '<name>=<value>')",
    ],
    [
      ['--trigger', 'PreAuthentication_Authentication', '--user-attribute', 'email_verified=yes'],
      2,
      'gen-event: --user-attribute email_verified=yes is not "true" or "false" (verification flags are the strings true or false)',
    ],
    [
      ['--trigger', 'DefineAuthChallenge_Authentication', '--session', '{}'],
      2,
      'gen-event: --session is not a list of challenge results (give [{"challengeName":"CUSTOM_CHALLENGE","challengeResult":false,"challengeMetadata":null}] or [])',
    ],
    [
      ['--password', 'x'],
      2,
      'gen-event: --password is not part of a PreSignUp_SignUp event (only UserMigration_Authentication carries the password)',
    ],
    [
      ['--trigger', 'TokenGeneration_Authentication', '--scope', 'openid'],
      2,
      'gen-event: --scope needs --token-version 2 or 3 (a version 1 event carries no scopes)',
    ],
    [
      ['--trigger', 'CustomMessage_ForgotPassword', '--link-verification'],
      2,
      'gen-event: --link-verification is not part of a CustomMessage_ForgotPassword event (links confirm sign-ups: use CustomMessage_SignUp or CustomMessage_ResendCode)',
    ],
    [
      ['--trigger', 'UserMigration_Authentication', '--user-attribute', 'email=a@example.com'],
      2,
      'gen-event: a UserMigration_Authentication event has no user attributes (the user is not in the pool yet; the handler returns them in response.userAttributes)',
    ],
    [
      ['--new-device', '--trigger', 'PreAuthentication_Authentication'],
      2,
      'gen-event: --new-device is not part of a PreAuthentication_Authentication event (drop it, or pick a trigger that has it)',
    ],
    [
      ['--client-metadata', '{"a":'],
      1,
      'gen-event: --client-metadata is not valid JSON: it ends too early (fix the JSON)',
    ],
  ] as const)('%j', async (args, status, stderr) => {
    const result = await runCli(['cognito', ...args]);
    expect(result).toEqual({ status, stdout: '', stderr: `${stderr}\n` });
  });
});
