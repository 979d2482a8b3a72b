import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { detectCognito } from './detect.js';
import {
  CLIENT_ID,
  ENVELOPE_KEYS,
  NO_CLIENT_ID,
  prefilledResponse,
  requestKeysOf,
  senderType,
  userPoolIdPattern,
} from './shape.js';
import {
  CHALLENGE_NAMES,
  CODE_PARAMETER,
  type CognitoTrigger,
  familyOf,
  isAdminCall,
  isTrigger,
  LINK_PATTERN,
  takesLink,
  USER_STATUSES,
  USERNAME_PARAMETER,
  versionsOf,
} from './triggers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const IAM_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

/** Checks a map whose values Cognito sends as strings (attributes, metadata, validation data). */
function checkStringMap(path: string, value: unknown, problems: ProblemList, nullable = false): void {
  if (value === null && nullable) return;
  if (!isRecord(value)) {
    problems.add(path, `${path.split('.').pop()} is an object of strings${nullable ? ' or null' : ''}`);
    return;
  }
  for (const [key, item] of Object.entries(value))
    if (typeof item !== 'string')
      problems.add(`${path}.${key}`, 'Cognito sends every value of this map as a string');
}

function checkEnvelope(event: Record<string, unknown>, trigger: CognitoTrigger, problems: ProblemList): void {
  problems.expectEqual(
    '',
    Object.keys(event).sort(),
    [...ENVELOPE_KEYS].sort(),
    'a trigger event has exactly these keys',
  );
  const versions = versionsOf(trigger);
  if (typeof event.version !== 'string' || !versions.includes(event.version as never))
    problems.add(
      'version',
      `a ${trigger} event has version ${versions.map((v) => `"${v}"`).join(' or ')}`,
      versions[0],
    );
  if (typeof event.region !== 'string' || !REGION.test(event.region))
    problems.add('region', 'region is an AWS Region code');
  else
    problems.expectMatch(
      'userPoolId',
      event.userPoolId,
      userPoolIdPattern(event.region),
      'userPoolId is the region, _ and 9 letters or digits',
    );
  if (typeof event.userName !== 'string' || event.userName.length === 0)
    problems.add('userName', 'userName is a non-empty string');
  if (
    trigger === 'PreSignUp_ExternalProvider' &&
    typeof event.userName === 'string' &&
    !/^[A-Za-z0-9]+_./.test(event.userName)
  )
    problems.add('userName', 'a federated user is named {ProviderName}_{subject}');
  const caller = event.callerContext;
  if (!isRecord(caller)) {
    problems.add('callerContext', 'callerContext is an object');
    return;
  }
  problems.expectEqual(
    'callerContext',
    Object.keys(caller).sort(),
    ['awsSdkVersion', 'clientId'],
    'callerContext has awsSdkVersion and clientId',
  );
  if (typeof caller.awsSdkVersion !== 'string')
    problems.add('callerContext.awsSdkVersion', 'awsSdkVersion is a string');
  const clientOk =
    typeof caller.clientId === 'string' &&
    (CLIENT_ID.test(caller.clientId) || (caller.clientId === NO_CLIENT_ID && isAdminCall(trigger)));
  if (!clientOk)
    problems.add(
      'callerContext.clientId',
      'clientId is an app client id (26 lowercase letters and digits; CLIENT_ID_NOT_APPLICABLE for admin calls)',
    );
}

