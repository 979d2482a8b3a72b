import { readFileSync } from 'node:fs';
import { type RealisticWords, wordsOfLocale } from './words.js';

let words: RealisticWords | undefined;

/**
 * The word lists, loaded once per process and only by runs that make realistic content up. The build
 * writes them beside the bundle (scripts/realistic-words.mjs), so the command reads one small JSON
 * file and never loads faker; run from the sources (tests), they come from faker's locale module.
 * Both give the same lists (test/cli/built-output.test.ts).
 */
export async function loadRealisticWords(): Promise<RealisticWords> {
  words ??= builtWords() ?? wordsOfLocale((await import('@faker-js/faker/locale/en')).faker.rawDefinitions);
  return words;
}

function builtWords(): RealisticWords | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL('./realistic-words.json', import.meta.url), 'utf8'),
    ) as RealisticWords;
  } catch {
    return undefined;
  }
}
