/**
 * Writes dist/faker-en.json: the parts of faker's English locale gen-event's realistic values read
 * (src/core/fake.ts). Loading faker's whole locale module takes tens of milliseconds of a run's start;
 * the JSON of these few categories parses in well under one. faker throws when a value it needs is
 * missing from its locale, so a category left out here shows as an error, never as other output.
 */
import { writeFileSync } from 'node:fs';
import { faker } from '@faker-js/faker/locale/en';

/** The categories of faker's locale data the realistic values use (src/core/fake.ts lists the calls). */
const CATEGORIES = ['metadata', 'commerce', 'internet', 'location', 'person'];

const definitions = Object.fromEntries(CATEGORIES.map((name) => [name, faker.rawDefinitions[name]]));
writeFileSync(new URL('../dist/faker-en.json', import.meta.url), JSON.stringify(definitions));
