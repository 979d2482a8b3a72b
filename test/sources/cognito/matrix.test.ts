import {
  CreateAuthChallengeTriggerSchema,
  CustomEmailSenderTriggerSchema,
  CustomMessageTriggerSchema,
  CustomSMSSenderTriggerSchema,
  DefineAuthChallengeTriggerSchema,
  MigrateUserTriggerSchema,
  PostAuthenticationTriggerSchema,
  PostConfirmationTriggerSchema,
  PreAuthenticationTriggerSchema,
  PreSignupTriggerSchema,
  PreTokenGenerationTriggerSchemaV1,
  PreTokenGenerationTriggerSchemaV2AndV3,
  VerifyAuthChallengeTriggerSchema,
} from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkEvent } from '../../../src/check/registry.js';
import { familyOf, TRIGGER_SOURCES } from '../../../src/sources/cognito/triggers.js';
import { cliOutput, ndjsonEvents } from '../../helpers/matrix.js';

/** The Powertools schema of each trigger, with its own `triggerSource` where the schema names only one. */
function schemaOf(trigger: string, version: string): z.ZodType | undefined {
  const own = { triggerSource: z.literal(trigger) };
  switch (familyOf(trigger as never)) {
    case 'preSignUp':
      return PreSignupTriggerSchema.extend(own);
    case 'postConfirmation':
      return PostConfirmationTriggerSchema.extend(own);
    case 'preAuthentication':
      return PreAuthenticationTriggerSchema;
    case 'postAuthentication':
      return PostAuthenticationTriggerSchema;
    case 'defineAuthChallenge':
      return DefineAuthChallengeTriggerSchema;
    case 'createAuthChallenge':
      return CreateAuthChallengeTriggerSchema;
    case 'verifyAuthChallenge':
      return VerifyAuthChallengeTriggerSchema;
    case 'preTokenGeneration':
      return (
        version === '1' ? PreTokenGenerationTriggerSchemaV1 : PreTokenGenerationTriggerSchemaV2AndV3
      ).extend(own);
    case 'userMigration':
      // The schema requires a password, which ForgotPassword lacks: exact keys below instead.
      // and models validationData as absent-or-map, where the real event it was written from sends null
      // (powertools-lambda-typescript#3729): that one field is widened to allow null.
      return trigger === 'UserMigration_Authentication'
        ? MigrateUserTriggerSchema.extend({
            ...own,
            request: MigrateUserTriggerSchema.shape.request.extend({
              validationData: z.record(z.string(), z.string()).nullable(),
            }),
          })
        : undefined;
    case 'customMessage':
      return CustomMessageTriggerSchema.extend(own);
    default:
      // An account-takeover notice carries no code (null), which the schemas do not allow.
      if (trigger.endsWith('_AccountTakeOverNotification')) return undefined;
      return (
        familyOf(trigger as never) === 'customEmailSender'
          ? CustomEmailSenderTriggerSchema
          : CustomSMSSenderTriggerSchema
      ).extend(own);
  }
}

const runs: (readonly [string, string])[] = TRIGGER_SOURCES.flatMap(
  (trigger): (readonly [string, string])[] => {
    if (trigger === 'TokenGeneration_ClientCredentials') return [[trigger, '3']];
    if (familyOf(trigger) === 'preTokenGeneration') return ['1', '2', '3'].map((v) => [trigger, v]);
    return [[trigger, '1']];
  },
);

describe('every trigger x seeds x --count 200 --ndjson: Powertools schema and gen-event check, zero problems', () => {
  test.each(runs.flatMap(([trigger, version]) => [1, 2].map((seed) => [trigger, version, seed] as const)))(
    '%s v%s seed %i',
    async (trigger, version, seed) => {
      const args = ['cognito', '--trigger', trigger, '--seed', String(seed)];
      if (familyOf(trigger as never) === 'preTokenGeneration') args.push('--token-version', version);
      const events = (await ndjsonEvents(args)) as Record<string, unknown>[];
      const schema = schemaOf(trigger, version);
      for (const event of events) {
        expect(event.triggerSource).toBe(trigger);
        expect(event.version).toBe(version);
        if (schema) expect(schema.safeParse(event).error).toBeUndefined();
        expect(await checkEvent(event)).toEqual({ kind: 'cognito', problems: [] });
      }
    },
  );
});

