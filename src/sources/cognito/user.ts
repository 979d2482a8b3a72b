import type { Random } from '../../core/random.js';
import { type CognitoTrigger, familyOf } from './triggers.js';

// Small name lists keep a Cognito run free of faker's start-up cost; the seed picks from them.
const GIVEN = [
  'olivia',
  'liam',
  'emma',
  'noah',
  'ava',
  'mateo',
  'sofia',
  'lucas',
  'mia',
  'aarav',
  'yuki',
  'lena',
];
const FAMILY = ['garcia', 'smith', 'nguyen', 'müller', 'rossi', 'kim', 'okafor', 'silva', 'dubois', 'patel'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];

export interface PoolUser {
  /** The user's `sub` (a lowercase UUID); also the user name when the pool signs in by email. */
  sub: string;
  email: string;
  phone: string;
  givenName: string;
  familyName: string;
  /** Whether this user has a phone number on file. */
  hasPhone: boolean;
}

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
// Each name's forms, worked out once: as written (capitalised) and, for an address, plain a-z.
const GIVEN_NAMES = GIVEN.map(capital);
const FAMILY_NAMES = FAMILY.map(capital);
const FAMILY_ASCII = FAMILY.map((family) => family.normalize('NFD').replace(/[^a-z]/g, ''));

/** A realistic user of the pool, from the event's randomness. */
export function poolUser(rng: Random): PoolUser {
  // Indexes drawn as `rng.pick` draws them.
  const given = rng.int(0, GIVEN.length - 1);
  const family = rng.int(0, FAMILY.length - 1);
  const local = `${GIVEN[given]}.${FAMILY_ASCII[family]}${rng.int(0, 1) ? rng.int(1, 99) : ''}`;
  return {
    sub: rng.uuid(),
    email: `${local}@${rng.pick(DOMAINS)}`,
    // 555-01xx numbers are reserved for fiction in the North American plan.
    phone: `+1${rng.digits(3)}55501${rng.digits(2)}`,
    givenName: GIVEN_NAMES[given] as string,
    familyName: FAMILY_NAMES[family] as string,
    hasPhone: rng.int(0, 3) === 0,
  };
}

const states = new Map<CognitoTrigger, { status: string; emailVerified: string }>();

/** The account state a trigger sees, worked out once per trigger. */
function stateOf(trigger: CognitoTrigger): { status: string; emailVerified: string } {
  let state = states.get(trigger);
  if (state === undefined) {
    state = triggerState(trigger);
    states.set(trigger, state);
  }
  return state;
}

/** The account state a trigger sees (FORMATS-api-identity §3.1). */
function triggerState(trigger: CognitoTrigger): { status: string; emailVerified: string } {
  if (/_(SignUp|ResendCode)$/.test(trigger) && familyOf(trigger) !== 'preSignUp')
    return { status: 'UNCONFIRMED', emailVerified: 'false' };
  if (trigger.endsWith('_AdminCreateUser'))
    return { status: 'FORCE_CHANGE_PASSWORD', emailVerified: 'false' };
  // A changed or unverified address is not verified until the code comes back.
  if (/_(UpdateUserAttribute|VerifyUserAttribute)$/.test(trigger))
    return { status: 'CONFIRMED', emailVerified: 'false' };
  return { status: 'CONFIRMED', emailVerified: 'true' };
}

/**
 * The attributes Cognito sends for a user, every value a string (FORMATS-api-identity §3.1): before the
 * user exists (PreSignUp) only what was submitted; afterwards `sub`, the email alias, the status and
 * the verification flags too, in the order of the real captures.
 */
export function defaultAttributes(
  trigger: CognitoTrigger,
  user: PoolUser,
  needsPhone: boolean,
): Record<string, string> {
  const phone = user.hasPhone || needsPhone;
  if (familyOf(trigger) === 'preSignUp') {
    return {
      ...(trigger === 'PreSignUp_ExternalProvider' ? { given_name: user.givenName } : {}),
      ...(phone && trigger !== 'PreSignUp_ExternalProvider' ? { phone_number: user.phone } : {}),
      email: user.email,
    };
  }
  const { status, emailVerified } = stateOf(trigger);
  const attributes: Record<string, string> = {
    sub: user.sub,
    'cognito:email_alias': user.email,
    'cognito:user_status': status,
    email_verified: emailVerified,
  };
  if (phone) {
    attributes.phone_number_verified = status === 'CONFIRMED' ? 'true' : 'false';
    attributes.phone_number = user.phone;
  }
  attributes.given_name = user.givenName;
  attributes.family_name = user.familyName;
  attributes.email = user.email;
  return attributes;
}

const PROVIDERS: readonly (readonly [string, number])[] = [
  ['Google', 21],
  ['Facebook', 16],
  ['LoginWithAmazon', 0],
  ['SignInWithApple', 0],
];

/** A federated user's name, `{ProviderName}_{subject}` (3P, FORMATS-api-identity §3.1). */
export function federatedUserName(rng: Random): string {
  const [provider, digits] = rng.pick(PROVIDERS);
  if (provider === 'LoginWithAmazon')
    return `${provider}_amzn1.account.${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 28)}`;
  if (provider === 'SignInWithApple') return `${provider}_${rng.digits(6)}.${rng.hex(32)}.${rng.digits(4)}`;
  return `${provider}_${rng.digits(digits)}`;
}
