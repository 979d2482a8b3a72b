import type { Faker as FakerType } from '@faker-js/faker';
import { faker } from '@faker-js/faker/locale/base';

// faker's class without the English locale module (hundreds of kB): the base locale's module holds the
// class and little else. gen-event hands its own locale data in (src/core/fake.ts).
export const Faker = faker.constructor as typeof FakerType;
