/**
 * Every `triggerSource` a Cognito user pool sends, the trigger it belongs to and one line about when
 * it fires (FORMATS-api-identity §3.2). The generator and the checkers both read this table.
 */
export type TriggerFamily =
  | 'preSignUp'
  | 'postConfirmation'
  | 'preAuthentication'
  | 'postAuthentication'
  | 'defineAuthChallenge'
  | 'createAuthChallenge'
  | 'verifyAuthChallenge'
  | 'preTokenGeneration'
  | 'userMigration'
  | 'customMessage'
  | 'customEmailSender'
  | 'customSmsSender';

const TRIGGERS = {
  PreSignUp_SignUp: ['preSignUp', 'pre sign-up: a user signs up (SignUp)'],
  PreSignUp_AdminCreateUser: ['preSignUp', 'pre sign-up: an administrator creates a user'],
  PreSignUp_ExternalProvider: [
    'preSignUp',
    'pre sign-up: first sign-in through a federated identity provider',
  ],
  PostConfirmation_ConfirmSignUp: ['postConfirmation', 'post confirmation: a sign-up is confirmed'],
  PostConfirmation_ConfirmForgotPassword: [
    'postConfirmation',
    'post confirmation: a forgotten password is reset',
  ],
  PreAuthentication_Authentication: ['preAuthentication', 'pre authentication: before a sign-in is checked'],
  PostAuthentication_Authentication: [
    'postAuthentication',
    'post authentication: after a successful sign-in',
  ],
  DefineAuthChallenge_Authentication: [
    'defineAuthChallenge',
    'custom auth: decide the next challenge, issue tokens or fail',
  ],
  CreateAuthChallenge_Authentication: ['createAuthChallenge', 'custom auth: make the CUSTOM_CHALLENGE'],
  VerifyAuthChallengeResponse_Authentication: ['verifyAuthChallenge', "custom auth: judge the user's answer"],
  TokenGeneration_HostedAuth: ['preTokenGeneration', 'pre token generation: sign-in through managed login'],
  TokenGeneration_Authentication: ['preTokenGeneration', 'pre token generation: sign-in (InitiateAuth)'],
  TokenGeneration_NewPasswordChallenge: [
    'preTokenGeneration',
    'pre token generation: after a new-password challenge',
  ],
  TokenGeneration_AuthenticateDevice: [
    'preTokenGeneration',
    'pre token generation: sign-in with a remembered device',
  ],
  TokenGeneration_RefreshTokens: ['preTokenGeneration', 'pre token generation: a refresh-token grant'],
  TokenGeneration_ClientCredentials: [
    'preTokenGeneration',
    'pre token generation: machine-to-machine client credentials (version 3)',
  ],
  UserMigration_Authentication: ['userMigration', 'migrate user: sign-in of a user not yet in the pool'],
  UserMigration_ForgotPassword: [
    'userMigration',
    'migrate user: forgot-password of a user not yet in the pool',
  ],
  CustomMessage_SignUp: ['customMessage', 'custom message: sign-up confirmation code'],
  CustomMessage_AdminCreateUser: ['customMessage', 'custom message: temporary password of a new user'],
  CustomMessage_ResendCode: ['customMessage', 'custom message: confirmation code sent again'],
  CustomMessage_ForgotPassword: ['customMessage', 'custom message: password-reset code'],
  CustomMessage_UpdateUserAttribute: ['customMessage', 'custom message: code for a changed email or phone'],
  CustomMessage_VerifyUserAttribute: ['customMessage', 'custom message: code to verify an email or phone'],
  CustomMessage_Authentication: ['customMessage', 'custom message: MFA code at sign-in'],
  CustomEmailSender_SignUp: ['customEmailSender', 'custom email sender: sign-up confirmation code'],
  CustomEmailSender_ResendCode: ['customEmailSender', 'custom email sender: confirmation code sent again'],
  CustomEmailSender_ForgotPassword: ['customEmailSender', 'custom email sender: password-reset code'],
  CustomEmailSender_UpdateUserAttribute: [
    'customEmailSender',
    'custom email sender: code for a changed email',
  ],
  CustomEmailSender_VerifyUserAttribute: [
    'customEmailSender',
    'custom email sender: code to verify an email',
  ],
  CustomEmailSender_AdminCreateUser: ['customEmailSender', 'custom email sender: temporary password'],
  CustomEmailSender_AccountTakeOverNotification: [
    'customEmailSender',
    'custom email sender: threat protection account-takeover notice',
  ],
  CustomSMSSender_SignUp: ['customSmsSender', 'custom SMS sender: sign-up confirmation code'],
  CustomSMSSender_ResendCode: ['customSmsSender', 'custom SMS sender: confirmation code sent again'],
  CustomSMSSender_ForgotPassword: ['customSmsSender', 'custom SMS sender: password-reset code'],
  CustomSMSSender_UpdateUserAttribute: [
    'customSmsSender',
    'custom SMS sender: code for a changed phone number',
  ],
  CustomSMSSender_VerifyUserAttribute: [
    'customSmsSender',
    'custom SMS sender: code to verify a phone number',
  ],
  CustomSMSSender_AdminCreateUser: ['customSmsSender', 'custom SMS sender: temporary password'],
  CustomSMSSender_AccountTakeOverNotification: [
    'customSmsSender',
    'custom SMS sender: threat protection account-takeover notice',
  ],
  // SMS MFA codes through a custom sender: in @types/aws-lambda, not in the trigger doc (UNCONFIRMED).
  CustomSMSSender_Authentication: ['customSmsSender', 'custom SMS sender: MFA code at sign-in'],
} as const satisfies Record<string, readonly [TriggerFamily, string]>;

