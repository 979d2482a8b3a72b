import type { EventContext, RunContext } from '../../core/context.js';
import type { Random } from '../../core/random.js';
import type { EventBuilder } from '../source.js';
import type { CognitoOptions } from './options.js';
import { type CognitoRun, resolveRun } from './resolve.js';
import { NO_CLIENT_ID, prefilledResponse, senderType } from './shape.js';
import {
  CODE_PARAMETER,
  type CognitoTrigger,
  familyOf,
  isAdminCall,
  LINK_PARAMETER,
  type SessionEntry,
  type TriggerFamily,
  USERNAME_PARAMETER,
} from './triggers.js';
import {
  type AttributeRules,
  attributeRules,
  defaultAttributes,
  federatedUserName,
  PoolUser,
} from './user.js';

/** A run's plan and what every event of it shares, worked out once. */
interface EventPlan extends CognitoRun {
  readonly family: TriggerFamily;
  /** The caller's app client, the same in every event of the run. */
  readonly callerClientId: string;
  /** Null when the trigger's request carries no attributes of the user (`{}`). */
  readonly rules: AttributeRules | null;
  readonly givenAttributes: Readonly<Record<string, string>>;
  /**
   * The given attributes to lay over the defaults, undefined when they are only `email`, which
   * defaultAttributes has already put in its place.
   */
  readonly laidOver: Readonly<Record<string, string>> | undefined;
}

/** Builds each event of a run: the envelope, the trigger's request and its pre-filled response (§3). */
export function prepareCognitoEvents(options: CognitoOptions, run: RunContext): EventBuilder {
  const resolved = resolveRun(options, run);
  const { trigger } = resolved;
  const plan: EventPlan = {
    ...resolved,
    family: familyOf(trigger),
    callerClientId: options.clientId ?? (isAdminCall(trigger) ? NO_CLIENT_ID : resolved.clientId),
    rules:
      options.userNotFound === true || trigger === 'TokenGeneration_ClientCredentials'
        ? null
        : attributeRules(trigger),
    givenAttributes: options.userAttributes ?? {},
    laidOver: Object.keys(options.userAttributes ?? {}).some((name) => name !== 'email')
      ? options.userAttributes
      : undefined,
  };
  return (ctx) => cognitoEvent(plan, ctx);
}

function cognitoEvent(plan: EventPlan, ctx: EventContext): Record<string, unknown> {
  const user = new PoolUser(ctx.rng);
  const request = requestOf(plan, user, ctx.rng);
  const attributes = request.userAttributes as Record<string, string> | null | undefined;
  return {
    version: plan.version,
    region: ctx.run.region,
    userPoolId: plan.userPoolId,
    userName: userNameOf(plan, user, attributes, ctx.rng),
    callerContext: {
      // Cognito can rarely tell the SDK; the real captures all say this (FORMATS-api-identity §3.1).
      awsSdkVersion: 'aws-sdk-unknown-unknown',
      clientId: plan.callerClientId,
    },
    triggerSource: plan.trigger,
    request,
    response: prefilledResponse(plan.family, plan.version),
  };
}

/**
 * `userName`: what was given; a federated `{Provider}_{subject}`; the typed name for a migration; the
 * app client for client credentials (no user, UNCONFIRMED); otherwise the `sub`, as pools that sign in
 * by email or phone name their users (REAL, even in PreSignUp where `sub` is not yet an attribute).
 */
function userNameOf(
  plan: CognitoRun,
  user: PoolUser,
  attributes: Record<string, string> | null | undefined,
  rng: Random,
): string {
  if (plan.options.userName !== undefined) return plan.options.userName;
  if (plan.trigger === 'PreSignUp_ExternalProvider') return federatedUserName(rng);
  if (plan.trigger === 'UserMigration_Authentication' || plan.trigger === 'UserMigration_ForgotPassword')
    return user.email;
  if (plan.trigger === 'TokenGeneration_ClientCredentials') return plan.clientId;
  return attributes?.sub ?? user.sub;
}

function attributesOf(plan: EventPlan, user: PoolUser): Record<string, string> {
  if (plan.rules === null) return {};
  // The given attributes over the defaults, in place: the defaults are a fresh object for this event.
  const attributes = defaultAttributes(plan.rules, user, plan.givenAttributes);
  return plan.laidOver === undefined ? attributes : Object.assign(attributes, plan.laidOver);
}

/** The session so far: earlier CUSTOM_CHALLENGE rounds, each with the metadata Create gave it (§3.3). */
function sessionOf(plan: CognitoRun, rng: Random): SessionEntry[] {
  if (plan.options.session !== undefined) return plan.options.session;
  const rounds = rng.int(1, 3);
  return Array.from({ length: rounds }, (_, i) => ({
    challengeName: 'CUSTOM_CHALLENGE' as const,
    // Create is asked again only after a wrong answer; Define also sees the round just answered.
    challengeResult:
      plan.trigger === 'DefineAuthChallenge_Authentication' && i === rounds - 1 && rng.int(0, 1) === 1,
    challengeMetadata: `CODE_ROUND_${i + 1}`,
  }));
}

