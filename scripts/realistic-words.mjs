/**
 * Writes dist/realistic-words.json: the word lists of gen-event's realistic values (names, cities,
 * product names), taken from faker's English locale by src/core/realistic/words.ts. The command reads
 * this small file instead of loading faker, whose class and locale cost milliseconds of every start;
 * run from the sources, the same function reads faker's locale directly (test/cli/built-output.test.ts
 * compares the two).
 */
import { writeFileSync } from 'node:fs';
import { faker } from '@faker-js/faker/locale/en';
import { build } from 'esbuild';

const bundled = await build({
  entryPoints: [new URL('../src/core/realistic/words.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const source = bundled.outputFiles[0].text;
const { wordsOfLocale } = await import(
  `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
);
writeFileSync(
  new URL('../dist/realistic-words.json', import.meta.url),
  JSON.stringify(wordsOfLocale(faker.rawDefinitions)),
);
