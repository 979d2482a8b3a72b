/**
 * Writes dist/help/<page>.txt: every help page, the version and the completion scripts exactly as
 * yargs prints them (src/cli/help-pages.ts), so the built command prints them without loading yargs.
 * Pages are made from the source catalog, so a new source has its page with no change here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('dist/help/', root);
// Built into dist/ for the moment it runs, so it finds the package's files as the built command does.
const script = new URL('dist/.help-pages.mjs', root);
try {
  await build({
    entryPoints: [new URL('src/cli/help-pages.ts', root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: fileURLToPath(script),
    logLevel: 'warning',
  });
  const { helpPages } = await import(script.href);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of await helpPages()) writeFileSync(new URL(`${name}.txt`, out), text);
} finally {
  rmSync(script, { force: true });
}
