import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { lstatOrUndefined, specialKind } from './output.js';

/**
 * Checks the targets of a folder write before anything is written, without listing them: a run of
 * 100,000,000 events starts writing at once. Instead of testing each name, the folder's existing
 * entries are matched against the pattern (so the work grows with what is there, not with the
 * count). Any existing name the run would write is refused unless `force`; a symbolic link, a
 * FIFO, a device or a folder where a file or folder of the run goes is refused even with `force`, so
 * output never leaves the folder through a link and never replaces what is not a regular file.
 */
export function checkFolderTargets(
  dir: string,
  pattern: string,
  source: string,
  count: number,
  force: boolean,
): void {
  const info = lstatOrUndefined(dir.replace(/\/+$/, '') || '/');
  const folder = info?.isSymbolicLink() ? lstatOrUndefined(`${dir.replace(/\/+$/, '')}/.`) : info;
  if (info && !folder?.isDirectory())
    throw new UsageError(`${dir} is a file, not a folder`, 'choose a folder for --out');
  if (!info) return; // a new folder holds nothing to clash with
  const segments = pattern.split('/').map((segment) => segmentMatcher(segment, source, count));
  const existing: string[] = [];
  let existingCount = 0;
  const walk = (folderPath: string, relative: string, depth: number, n: number | undefined) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folderPath, { withFileTypes: true });
    } catch {
      return; // unreadable: the write itself will say so
    }
    const last = depth === segments.length - 1;
    for (const entry of entries) {
      const matched = segments[depth]?.(entry.name, n);
      if (matched === undefined) continue;
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const path = join(dir, name);
      if (!last && entry.isDirectory()) {
        walk(join(folderPath, entry.name), name, depth + 1, matched);
        continue;
      }
      const other = specialKind(entry) ?? (entry.isDirectory() ? 'a folder' : last ? undefined : 'a file');
      if (other !== undefined) {
        throw new UsageError(
          `${path} is ${other}, where this run writes ${last ? 'a file' : 'a folder'}`,
          'output stays inside the folder and replaces only files; remove it or choose other names',
        );
      }
      existingCount += 1;
      if (existing.length < 3) existing.push(name);
    }
  };
  walk(dir, '', 0, undefined);
  if (existingCount > 0 && !force) {
    const shown = existing.sort().join(', ') + (existingCount > 3 ? ` and ${existingCount - 3} more` : '');
    throw new UsageError(
      `${existingCount} file(s) in ${dir} already exist: ${shown}`,
      'add --force to replace them',
    );
  }
}

const PLACEHOLDER = /\{(n|source)\}/g;

/**
 * A test of one path segment of the pattern: the event number the name stands for (0 when the
 * segment has no {n}), or undefined when the run never writes that name. `n` is the number an
 * earlier segment stood for: every {n} of one name is the same number.
 */
function segmentMatcher(
  segment: string,
  source: string,
  count: number,
): (name: string, n: number | undefined) => number | undefined {
  const width = String(count).length;
  let expression = '';
  let at = 0;
  for (const match of segment.matchAll(PLACEHOLDER)) {
    expression += escapeRegExp(segment.slice(at, match.index));
    expression += match[1] === 'n' ? `(\\d{${width}})` : escapeRegExp(source);
    at = match.index + match[0].length;
  }
  const regex = new RegExp(`^${expression}${escapeRegExp(segment.slice(at))}$`);
  return (name, n) => {
    const match = regex.exec(name);
    if (!match) return undefined;
    let number = n ?? 0;
    for (const digits of match.slice(1)) {
      const value = Number(digits);
      if (value < 1 || value > count || (number !== 0 && value !== number)) return undefined;
      number = value;
    }
    return number;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What is at one fixture's target: nothing yet, or a regular file of `size` bytes. */
export type FixtureTarget = { exists: false } | { exists: true; size: number };

/**
 * Checks a recipe's targets before anything is generated or written: two fixtures never need one
 * name as both a file and a folder (`x` and `x.json/y`), and every folder and file on the way from
 * the output folder is a real folder or regular file, never a symbolic link (which could lead out of
 * the folder), a FIFO or a device.
 */
export function checkFixtureTargets(outDir: string, files: readonly string[]): FixtureTarget[] {
  const planned = new Set(files);
  for (const file of files) {
    const segments = file.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (planned.has(folder)) {
        throw new UsageError(
          `the fixtures ${folder} and ${file} clash: ${folder} would be both a file and a folder`,
          'rename one of the fixtures',
        );
      }
    }
  }
  return files.map((file) => {
    const segments = file.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const path = join(outDir, ...segments.slice(0, i));
      const info = lstatOrUndefined(path);
      if (!info) return { exists: false };
      const last = i === segments.length;
      if (last ? info.isFile() : info.isDirectory()) {
        if (last) return { exists: true, size: info.size };
        continue;
      }
      const what = specialKind(info) ?? (info.isDirectory() ? 'a folder' : 'a file');
      throw new UsageError(
        `${path} is ${what}, where the recipe writes ${last ? 'a fixture file' : 'a folder'}`,
        'fixtures stay inside the output folder and replace only files; remove it or rename the fixture',
      );
    }
    return { exists: false };
  });
}

/** Whether the regular file at `path` holds exactly `text`: compared by size first, read only then. */
export function holdsText(path: string, target: FixtureTarget, text: string): boolean {
  if (!target.exists || target.size !== Buffer.byteLength(text)) return false;
  return readFileSync(path, 'utf8') === text;
}
