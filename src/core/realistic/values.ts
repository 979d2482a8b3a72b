import type { Random } from '../random.js';
import type { RealisticWords } from './words.js';

const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Reserved for documentation (RFC 2606): an address in a test event can never reach a real mailbox.
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

export interface PersonName {
  first: string;
  last: string;
}

/** A first and a last name; one in twenty last names is double-barrelled, as in English-speaking lists. */
export function personName(rng: Random, words: RealisticWords): PersonName {
  const first = rng.pick(words.firstNames);
  const last = rng.pick(words.lastNames);
  return { first, last: rng.int(1, 20) === 1 ? `${last}-${rng.pick(words.lastNames)}` : last };
}

/** The name as a mailbox name can hold it: lowercase a-z and digits only ("O'Hara" → "ohara"). */
const mailboxPart = (name: string) =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '') || 'user';

/** An address built from the person's name the ways people pick one (jane.doe, jane_doe42, jdoe). */
export function emailAddress(rng: Random, { first, last }: PersonName): string {
  const given = mailboxPart(first);
  const family = mailboxPart(last);
  const domain = rng.pick(EMAIL_DOMAINS);
  switch (rng.int(0, 3)) {
    case 0:
      return `${given}.${family}@${domain}`;
    case 1:
      return `${given}_${family}${rng.int(1, 99)}@${domain}`;
    case 2:
      return `${given.charAt(0)}${family}@${domain}`;
    default:
      return `${given}${rng.int(1, 9999)}@${domain}`;
  }
}

/** "Ergonomic Bronze Chair": an adjective, a material and a product. */
export function productName(rng: Random, words: RealisticWords): string {
  return `${rng.pick(words.productAdjectives)} ${rng.pick(words.productMaterials)} ${rng.pick(words.productNouns)}`;
}

/** A price between `min` and `max` (whole units), in cents. */
export function price(rng: Random, min: number, max: number): number {
  return rng.int(min * 100, max * 100) / 100;
}

/** A US city and a ZIP code (five digits). */
export function usAddress(rng: Random, words: RealisticWords): { city: string; postalCode: string } {
  return { city: rng.pick(words.cities), postalCode: rng.digits(5) };
}

export const mixedAlnum = (rng: Random, length: number) => rng.chars(MIXED_ALNUM, length);
export const upperAlnum = (rng: Random, length: number) => rng.chars(UPPER_ALNUM, length);
