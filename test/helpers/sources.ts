import { catalog, loadAllSources } from '../../src/sources/catalog.js';

/** Every source, loaded, with its catalog names and summary beside it (tests that cover them all). */
export const sources = (await loadAllSources()).map((source, index) => {
  const entry = catalog[index];
  if (entry === undefined || entry.name !== source.name)
    throw new Error(`catalog entry ${index} loads ${source.name}`);
  return { ...source, aliases: entry.aliases, summary: entry.summary };
});
