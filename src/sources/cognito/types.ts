import type {
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  PreTokenGenerationV3TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { CognitoTrigger, TokenVersion } from './triggers.js';

/** Any Cognito user pool trigger event, as `@types/aws-lambda` types them. */
export type CognitoTriggerEvent =
  | PreSignUpTriggerEvent
  | PostConfirmationTriggerEvent
  | PreAuthenticationTriggerEvent
  | PostAuthenticationTriggerEvent
  | DefineAuthChallengeTriggerEvent
  | CreateAuthChallengeTriggerEvent
  | VerifyAuthChallengeResponseTriggerEvent
  | PreTokenGenerationTriggerEvent
  | PreTokenGenerationV2TriggerEvent
  | PreTokenGenerationV3TriggerEvent
  | UserMigrationTriggerEvent
  | CustomMessageTriggerEvent
  | CustomEmailSenderTriggerEvent
  | CustomSMSSenderTriggerEvent;

type TokenEvent<Version> = Version extends '3'
  ? PreTokenGenerationV2TriggerEvent | PreTokenGenerationV3TriggerEvent
  : Version extends '2'
    ? PreTokenGenerationV2TriggerEvent
    : PreTokenGenerationTriggerEvent;

/** The event type a trigger (and, for pre token generation, a version) chooses; no trigger is PreSignUp_SignUp. */
export type CognitoEventOf<
  Trigger extends CognitoTrigger | undefined,
  Version extends TokenVersion | undefined,
> = Trigger extends undefined
  ? Extract<PreSignUpTriggerEvent, { triggerSource: 'PreSignUp_SignUp' }>
  : Trigger extends 'TokenGeneration_ClientCredentials'
    ? PreTokenGenerationV3TriggerEvent
    : Trigger extends `TokenGeneration_${string}`
      ? Extract<TokenEvent<Version>, { triggerSource: Trigger }> extends never
        ? TokenEvent<Version>
        : Extract<TokenEvent<Version>, { triggerSource: Trigger }>
      : Extract<CognitoTriggerEvent, { triggerSource: Trigger }> extends never
        ? CognitoTriggerEvent
        : Extract<CognitoTriggerEvent, { triggerSource: Trigger }>;
