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

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
// Each name's forms, worked out once: as written (capitalised) and, for an address, plain a-z.
const GIVEN_NAMES = GIVEN.map(capital);
const FAMILY_NAMES = FAMILY.map(capital);
const FAMILY_ASCII = FAMILY.map((family) => family.normalize('NFD').replace(/[^a-z]/g, ''));

/**
 * A realistic user of the pool, from the event's randomness. Every value is drawn at once, in a fixed
 * order, but the address and the phone number are spelled out only when the event shows them: most
 * runs give their own email, and most users have no phone.
 */
export class PoolUser {
  // Declared only, as in Random: emitted fields would be defined as undefined first, on every user.
  /** The user's `sub` (a lowercase UUID); also the user name when the pool signs in by email. */
  declare readonly sub: string;
  declare readonly givenName: string;
  declare readonly familyName: string;
  /** Whether this user has a phone number on file. */
  declare readonly hasPhone: boolean;
  declare private readonly given: number;
  declare private readonly family: number;
  /** The number after the name in the address, 1-99, or 0 for none. */
  declare private readonly suffix: number;
  declare private readonly domain: number;
  declare private readonly area: number;
  declare private readonly line: number;
  declare private address: string | undefined;

  constructor(rng: Random) {
    // Indexes drawn as `rng.pick` draws them.
    this.given = rng.int(0, GIVEN.length - 1);
    this.family = rng.int(0, FAMILY.length - 1);
    this.suffix = rng.int(0, 1) ? rng.int(1, 99) : 0;
    this.sub = rng.uuid();
    this.domain = rng.int(0, DOMAINS.length - 1);
    this.area = rng.digitsValue(3);
    this.line = rng.digitsValue(2);
    this.hasPhone = rng.int(0, 3) === 0;
    this.givenName = GIVEN_NAMES[this.given] as string;
    this.familyName = FAMILY_NAMES[this.family] as string;
    this.address = undefined;
  }

  get email(): string {
    this.address ??= `${GIVEN[this.given]}.${FAMILY_ASCII[this.family]}${this.suffix === 0 ? '' : this.suffix}@${DOMAINS[this.domain]}`;
    return this.address;
  }

  /** 555-01xx numbers are reserved for fiction in the North American plan. */
  get phone(): string {
    return `+1${String(this.area).padStart(3, '0')}55501${String(this.line).padStart(2, '0')}`;
  }
}

/** What a run's default attributes depend on, worked out once per run from its trigger. */
export interface AttributeRules {
  readonly trigger: CognitoTrigger;
  /** Before sign-up the user does not exist yet: only what was submitted. */
  readonly beforeSignUp: boolean;
  readonly status: string;
  readonly emailVerified: string;
  /** A custom SMS sender always has a phone number to send to. */
  readonly needsPhone: boolean;
}

export function attributeRules(trigger: CognitoTrigger): AttributeRules {
  return {
    trigger,
    beforeSignUp: familyOf(trigger) === 'preSignUp',
    ...accountState(trigger),
    needsPhone: familyOf(trigger) === 'customSmsSender',
  };
}

/** The account state a trigger sees (FORMATS-api-identity §3.1). */
function accountState(trigger: CognitoTrigger): { status: string; emailVerified: string } {
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
 * the verification flags too, in the order of the real captures. The given attributes are laid over
 * them by the caller; the email and phone they give are used here already, so the drawn ones are
 * spelled out only when shown, and the email alias is the email (§3.1).
 */
export function defaultAttributes(
  rules: AttributeRules,
  user: PoolUser,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  const phone = user.hasPhone || rules.needsPhone;
  const email = given.email ?? user.email;
  if (rules.beforeSignUp) {
    const attributes: Record<string, string> = {};
    if (rules.trigger === 'PreSignUp_ExternalProvider') attributes.given_name = user.givenName;
    else if (phone) attributes.phone_number = given.phone_number ?? user.phone;
    attributes.email = email;
    return attributes;
  }
  const attributes: Record<string, string> = {
    sub: user.sub,
    'cognito:email_alias': email,
    'cognito:user_status': rules.status,
    email_verified: rules.emailVerified,
  };
  if (phone) {
    attributes.phone_number_verified = rules.status === 'CONFIRMED' ? 'true' : 'false';
    attributes.phone_number = given.phone_number ?? user.phone;
  }
  attributes.given_name = user.givenName;
  attributes.family_name = user.familyName;
  attributes.email = email;
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
