import { type CognitoTrigger, familyOf, type TokenVersion, type TriggerFamily } from './triggers.js';

/**
 * The keys of `request` for each trigger, in the order Cognito writes them, and which of them come and
 * go (FORMATS-api-identity §3.3). The generator writes them; the checker expects exactly these.
 */
interface RequestKeys {
  readonly keys: readonly string[];
  /** Keys present only in some events: `clientMetadata` when the call passed it, `userNotFound`… */
  readonly optional: readonly string[];
}

const REQUEST_KEYS: Record<TriggerFamily, RequestKeys> = {
  preSignUp: { keys: ['userAttributes', 'validationData', 'clientMetadata'], optional: ['clientMetadata'] },
  postConfirmation: { keys: ['userAttributes', 'clientMetadata'], optional: ['clientMetadata'] },
  // PreAuthentication's validationData is `{}` when none was sent (3P floci#3850, UNCONFIRMED there).
  preAuthentication: {
    keys: ['userAttributes', 'validationData', 'userNotFound', 'clientMetadata'],
    optional: ['userNotFound', 'clientMetadata'],
  },
  postAuthentication: {
    keys: ['userAttributes', 'newDeviceUsed', 'clientMetadata'],
    optional: ['clientMetadata'],
  },
  defineAuthChallenge: {
    keys: ['userAttributes', 'session', 'clientMetadata', 'userNotFound'],
    optional: ['clientMetadata', 'userNotFound'],
  },
  createAuthChallenge: {
    keys: ['userAttributes', 'challengeName', 'session', 'clientMetadata', 'userNotFound'],
    optional: ['clientMetadata', 'userNotFound'],
  },
  verifyAuthChallenge: {
    keys: [
      'userAttributes',
      'privateChallengeParameters',
      'challengeAnswer',
      'clientMetadata',
      'userNotFound',
    ],
    optional: ['clientMetadata', 'userNotFound'],
  },
  preTokenGeneration: {
    keys: ['userAttributes', 'groupConfiguration', 'scopes', 'clientMetadata'],
    optional: ['clientMetadata'],
  },
  // The user is not in the pool yet: `userAttributes` is null, `validationData` null when none was
  // sent (3P: a real event quoted in powertools-lambda-typescript#3729).
  userMigration: {
    keys: ['password', 'validationData', 'userAttributes', 'clientMetadata'],
    optional: ['clientMetadata'],
  },
  customMessage: {
    keys: ['userAttributes', 'codeParameter', 'linkParameter', 'usernameParameter', 'clientMetadata'],
    optional: ['clientMetadata'],
  },
  customEmailSender: {
    keys: ['type', 'code', 'clientMetadata', 'userAttributes'],
    optional: ['clientMetadata'],
  },
  customSmsSender: {
    keys: ['type', 'code', 'clientMetadata', 'userAttributes'],
    optional: ['clientMetadata'],
  },
};

/** The request keys of one trigger at one event version: `scopes` from version 2, `password` not on ForgotPassword. */
export function requestKeysOf(trigger: CognitoTrigger, version: string): RequestKeys {
  const { keys, optional } = REQUEST_KEYS[familyOf(trigger)];
  const dropped = (key: string) =>
    (key === 'scopes' && version === '1') ||
    (key === 'password' && trigger === 'UserMigration_ForgotPassword');
  return { keys: keys.filter((key) => !dropped(key)), optional };
}

/**
 * The `response` Cognito pre-fills before it invokes the function (FORMATS-api-identity §3.1, §3.3).
 * PreSignUp's three `false` flags are REAL. The others are UNCONFIRMED per trigger; the choices:
 * - Define, Create, CustomMessage, UserMigration: every output key `null`, as Cognito's own logs
 *   quoted in public threads show them (UserMigration's order from the event in
 *   powertools-lambda-typescript#3729; Define from aws-amplify/amplify-js#5834).
 * - Verify: `answerCorrect: false`, the one output that is not optional (Powertools models it as a
 *   boolean, not nullable).
 * - Pre token generation: the one override key of the version, `null`.
 * - Triggers with no output (post confirmation, pre/post authentication, custom senders): `{}`.
 */
export function prefilledResponse(
  family: TriggerFamily,
  version: TokenVersion | string,
): Record<string, unknown> {
  switch (family) {
    case 'preSignUp':
      return { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    case 'defineAuthChallenge':
      return { challengeName: null, issueTokens: null, failAuthentication: null };
    case 'createAuthChallenge':
      return { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null };
    case 'verifyAuthChallenge':
      return { answerCorrect: false };
    case 'preTokenGeneration':
      return version === '1' ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null };
    case 'userMigration':
      return {
        userAttributes: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
      };
    case 'customMessage':
      return { smsMessage: null, emailMessage: null, emailSubject: null };
    default:
      return {};
  }
}

/** The envelope's keys in Cognito's real order (FORMATS-api-identity §3.1). */
export const ENVELOPE_KEYS = [
  'version',
  'region',
  'userPoolId',
  'userName',
  'callerContext',
  'triggerSource',
  'request',
  'response',
] as const;

/** `{region}_{9 letters or digits}` (FORMATS-api-identity §3.1). */
export const userPoolIdPattern = (region: string): RegExp =>
  new RegExp(`^${region.replace(/[^a-z0-9-]/g, '')}_[A-Za-z0-9]{9}$`);

/** App client ids: 26 lowercase letters and digits (REAL); admin calls carry the placeholder. */
export const CLIENT_ID = /^[a-z0-9]{26}$/;
// An admin API call has no app client; the placeholder is what reports show (UNCONFIRMED, §7.3).
export const NO_CLIENT_ID = 'CLIENT_ID_NOT_APPLICABLE';

/** The custom sender request `type` (FORMATS-api-identity §3.3). */
export const senderType = (trigger: CognitoTrigger): string =>
  familyOf(trigger) === 'customEmailSender' ? 'customEmailSenderRequestV1' : 'customSMSSenderRequestV1';
