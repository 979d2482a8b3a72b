import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { choice, flag, json, list, record, type Shape, text } from '../../core/option-shapes.js';
import { givenOnly, optionalBoolean, optionalString, splitPair, stringList } from '../../core/raw-options.js';
import type { RawOptions, Source } from '../source.js';
import { prepareCognitoEvents } from './build.js';
import type { CognitoOptions } from './options.js';
import { checkStringMap, regionOfPool } from './resolve.js';
import { type CognitoTrigger, type SessionEntry, type TokenVersion, triggerListing } from './triggers.js';

export type { CognitoOptions } from './options.js';

/** A JSON option of string values only (client metadata and friends, FORMATS-api-identity §3.1). */
async function stringMapOption(
  raw: RawOptions,
  name: string,
  args: ArgumentReader,
): Promise<Record<string, string> | undefined> {
  const given = optionalString(raw, name);
  if (given === undefined) return undefined;
  const value = await args.readJson(given, `--${name}`);
  checkStringMap(value, name);
  return value as Record<string, string>;
}

function attributesOf(raw: RawOptions): Record<string, string> | undefined {
  const pairs = stringList(raw, 'user-attribute').map((item) =>
    splitPair(item, 'user-attribute', '<name>=<value>'),
  );
  return pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
}

function tokenVersionOf(raw: RawOptions): TokenVersion | undefined {
  const given = optionalString(raw, 'token-version');
  if (given === undefined || given === '1' || given === '2' || given === '3') return given;
  throw new UsageError(
    `--token-version '${given}' is not a pre token generation event version`,
    'give 1, 2 or 3',
  );
}

