import { readFileSync } from 'node:fs';
import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { MersenneRandomizer } from './mersenne.js';
import type { Random } from './random.js';

/**
 * faker is imported only by runs that need realistic content (a body nobody gave), so a run with
 * its own body starts without paying for it. The instance is private to gen-event: seeding it never
 * disturbs a caller's own faker.
 */
let instance: Faker | undefined;

export async function loadFaker(): Promise<Faker> {
  if (!instance) {
    const { Faker } = await import('./faker-class.js');
    instance = new Faker({ locale: await englishDefinitions(), randomizer: new MersenneRandomizer() });
  }
  return instance;
}

/**
 * The English locale data the realistic values read. The build writes those categories beside the
 * bundle (scripts/faker-definitions.mjs), far quicker to load than faker's whole locale module; run
 * from the sources (tests), the whole locale is used. Both give the same values
 * (test/cli/built-output.test.ts).
 */
async function englishDefinitions(): Promise<LocaleDefinition> {
  try {
    return JSON.parse(readFileSync(new URL('./faker-en.json', import.meta.url), 'utf8')) as LocaleDefinition;
  } catch {
    return (await import('@faker-js/faker/locale/en')).faker.rawDefinitions;
  }
}

/** The faker instance, seeded from the event's own randomness so its content is reproducible. */
export function seededFaker(faker: Faker, rng: Random): Faker {
  faker.seed(rng.uint32());
  return faker;
}
