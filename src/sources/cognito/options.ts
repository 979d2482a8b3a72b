import type { CognitoTrigger, SessionEntry, TokenVersion } from './triggers.js';

/** A Cognito user pool trigger invocation (FORMATS-api-identity §3). */
export interface CognitoOptions {
  /** The `triggerSource` (default `PreSignUp_SignUp`); `gen-event cognito --list-triggers` lists them. */
  trigger?: CognitoTrigger;
  /** Pre token generation only: the event version the trigger is configured for (default "1"; client credentials "3"). */
  tokenVersion?: TokenVersion;
  /** User attributes, merged over realistic ones; every value is a string, as Cognito sends them. */
  userAttributes?: Record<string, string>;
  /** The user pool id, `<region>_<9 letters or digits>` (its region is the run's). */
  userPool?: string;
  /** The app client id, 26 lowercase letters and digits. */
  clientId?: string;
  /** `ClientMetadata` the API call passed (string values); absent from the event when not given. */
  clientMetadata?: Record<string, string>;
  /** PreSignUp, PreAuthentication, UserMigration: `ValidationData` the client sent. */
  validationData?: Record<string, string>;
  userName?: string;
  /** PreAuthentication and the custom auth triggers: the pool hides user existence and the user was not found. */
  userNotFound?: boolean;
  /** PostAuthentication: the sign-in came from a device not seen before. */
  newDevice?: boolean;
  /** Define and Create auth challenge: the rounds so far (`[]` for the first Define of a CUSTOM_AUTH flow). */
  session?: SessionEntry[];
  /** Verify auth challenge: what the user answered. */
  challengeAnswer?: string;
  /** Verify auth challenge: what Create put aside for it (string values). */
  privateChallengeParameters?: Record<string, string>;
  /** UserMigration_Authentication: the password the user typed. */
  password?: string;
  /** Pre token generation: the user's groups (`groupConfiguration.groupsToOverride`). */
  groups?: string[];
  /** Pre token generation version 2 and 3: the scopes of the request. */
  scopes?: string[];
  /** CustomMessage_SignUp and _ResendCode: the pool verifies by link, so `linkParameter` is set. */
  linkVerification?: boolean;
  /** Custom sender triggers: the encrypted code (base64), as the sender receives it. */
  code?: string;
}