export const cognito: Source<CognitoOptions> = {
  name: 'cognito',
  // Cognito invokes its triggers synchronously, custom senders asynchronously (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    // Any text: the builder's own refusal suggests the nearest trigger source (resolve.ts).
    trigger: text() as Shape<CognitoTrigger>,
    tokenVersion: choice(['1', '2', '3'] as const),
    userAttributes: record(text()),
    userPool: text(),
    clientId: text(),
    clientMetadata: record(text()),
    validationData: record(text()),
    userName: text(),
    userNotFound: flag(),
    newDevice: flag(),
    // A list of challenge results; the builder's own check says what an entry holds (resolve.ts).
    session: json() as ReturnType<typeof list<SessionEntry>>,
    challengeAnswer: text(),
    privateChallengeParameters: record(text()),
    password: text(),
    groups: list(text()),
    scopes: list(text()),
    linkVerification: flag(),
    code: text(),
  },
  options: {
    trigger: {
      type: 'string',
      valueName: '<triggerSource>',
      description:
        'Trigger source, e.g. PostConfirmation_ConfirmSignUp (default PreSignUp_SignUp; see --list-triggers)',
    },
    'list-triggers': {
      type: 'boolean',
      description: 'Print every trigger source with what it is, one a line, and exit',
    },
    'token-version': {
      type: 'string',
      valueName: '1|2|3',
      description: 'TokenGeneration_*: event version of the trigger (default 1; ClientCredentials 3)',
    },
    'user-attribute': {
      type: 'string',
      repeatable: true,
      valueName: '<name>=<value>',
      description: 'User attribute over the realistic ones (values are strings: email_verified=true)',
    },
    'user-pool': {
      type: 'string',
      valueName: '<id>',
      description: 'User pool id, e.g. eu-west-1_bbYLzC8rt (sets the region)',
    },
    'client-id': {
      type: 'string',
      valueName: '<id>',
      description: 'App client id (26 lowercase letters and digits)',
    },
    'client-metadata': {
      type: 'string',
      valueName: '<json|@file>',
      description: 'ClientMetadata the API call passed: a JSON object of strings',
    },
    'validation-data': {
      type: 'string',
      valueName: '<json|@file>',
      description: 'PreSignUp, PreAuthentication, UserMigration: ValidationData (JSON object of strings)',
    },
    'user-name': {
      type: 'string',
      valueName: '<name>',
      description: 'userName (default: the sub, as email sign-in pools do)',
    },
    'user-not-found': {
      type: 'boolean',
      description: 'PreAuthentication, custom auth: the pool hides user existence and the user was not found',
    },
    'new-device': { type: 'boolean', description: 'PostAuthentication: signed in from a new device' },
    session: {
      type: 'string',
      valueName: '<json|@file>',
      description: 'Define/CreateAuthChallenge: the rounds so far, e.g. [] for the first Define',
    },
    'challenge-answer': {
      type: 'string',
      valueName: '<text>',
      description: 'VerifyAuthChallengeResponse: what the user answered',
    },
    'private-challenge-parameters': {
      type: 'string',
      valueName: '<json|@file>',
      description: 'VerifyAuthChallengeResponse: what Create put aside (JSON object of strings)',
    },
    password: {
      type: 'string',
      valueName: '<text>',
      description: 'UserMigration_Authentication: the password typed',
    },
    group: {
      type: 'string',
      repeatable: true,
      valueName: '<name>',
      description: 'TokenGeneration_*: a group of the user',
    },
    scope: {
      type: 'string',
      repeatable: true,
      valueName: '<scope>',
      description: 'TokenGeneration_* version 2/3: a requested scope',
    },
    'link-verification': {
      type: 'boolean',
      description: 'CustomMessage_SignUp/_ResendCode: the pool verifies by link (linkParameter set)',
    },
    code: {
      type: 'string',
      valueName: '<base64>',
      description: 'Custom sender triggers: the encrypted code (default: a realistic ciphertext)',
    },
  },
  examples: [
    [
      'gen-event cognito --trigger PostConfirmation_ConfirmSignUp --user-attribute email=ana@example.com',
      'a confirmed sign-up: sub, status and string flags',
    ],
    [
      'gen-event cognito --trigger TokenGeneration_Authentication --token-version 2 --group admins',
      'a pre token generation V2 event',
    ],
    [
      "gen-event cognito --trigger DefineAuthChallenge_Authentication --session '[]'",
      'the first Define of a CUSTOM_AUTH flow',
    ],
  ],

  listing: (raw) => (raw['list-triggers'] === true ? triggerListing() : undefined),

  async fromRaw(raw: RawOptions, args): Promise<CognitoOptions> {
    const sessionArg = optionalString(raw, 'session');
    const groups = stringList(raw, 'group');
    const scopes = stringList(raw, 'scope');
    return givenOnly({
      trigger: optionalString(raw, 'trigger') as CognitoOptions['trigger'],
      tokenVersion: tokenVersionOf(raw),
      userAttributes: attributesOf(raw),
      userPool: optionalString(raw, 'user-pool'),
      clientId: optionalString(raw, 'client-id'),
      clientMetadata: await stringMapOption(raw, 'client-metadata', args),
      validationData: await stringMapOption(raw, 'validation-data', args),
      userName: optionalString(raw, 'user-name'),
      userNotFound: optionalBoolean(raw, 'user-not-found'),
      newDevice: optionalBoolean(raw, 'new-device'),
      session:
        sessionArg === undefined
          ? undefined
          : ((await args.readJson(sessionArg, '--session')) as SessionEntry[]),
      challengeAnswer: optionalString(raw, 'challenge-answer'),
      privateChallengeParameters: await stringMapOption(raw, 'private-challenge-parameters', args),
      password: optionalString(raw, 'password'),
      groups: groups.length > 0 ? groups : undefined,
      scopes: scopes.length > 0 ? scopes : undefined,
      linkVerification: optionalBoolean(raw, 'link-verification'),
      code: optionalString(raw, 'code'),
    });
  },

  // A user pool id names its region (FORMATS-api-identity §3.1).
  implied: (options) => ({ region: regionOfPool(options.userPool) }),

  async prepare(options, run) {
    return prepareCognitoEvents(options, run);
  },
};
