// The CommonJS half of the dual package: `require('gen-event')` (Jest's default mode, ts-jest, plain
// CommonJS) loads dist/index.cjs, typed by dist/types/**/*.d.cts. Run by `npm run build` after the ESM build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // The package finds its templates from its own file's URL; CommonJS has __filename instead.
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'importMetaUrl' },
});

// The same declarations for a CommonJS consumer: TypeScript reads a .d.ts of a "type": "module" package
// as ESM, which a `require` cannot load, so each gets a .d.cts twin whose relative imports name .cjs.
function copyDeclarations(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) copyDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8').replace(
        /((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*?)\.js(['"])/g,
        '$1.cjs$2',
      );
      writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), text);
    }
  }
}
copyDeclarations('dist/types');