function checkAttributes(
  trigger: CognitoTrigger,
  request: Record<string, unknown>,
  problems: ProblemList,
): void {
  const attributes = request.userAttributes;
  if (familyOf(trigger) === 'userMigration') {
    // The user is not in the pool yet (FORMATS-api-identity §3.3).
    if (attributes !== null)
      problems.add(
        'request.userAttributes',
        'a migration event has no user yet: userAttributes is null',
        null,
      );
    return;
  }
  checkStringMap('request.userAttributes', attributes, problems);
  if (!isRecord(attributes)) return;
  const empty = Object.keys(attributes).length === 0;
  if (trigger === 'PreSignUp_SignUp') {
    for (const name of ['sub', 'cognito:user_status'])
      if (name in attributes)
        problems.add(
          `request.userAttributes.${name}`,
          `PreSignUp_SignUp comes before the user exists: no ${name}`,
        );
  } else if (familyOf(trigger) !== 'preSignUp' && !empty) {
    if (!('sub' in attributes)) problems.add('request.userAttributes.sub', 'an existing user has a sub');
  }
  if ('sub' in attributes)
    problems.expectMatch('request.userAttributes.sub', attributes.sub, UUID, 'sub is a lowercase UUID');
  if (
    'cognito:user_status' in attributes &&
    !(USER_STATUSES as readonly unknown[]).includes(attributes['cognito:user_status'])
  )
    problems.add(
      'request.userAttributes.cognito:user_status',
      `cognito:user_status is one of ${USER_STATUSES.join(', ')}`,
    );
  for (const [name, value] of Object.entries(attributes))
    if (name.endsWith('_verified') && typeof value === 'string' && value !== 'true' && value !== 'false')
      problems.add(`request.userAttributes.${name}`, 'a verification flag is the string "true" or "false"');
  if (
    'cognito:email_alias' in attributes &&
    'email' in attributes &&
    attributes['cognito:email_alias'] !== attributes.email
  )
    problems.add(
      'request.userAttributes.cognito:email_alias',
      'the email alias is the email',
      attributes.email,
    );
  if (familyOf(trigger) === 'customSmsSender' && !('phone_number' in attributes))
    problems.add('request.userAttributes.phone_number', 'an SMS goes to the phone_number attribute');
  if (familyOf(trigger) === 'customEmailSender' && !('email' in attributes))
    problems.add('request.userAttributes.email', 'an email goes to the email attribute');
}

function checkSession(session: unknown, problems: ProblemList): void {
  if (!Array.isArray(session)) {
    problems.add('request.session', 'session is a list of challenge results');
    return;
  }
  session.forEach((entry, index) => {
    const path = `request.session[${index}]`;
    if (!isRecord(entry)) {
      problems.add(path, 'a session entry is an object');
      return;
    }
    problems.expectEqual(
      path,
      Object.keys(entry).sort(),
      ['challengeMetadata', 'challengeName', 'challengeResult'],
      'a session entry has challengeName, challengeResult and challengeMetadata',
    );
    if (!(CHALLENGE_NAMES as readonly unknown[]).includes(entry.challengeName))
      problems.add(`${path}.challengeName`, `challengeName is one of ${CHALLENGE_NAMES.join(', ')}`);
    if (typeof entry.challengeResult !== 'boolean')
      problems.add(`${path}.challengeResult`, 'challengeResult is a boolean');
    if (entry.challengeMetadata !== null && typeof entry.challengeMetadata !== 'string')
      problems.add(`${path}.challengeMetadata`, 'challengeMetadata is a string or null');
  });
}

function checkGroupConfiguration(value: unknown, problems: ProblemList): void {
  if (!isRecord(value)) {
    problems.add('request.groupConfiguration', 'groupConfiguration is an object');
    return;
  }
  problems.expectEqual(
    'request.groupConfiguration',
    Object.keys(value).sort(),
    ['groupsToOverride', 'iamRolesToOverride', 'preferredRole'],
    'groupConfiguration has groupsToOverride, iamRolesToOverride and preferredRole',
  );
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!strings(value.groupsToOverride))
    problems.add('request.groupConfiguration.groupsToOverride', 'groupsToOverride is a list of group names');
  if (
    !Array.isArray(value.iamRolesToOverride) ||
    !value.iamRolesToOverride.every((r) => typeof r === 'string' && IAM_ROLE.test(r))
  )
    problems.add(
      'request.groupConfiguration.iamRolesToOverride',
      'iamRolesToOverride is a list of IAM role ARNs',
    );
  if (
    value.preferredRole !== null &&
    !(typeof value.preferredRole === 'string' && IAM_ROLE.test(value.preferredRole))
  )
    problems.add('request.groupConfiguration.preferredRole', 'preferredRole is an IAM role ARN or null');
}

