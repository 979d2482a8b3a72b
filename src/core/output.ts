import { randomBytes } from 'node:crypto';
import {
  type Dirent,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, UsageError } from './errors.js';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, which is then
 * linked (no overwrite) or renamed (with `force`) into place, so a reader never sees half a file, an
 * interrupted run leaves no partial file, and an existing file is never replaced unless asked.
 * Missing parent folders are created.
 */
export function writeFileAtomic(path: string, text: string | Buffer, force: boolean): void {
  const temporary = createTemporaryFile(path);
  try {
    writeFileSync(temporary, text);
  } catch (error) {
    removeQuietly(temporary);
    throw writeError(path, error as NodeJS.ErrnoException);
  }
  commitFile(temporary, path, force);
}

/** Creates an empty temporary file beside `path` (and any missing folders) and returns its name. */
export function createTemporaryFile(path: string): string {
  const dir = dirname(path);
  const temporary = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, '', { flag: 'wx' });
  } catch (error) {
    throw writeError(path, error as NodeJS.ErrnoException);
  }
  return temporary;
}

/** Moves a complete temporary file to `path`: linked when nothing may be replaced, renamed with `force`. */
export function commitFile(temporary: string, path: string, force: boolean): void {
  try {
    if (force) {
      renameSync(temporary, path);
    } else {
      linkSync(temporary, path);
      unlinkSync(temporary);
    }
  } catch (error) {
    removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && !force && statOrUndefined(path)) throw existsError(path);
    throw writeError(path, error as NodeJS.ErrnoException);
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created.
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Throws before anything is written when `path` exists and may not be replaced, or is a folder. */
export function refuseExisting(path: string, force: boolean): void {
  const info = statOrUndefined(path);
  if (!info) return;
  if (info.isDirectory())
    throw new UsageError(`${path} is a folder`, 'name a file, or end the path with / for a folder of events');
  if (!force) throw existsError(path);
}

/** Whether `path` names a folder: an existing one, or any path written with a trailing slash. */
export function isFolderTarget(path: string): boolean {
  return path.endsWith('/') || statOrUndefined(path)?.isDirectory() === true;
}

/** Refuses a folder path that is a file, and lists files in it that exist and may not be replaced. */
export function checkFolderTargets(dir: string, names: readonly string[], force: boolean): void {
  const info = statOrUndefined(dir.replace(/\/+$/, '') || '/');
  if (info && !info.isDirectory())
    throw new UsageError(`${dir} is a file, not a folder`, 'choose a folder for --out');
  if (!info || force) return;
  const existing = names.filter((name) => statOrUndefined(join(dir, name)) !== undefined);
  if (existing.length > 0) {
    const shown =
      existing.slice(0, 3).join(', ') + (existing.length > 3 ? ` and ${existing.length - 3} more` : '');
    throw new UsageError(
      `${existing.length} file(s) in ${dir} already exist: ${shown}`,
      'add --force to replace them',
    );
  }
}

/** The text of a file, or undefined when there is none. */
export function readExisting(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function existsError(path: string): UsageError {
  return new UsageError(`${path} already exists`, 'add --force to replace it, or choose another name');
}

function writeError(path: string, error: NodeJS.ErrnoException): InputError {
  switch (error.code) {
    case 'EACCES':
    case 'EROFS':
    case 'EPERM':
      return new InputError(`${path} cannot be written`, 'check the folder is writable');
    case 'ENOTDIR':
    case 'EEXIST':
      return new InputError(`${path} lies under a file, not a folder`, 'choose another path');
    case 'EISDIR':
      return new InputError(`${path} is a folder`, 'name a file');
    default:
      return new InputError(`${path} cannot be written (${error.code ?? error.message})`, 'check the path');
  }
}

/** Every .json file under a folder, as sorted paths; none when the folder does not exist. */
export function listJsonFiles(dir: string): string[] {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listJsonFiles(path);
      return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
    })
    .sort();
}