describe('triggers without a Powertools schema: exact key lists (FORMATS-api-identity §3.3)', () => {
  test('UserMigration_ForgotPassword: no password, userAttributes null, the six response keys null', async () => {
    const events = (await ndjsonEvents(
      ['cognito', '--trigger', 'UserMigration_ForgotPassword', '--seed', '3'],
      20,
    )) as {
      request: object;
      response: object;
    }[];
    for (const event of events) {
      expect(event.request).toStrictEqual({ validationData: null, userAttributes: null });
      expect(event.response).toStrictEqual({
        userAttributes: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
      });
    }
  });

  test.each(['CustomEmailSender_AccountTakeOverNotification', 'CustomSMSSender_AccountTakeOverNotification'])(
    '%s: type, a null code, the attributes; response {}',
    async (trigger) => {
      const event = JSON.parse(await cliOutput(['cognito', '--trigger', trigger, '--seed', '4']));
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
      expect(Object.keys(event.request)).toEqual(['type', 'code', 'userAttributes']);
      expect(event.request.code).toBeNull();
      expect(event.response).toStrictEqual({});
    },
  );
});

test('--list-triggers: every trigger source, a tab and what it is, one a line; exit 0', async () => {
  const lines = (await cliOutput(['cognito', '--list-triggers'])).trimEnd().split('\n');
  // Every triggerSource the Cognito trigger docs list (FORMATS-api-identity §3.2), in the docs' order.
  const senders = ['SignUp', 'ResendCode', 'ForgotPassword', 'UpdateUserAttribute', 'VerifyUserAttribute'];
  expect(lines.map((line) => line.split('\t')[0])).toEqual([
    'PreSignUp_SignUp',
    'PreSignUp_AdminCreateUser',
    'PreSignUp_ExternalProvider',
    'PostConfirmation_ConfirmSignUp',
    'PostConfirmation_ConfirmForgotPassword',
    'PreAuthentication_Authentication',
    'PostAuthentication_Authentication',
    'DefineAuthChallenge_Authentication',
    'CreateAuthChallenge_Authentication',
    'VerifyAuthChallengeResponse_Authentication',
    'TokenGeneration_HostedAuth',
    'TokenGeneration_Authentication',
    'TokenGeneration_NewPasswordChallenge',
    'TokenGeneration_AuthenticateDevice',
    'TokenGeneration_RefreshTokens',
    'TokenGeneration_ClientCredentials',
    'UserMigration_Authentication',
    'UserMigration_ForgotPassword',
    'CustomMessage_SignUp',
    'CustomMessage_AdminCreateUser',
    'CustomMessage_ResendCode',
    'CustomMessage_ForgotPassword',
    'CustomMessage_UpdateUserAttribute',
    'CustomMessage_VerifyUserAttribute',
    'CustomMessage_Authentication',
    ...[...senders, 'AdminCreateUser', 'AccountTakeOverNotification'].map((s) => `CustomEmailSender_${s}`),
    ...[...senders, 'AdminCreateUser', 'AccountTakeOverNotification', 'Authentication'].map(
      (s) => `CustomSMSSender_${s}`,
    ),
  ]);
  expect(lines).toHaveLength(40);
  expect(lines[0]).toBe('PreSignUp_SignUp\tpre sign-up: a user signs up (SignUp)');
  for (const line of lines) expect(line).toMatch(/^[A-Za-z]+_[A-Za-z]+\t[^\t]+$/);
});
