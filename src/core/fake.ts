import type { Faker } from '@faker-js/faker';
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
    const { faker } = await import('@faker-js/faker/locale/en');
    const FakerClass = faker.constructor as new (options: {
      locale: Faker['rawDefinitions'];
      randomizer: MersenneRandomizer;
    }) => Faker;
    instance = new FakerClass({ locale: faker.rawDefinitions, randomizer: new MersenneRandomizer() });
  }
  return instance;
}

/** The faker instance, seeded from the event's own randomness so its content is reproducible. */
export function seededFaker(faker: Faker, rng: Random): Faker {
  faker.seed(rng.uint32());
  return faker;
}