/** The rules of each trigger's own request fields (FORMATS-api-identity §3.3). */
function checkRequestFields(
  trigger: CognitoTrigger,
  request: Record<string, unknown>,
  problems: ProblemList,
): void {
  if ('clientMetadata' in request) checkStringMap('request.clientMetadata', request.clientMetadata, problems);
  if ('validationData' in request)
    checkStringMap(
      'request.validationData',
      request.validationData,
      problems,
      familyOf(trigger) !== 'preAuthentication',
    );
  if ('userNotFound' in request && typeof request.userNotFound !== 'boolean')
    problems.add('request.userNotFound', 'userNotFound is a boolean');
  switch (familyOf(trigger)) {
    case 'postAuthentication':
      if (typeof request.newDeviceUsed !== 'boolean')
        problems.add('request.newDeviceUsed', 'newDeviceUsed is a boolean');
      break;
    case 'defineAuthChallenge':
      checkSession(request.session, problems);
      break;
    case 'createAuthChallenge':
      problems.expectEqual(
        'request.challengeName',
        request.challengeName,
        'CUSTOM_CHALLENGE',
        'Create runs for the custom challenge Define asked for',
      );
      checkSession(request.session, problems);
      break;
    case 'verifyAuthChallenge':
      checkStringMap('request.privateChallengeParameters', request.privateChallengeParameters, problems);
      if (typeof request.challengeAnswer !== 'string')
        problems.add('request.challengeAnswer', 'challengeAnswer is the string the client sent');
      break;
    case 'preTokenGeneration':
      checkGroupConfiguration(request.groupConfiguration, problems);
      if (
        'scopes' in request &&
        !(Array.isArray(request.scopes) && request.scopes.every((s) => typeof s === 'string'))
      )
        problems.add('request.scopes', 'scopes is a list of strings');
      break;
    case 'userMigration':
      if ('password' in request && (typeof request.password !== 'string' || request.password.length === 0))
        problems.add('request.password', 'password is what the user typed');
      break;
    case 'customMessage':
      problems.expectEqual(
        'request.codeParameter',
        request.codeParameter,
        CODE_PARAMETER,
        'codeParameter is the placeholder Cognito replaces with the code',
      );
      problems.expectEqual(
        'request.usernameParameter',
        request.usernameParameter,
        trigger === 'CustomMessage_AdminCreateUser' ? USERNAME_PARAMETER : null,
        'usernameParameter is {username} for AdminCreateUser, null otherwise',
      );
      if (
        request.linkParameter !== null &&
        !(
          takesLink(trigger) &&
          typeof request.linkParameter === 'string' &&
          LINK_PATTERN.test(request.linkParameter)
        )
      )
        problems.add(
          'request.linkParameter',
          'linkParameter is a {##…##} placeholder on sign-up confirmations with link verification, null otherwise',
        );
      break;
    case 'customEmailSender':
    case 'customSmsSender': {
      problems.expectEqual(
        'request.type',
        request.type,
        senderType(trigger),
        'type names the sender trigger',
      );
      const noCode = trigger.endsWith('_AccountTakeOverNotification') && request.code === null;
      if (!noCode && !(typeof request.code === 'string' && BASE64.test(request.code)))
        problems.add(
          'request.code',
          'code is the base64 ciphertext of the code, encrypted under the pool key',
        );
      break;
    }
    default:
  }
}

/** Cognito user pool trigger events (FORMATS-api-identity §3). */
export const cognitoChecker: EventChecker = {
  kind: 'cognito',
  source: 'cognito',
  detect: detectCognito,

  check(event, problems) {
    const trigger = event.triggerSource;
    if (!isTrigger(trigger)) {
      problems.add(
        'triggerSource',
        'triggerSource is one of the values gen-event cognito --list-triggers prints',
      );
      return;
    }
    checkEnvelope(event, trigger, problems);
    const version = typeof event.version === 'string' ? event.version : '1';
    const request = event.request;
    if (!isRecord(request)) {
      problems.add('request', 'request is an object');
      return;
    }
    // The trigger decides which request keys exist (FORMATS-api-identity §0.9, §3.3).
    const { keys, optional } = requestKeysOf(trigger, version);
    const expected = keys.filter((key) => !optional.includes(key) || key in request);
    problems.expectEqual(
      'request',
      Object.keys(request).sort(),
      [...expected].sort(),
      `a ${trigger} request has exactly these keys`,
    );
    checkAttributes(trigger, request, problems);
    checkRequestFields(trigger, request, problems);
    // Cognito pre-fills the trigger's default output (FORMATS-api-identity §3.1).
    problems.expectEqual(
      'response',
      event.response,
      prefilledResponse(familyOf(trigger), version),
      `Cognito invokes ${trigger} with this response pre-filled`,
    );
  },
};
