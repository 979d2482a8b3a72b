import { closest } from '../../core/closest.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { CognitoOptions } from './options.js';
import { CLIENT_ID, NO_CLIENT_ID, userPoolIdPattern } from './shape.js';
import {
  CHALLENGE_NAMES,
  type CognitoTrigger,
  familyOf,
  isTrigger,
  type TokenVersion,
  TRIGGER_SOURCES,
  type TriggerFamily,
  takesLink,
  USER_STATUSES,
  versionsOf,
} from './triggers.js';

/** What holds for every event of a run, after the options were checked. */
export interface CognitoRun {
  readonly options: CognitoOptions;
  readonly trigger: CognitoTrigger;
  readonly version: TokenVersion;
  readonly userPoolId: string;
  /** The run's app client (an admin call still says `CLIENT_ID_NOT_APPLICABLE` unless one is given). */
  readonly clientId: string;
  /** Pre token generation version 2 and 3: the request's scopes. */
  readonly scopes: readonly string[];
}

const POOL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Standard attribute names, `custom:` ones and Cognito's own `cognito:` ones (FORMATS-api-identity §3.1).
const ATTRIBUTE_NAME = /^(custom:|cognito:|dev:)?[A-Za-z0-9_:.-]{1,32}$/;

/** The triggers each request option belongs to, for the refusal that names them. */
const OPTION_FAMILIES: Readonly<Record<string, readonly TriggerFamily[]>> = {
  validationData: ['preSignUp', 'preAuthentication', 'userMigration'],
  userNotFound: ['preAuthentication', 'defineAuthChallenge', 'createAuthChallenge', 'verifyAuthChallenge'],
  newDevice: ['postAuthentication'],
  session: ['defineAuthChallenge', 'createAuthChallenge'],
  challengeAnswer: ['verifyAuthChallenge'],
  privateChallengeParameters: ['verifyAuthChallenge'],
  groups: ['preTokenGeneration'],
  scopes: ['preTokenGeneration'],
  tokenVersion: ['preTokenGeneration'],
  code: ['customEmailSender', 'customSmsSender'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function refuseOutOfPlace(options: CognitoOptions, trigger: CognitoTrigger): void {
  for (const [name, families] of Object.entries(OPTION_FAMILIES)) {
    if ((options as Record<string, unknown>)[name] === undefined || families.includes(familyOf(trigger)))
      continue;
    throw new UsageError(
      `--${kebab(name)} is not part of a ${trigger} event`,
      `drop it, or pick a trigger that has it`,
    );
  }
  if (options.password !== undefined && trigger !== 'UserMigration_Authentication')
    throw new UsageError(
      `--password is not part of a ${trigger} event`,
      'only UserMigration_Authentication carries the password',
    );
  if (options.linkVerification === true && !takesLink(trigger))
    throw new UsageError(
      `--link-verification is not part of a ${trigger} event`,
      'links confirm sign-ups: use CustomMessage_SignUp or CustomMessage_ResendCode',
    );
}

function checkAttributes(trigger: CognitoTrigger, attributes: Record<string, string>): void {
  const names = Object.keys(attributes);
  if (names.length === 0) return;
  if (familyOf(trigger) === 'userMigration' || trigger === 'TokenGeneration_ClientCredentials') {
    throw new UsageError(
      `a ${trigger} event has no user attributes`,
      familyOf(trigger) === 'userMigration'
        ? 'the user is not in the pool yet; the handler returns them in response.userAttributes'
        : 'client credentials have no user',
    );
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name))
      throw new UsageError(
        `--user-attribute name '${name}' is not an attribute name`,
        'write a standard name, or custom:<name>',
      );
    if (typeof value !== 'string')
      throw new UsageError(
        `--user-attribute ${name} is not a string`,
        'Cognito sends every attribute value as a string',
      );
    if ((name === 'sub' || name === 'cognito:user_status') && trigger === 'PreSignUp_SignUp')
      throw new UsageError(`a PreSignUp_SignUp event has no ${name}`, 'the user does not exist yet; drop it');
    if (name === 'sub' && !UUID.test(value))
      throw new UsageError(`--user-attribute sub=${value} is not a sub`, 'give a lowercase UUID');
    if (name === 'cognito:user_status' && !(USER_STATUSES as readonly string[]).includes(value))
      throw new UsageError(
        `--user-attribute cognito:user_status=${value} is not a status`,
        `give one of ${USER_STATUSES.join(', ')}`,
      );
    if (name.endsWith('_verified') && value !== 'true' && value !== 'false')
      throw new UsageError(
        `--user-attribute ${name}=${value} is not "true" or "false"`,
        'verification flags are the strings true or false',
      );
  }
}

