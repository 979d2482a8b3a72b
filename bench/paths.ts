import { fileURLToPath } from 'node:url';

// The bench runs from bench/.out/ (compiled by `npm run bench`) and measures the built package.
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../bin/gen-event.js', import.meta.url));
export const libraryUrl = new URL('../../dist/index.js', import.meta.url).href;
export const benchScript = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));
