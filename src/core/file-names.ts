import { UsageError } from './errors.js';

/**
 * File names for folders of events. A name is one path segment made of safe characters: nothing a
 * pattern or a recipe says can leave the output folder (`..`, `/`, absolute paths are refused).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const PLACEHOLDER = /\{([^}]*)\}/g;

export function checkRelativeFileName(name: string, what: string): string {
  const segments = name.split('/');
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    !segments.every((s) => SAFE_SEGMENT.test(s) && s !== '..')
  ) {
    throw new UsageError(
      `${what} '${name}' is not a plain file name`,
      'use letters, digits, . _ - (and / between folder names); no .. and no absolute paths',
    );
  }
  return name;
}

/** Checks a `--name` pattern once, before anything is generated. */
export function checkNamePattern(pattern: string, count: number): void {
  for (const [, key] of pattern.matchAll(PLACEHOLDER)) {
    if (key !== 'n' && key !== 'source') {
      throw new UsageError(
        `--name uses {${key}}`,
        'the placeholders are {n} (the event number) and {source}',
      );
    }
  }
  if (count > 1 && !pattern.includes('{n}')) {
    throw new UsageError(`--name '${pattern}' has no {n}`, 'add {n} so each event gets its own file');
  }
  checkRelativeFileName(pattern.replace(PLACEHOLDER, 'x'), '--name');
}

/** How the files of a folder of events are named unless `--name` says otherwise. */
export const DEFAULT_NAME_PATTERN = '{source}-{n}.json';

/** The name of event `n` (1-based), zero-padded to the width of the count: sqs-001.json … sqs-120.json. */
export function eventFileName(pattern: string | undefined, source: string, n: number, count: number): string {
  const number = String(n).padStart(String(count).length, '0');
  return (pattern ?? DEFAULT_NAME_PATTERN).replace(PLACEHOLDER, (_, key: string) =>
    key === 'n' ? number : source,
  );
}