function checkSession(session: unknown): void {
  const fits = (entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
    const { challengeName, challengeResult, challengeMetadata, ...rest } = entry as Record<string, unknown>;
    return (
      Object.keys(rest).length === 0 &&
      (CHALLENGE_NAMES as readonly unknown[]).includes(challengeName) &&
      typeof challengeResult === 'boolean' &&
      (challengeMetadata === null || typeof challengeMetadata === 'string')
    );
  };
  if (!Array.isArray(session) || !session.every(fits)) {
    throw new UsageError(
      '--session is not a list of challenge results',
      'give [{"challengeName":"CUSTOM_CHALLENGE","challengeResult":false,"challengeMetadata":null}] or []',
    );
  }
}

/** Checks a string map option (client metadata, validation data): Cognito passes only strings. */
export function checkStringMap(value: unknown, option: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`--${option} is not a JSON object`, `give --${option} '{"key":"value"}'`);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string')
      throw new UsageError(
        `--${option} value of '${key}' is ${item === null ? 'null' : Array.isArray(item) ? 'a list' : `a ${typeof item}`}`,
        `Cognito passes ${option} values as strings; quote it`,
      );
  }
}

function versionOf(trigger: CognitoTrigger, given: TokenVersion | undefined): TokenVersion {
  const allowed = versionsOf(trigger);
  const version = given ?? (allowed[0] as TokenVersion);
  if (!allowed.includes(version)) {
    throw new UsageError(
      `--token-version ${version} does not exist for ${trigger}`,
      `give ${allowed.join(' or ')}`,
    );
  }
  return version;
}

/** The scopes of a version 2/3 request: the OAuth scopes of managed login, the resource server's for M2M. */
function scopesOf(trigger: CognitoTrigger, options: CognitoOptions, run: RunContext): string[] {
  if (options.scopes !== undefined) return options.scopes;
  if (trigger === 'TokenGeneration_ClientCredentials')
    return [`${run.rng.pick(['orders-api', 'inventory', 'billing'])}/read`];
  if (trigger === 'TokenGeneration_HostedAuth') return ['openid', 'email', 'profile'];
  return ['aws.cognito.signin.user.admin'];
}

/** Checks the options once and fixes what every event of the run shares. */
export function resolveRun(options: CognitoOptions, run: RunContext): CognitoRun {
  const trigger = options.trigger ?? 'PreSignUp_SignUp';
  if (!isTrigger(trigger)) {
    const near = closest(String(trigger), TRIGGER_SOURCES);
    throw new UsageError(
      `--trigger '${String(trigger)}' is not a Cognito trigger source`,
      `${near === undefined ? '' : `did you mean ${near}? `}gen-event cognito --list-triggers lists them`,
    );
  }
  refuseOutOfPlace(options, trigger);
  const version = versionOf(trigger, options.tokenVersion);
  if (options.scopes !== undefined && version === '1')
    throw new UsageError('--scope needs --token-version 2 or 3', 'a version 1 event carries no scopes');
  checkAttributes(trigger, options.userAttributes ?? {});
  if (options.clientMetadata !== undefined) checkStringMap(options.clientMetadata, 'client-metadata');
  if (options.validationData !== undefined) checkStringMap(options.validationData, 'validation-data');
  if (options.privateChallengeParameters !== undefined)
    checkStringMap(options.privateChallengeParameters, 'private-challenge-parameters');
  if (options.session !== undefined) checkSession(options.session);
  if (options.userName !== undefined && options.userName.length === 0)
    throw new UsageError('--user-name is empty', 'give the name the user signs in with');
  const userPoolId = options.userPool ?? `${run.region}_${run.rng.chars(POOL_CHARS, 9)}`;
  if (!userPoolIdPattern(run.region).test(userPoolId)) {
    throw new UsageError(
      `--user-pool '${userPoolId}' is not a user pool id in ${run.region}`,
      `give ${run.region}_ and 9 letters or digits, e.g. ${run.region}_bbYLzC8rt`,
    );
  }
  if (
    options.clientId !== undefined &&
    !CLIENT_ID.test(options.clientId) &&
    options.clientId !== NO_CLIENT_ID
  )
    throw new UsageError(
      `--client-id '${options.clientId}' is not an app client id`,
      'give 26 lowercase letters and digits',
    );
  const clientId = options.clientId ?? run.rng.lowerAlnum(26);
  return { options, trigger, version, userPoolId, clientId, scopes: scopesOf(trigger, options, run) };
}

/** The region a user pool id names, e.g. `eu-west-1` for `eu-west-1_bbYLzC8rt`. */
export const regionOfPool = (userPool: string | undefined): string | undefined =>
  userPool === undefined ? undefined : /^([a-z]{2}(-[a-z]+)+-\d+)_/.exec(userPool)?.[1];
