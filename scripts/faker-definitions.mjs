/**
 * Writes dist/faker-en.json: the entries of faker's English locale gen-event's realistic values read
 * (src/core/fake.ts). Loading faker's whole locale module takes tens of milliseconds of a run's start;
 * the JSON of these few entries parses in well under one. The entries are the ones the faker methods
 * below read, found by calling each over many seeds with the locale watched (a pattern such as a city's
 * names other entries). faker throws when a value it needs is missing from its locale, so an entry left
 * out here shows as an error, never as other output (test/cli/built-output.test.ts runs the build).
 */
import { writeFileSync } from 'node:fs';
import { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

/** The locale-backed faker calls gen-event makes (src/core/sample-payloads.ts, src/sources/…). */
const CALLS = [
  (f) => f.person.firstName(),
  (f) => f.person.lastName(),
  (f) => f.internet.email(),
  (f) => f.location.city(),
  (f) => f.location.countryCode(),
  (f) => f.location.zipCode(),
  (f) => f.commerce.productName(),
  (f) => f.commerce.price({ min: 3, max: 250 }),
];
const SEEDS = 20_000;

const full = english.rawDefinitions;
const read = new Set();
const watched = Object.fromEntries(
  Object.entries(full).map(([category, entries]) => [
    category,
    new Proxy(entries, {
      get(target, key) {
        if (typeof key === 'string' && Object.hasOwn(target, key)) read.add(`${category}\0${key}`);
        return target[key];
      },
    }),
  ]),
);
const faker = new Faker({ locale: watched });
for (let seed = 0; seed < SEEDS; seed++) {
  faker.seed(seed);
  for (const call of CALLS) call(faker);
}

// metadata (the locale's title, code and direction) is kept whole: faker reads it outside the calls.
const definitions = { metadata: full.metadata };
for (const entry of [...read].sort()) {
  const [category, key] = entry.split('\0');
  definitions[category] ??= {};
  definitions[category][key] = full[category][key];
}
writeFileSync(new URL('../dist/faker-en.json', import.meta.url), JSON.stringify(definitions));
