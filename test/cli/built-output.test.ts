import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

// The built command reads faker's English data from dist/faker-en.json (scripts/faker-definitions.mjs)
// and runs as CommonJS (scripts/commonjs-cli.mjs); run from the sources, the CLI uses faker's own locale
// module. Realistic values, seeded, must be the same bytes both ways.
describe('the built command prints what the sources print', () => {
  it.each(sources.map((source) => [source.name]))('%s, realistic values', async (name) => {
    const args = [name, '--seed', 'built-output', '--count', '40', '--ndjson'];
    const built = spawnCli(args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout.split('\n')).toHaveLength(41);
    expect(built).toStrictEqual(await runCli(args));
  });
});