export type CognitoTrigger = keyof typeof TRIGGERS;

export const TRIGGER_SOURCES = Object.keys(TRIGGERS) as CognitoTrigger[];

export const isTrigger = (value: unknown): value is CognitoTrigger =>
  typeof value === 'string' && Object.hasOwn(TRIGGERS, value);

export const familyOf = (trigger: CognitoTrigger): TriggerFamily => TRIGGERS[trigger][0];

/** `--list-triggers`: one trigger source a line, a tab, what it is (grep and cut friendly). */
export function triggerListing(): string {
  return TRIGGER_SOURCES.map((trigger) => `${trigger}\t${TRIGGERS[trigger][1]}\n`).join('');
}

/** The pre token generation event versions (FORMATS-api-identity §3.1). */
export type TokenVersion = '1' | '2' | '3';

/**
 * The event `version`: "1" for every trigger but pre token generation, which sends the version the
 * pool's trigger is configured for; client credentials exist only in version 3 (§3.1, §3.2).
 */
export function versionsOf(trigger: CognitoTrigger): readonly TokenVersion[] {
  if (trigger === 'TokenGeneration_ClientCredentials') return ['3'];
  return familyOf(trigger) === 'preTokenGeneration' ? ['1', '2', '3'] : ['1'];
}

/** Who is signing in does not exist in the pool yet: the attributes are only those submitted. */
export const isBeforeUserExists = (trigger: CognitoTrigger): boolean =>
  familyOf(trigger) === 'preSignUp' || familyOf(trigger) === 'userMigration';

/** Triggers started by an administrator's call, which has no app client (FORMATS-api-identity §3.1). */
export const isAdminCall = (trigger: CognitoTrigger): boolean => trigger.endsWith('_AdminCreateUser');

/** The challenge names a session entry or Define's answer may hold (§3.3, Powertools schema). */
export const CHALLENGE_NAMES = [
  'CUSTOM_CHALLENGE',
  'SRP_A',
  'PASSWORD_VERIFIER',
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
] as const;

export type ChallengeName = (typeof CHALLENGE_NAMES)[number];

/** One earlier round of a custom authentication flow, as Define and Create receive it. */
export interface SessionEntry {
  challengeName: ChallengeName;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

/** `cognito:user_status` values (FORMATS-api-identity §3.1). */
export const USER_STATUSES = [
  'CONFIRMED',
  'UNCONFIRMED',
  'FORCE_CHANGE_PASSWORD',
  'RESET_REQUIRED',
  'EXTERNAL_PROVIDER',
] as const;

/** CustomMessage placeholders Cognito replaces (FORMATS-api-identity §3.3). */
export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';
// The doc's link placeholder; the exact text Cognito sends is UNCONFIRMED (§7.3), and any `{##…##}` is one.
export const LINK_PARAMETER = '{##Click Here##}';
export const LINK_PATTERN = /^\{##.+##\}$/;

/** Link verification only exists for the sign-up confirmation messages. */
export const takesLink = (trigger: CognitoTrigger): boolean =>
  trigger === 'CustomMessage_SignUp' || trigger === 'CustomMessage_ResendCode';
