import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

// The built command reads its word lists from dist/realistic-words.json (scripts/realistic-words.mjs)
// and runs as CommonJS (scripts/commonjs-cli.mjs); run from the sources, the CLI takes the lists from
// faker's own locale module. Realistic values, seeded, must be the same bytes both ways.
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
