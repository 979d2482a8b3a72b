// This file sits one level below the package root both as source (src/) and when bundled (dist/),
// so the shipped templates are found the same way in tests and in the installed package.
export const packageRoot = new URL('../', import.meta.url);
