import type { LocaleDefinition } from '@faker-js/faker';

/**
 * The word lists gen-event's realistic values draw from, taken from faker's English locale: real
 * first and last names, US city names, and the three parts of a product name.
 */
export interface RealisticWords {
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly cities: readonly string[];
  readonly productAdjectives: readonly string[];
  readonly productMaterials: readonly string[];
  readonly productNouns: readonly string[];
}

/**
 * A locale entry as one list: a list as it is; one split by sex (`{ generic, female, male }`) by its
 * `generic` list, which is what faker itself picks from when no sex is asked for (and keeps the file
 * the command reads small), or by all its lists when it has none.
 */
function wordsOf(entry: unknown, what: string): string[] {
  const split = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
  const lists = Array.isArray(entry)
    ? [entry]
    : Array.isArray(split.generic)
      ? [split.generic]
      : Object.values(split).filter(Array.isArray);
  const words = [...new Set(lists.flat().filter((word): word is string => typeof word === 'string'))];
  // A list that came out empty means faker's locale changed shape: fail the build, not the events.
  if (words.length === 0) throw new Error(`faker's English locale has no ${what}`);
  return words.sort();
}

/** The lists out of faker's English locale definitions (the build writes them to dist; tests read them live). */
export function wordsOfLocale(definitions: LocaleDefinition): RealisticWords {
  const product = definitions.commerce?.product_name;
  return {
    firstNames: wordsOf(definitions.person?.first_name, 'first names'),
    lastNames: wordsOf(definitions.person?.last_name, 'last names'),
    cities: wordsOf(definitions.location?.city_name, 'city names'),
    productAdjectives: wordsOf(product?.adjective, 'product adjectives'),
    productMaterials: wordsOf(product?.material, 'product materials'),
    productNouns: wordsOf(product?.product, 'product nouns'),
  };
}