/** Cognito adds `clientMetadata` only when the API call passed it (REAL: absent in the capture). */
function addMetadata(request: Record<string, unknown>, plan: CognitoRun): Record<string, unknown> {
  if (plan.options.clientMetadata !== undefined) request.clientMetadata = plan.options.clientMetadata;
  return request;
}

function addNotFound(request: Record<string, unknown>, plan: CognitoRun): Record<string, unknown> {
  if (plan.options.userNotFound !== undefined) request.userNotFound = plan.options.userNotFound;
  return request;
}

function requestOf(plan: EventPlan, user: PoolUser, rng: Random): Record<string, unknown> {
  const { trigger, options } = plan;
  switch (plan.family) {
    case 'preSignUp':
      // `validationData` is null when the client sent none (REAL).
      return addMetadata(
        {
          userAttributes: attributesOf(plan, user),
          validationData: options.validationData ?? null,
        },
        plan,
      );
    case 'postConfirmation':
      return addMetadata({ userAttributes: attributesOf(plan, user) }, plan);
    case 'preAuthentication':
      return addMetadata(
        addNotFound(
          {
            userAttributes: attributesOf(plan, user),
            validationData: options.validationData ?? {},
          },
          plan,
        ),
        plan,
      );
    case 'postAuthentication':
      return addMetadata(
        {
          userAttributes: attributesOf(plan, user),
          newDeviceUsed: options.newDevice ?? false,
        },
        plan,
      );
    case 'defineAuthChallenge':
      return addNotFound(
        addMetadata(
          {
            userAttributes: attributesOf(plan, user),
            session: sessionOf(plan, rng),
          },
          plan,
        ),
        plan,
      );
    case 'createAuthChallenge':
      return addNotFound(
        addMetadata(
          {
            userAttributes: attributesOf(plan, user),
            // Create runs only when Define asked for a custom challenge.
            challengeName: 'CUSTOM_CHALLENGE',
            session: sessionOf(plan, rng),
          },
          plan,
        ),
        plan,
      );
    case 'verifyAuthChallenge': {
      const secret = rng.digits(6);
      const privateParameters = options.privateChallengeParameters ?? { answer: secret };
      const right = privateParameters.answer ?? secret;
      return addNotFound(
        addMetadata(
          {
            userAttributes: attributesOf(plan, user),
            privateChallengeParameters: privateParameters,
            challengeAnswer: options.challengeAnswer ?? (rng.int(0, 3) > 0 ? right : rng.digits(6)),
          },
          plan,
        ),
        plan,
      );
    }
    case 'preTokenGeneration':
      return addMetadata(
        {
          userAttributes: attributesOf(plan, user),
          groupConfiguration: {
            groupsToOverride: options.groups ?? [],
            iamRolesToOverride: [],
            preferredRole: null,
          },
          ...(plan.version === '1' ? {} : { scopes: plan.scopes }),
        },
        plan,
      );
    case 'userMigration':
      return addMetadata(
        {
          ...(trigger === 'UserMigration_Authentication'
            ? { password: options.password ?? password(rng) }
            : {}),
          validationData: options.validationData ?? null,
          userAttributes: null,
        },
        plan,
      );
    case 'customMessage':
      return addMetadata(
        {
          userAttributes: attributesOf(plan, user),
          codeParameter: CODE_PARAMETER,
          linkParameter: options.linkVerification === true ? LINK_PARAMETER : null,
          usernameParameter: trigger === 'CustomMessage_AdminCreateUser' ? USERNAME_PARAMETER : null,
        },
        plan,
      );
    default: {
      const request = addMetadata(
        { type: senderType(trigger), code: options.code ?? senderCode(trigger, rng) },
        plan,
      );
      request.userAttributes = attributesOf(plan, user);
      return request;
    }
  }
}

/** A password as a user types one: letters, digits and a symbol. */
function password(rng: Random): string {
  return `${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${rng.chars('abcdefghijkmnopqrstuvwxyz', 7)}${rng.digits(2)}${rng.pick(['!', '#', '$', '%', '&', '*'])}`;
}

/**
 * The code a custom sender receives: an AWS Encryption SDK message under the pool's KMS key, base64
 * (FORMATS-api-identity §3.3). Its header bytes are the SDK's (version 1, type 0x80, suite 0x0378), so
 * the text starts `AYADe` as real codes do. An account-takeover notice carries no code (UNCONFIRMED).
 */
function senderCode(trigger: CognitoTrigger, rng: Random): string | null {
  if (trigger.endsWith('_AccountTakeOverNotification')) return null;
  return Buffer.concat([Buffer.from([0x01, 0x80, 0x03, 0x78]), rng.bytes(rng.int(280, 320))]).toString(
    'base64',
  );
}
