import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, UsageError } from './errors.js';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, which is then
 * linked (no overwrite) or renamed (with `force`) into place, so a reader never sees half a file and an
 * existing file is never replaced unless asked. Missing parent folders are created.
 */
export function writeFileAtomic(path: string, text: string, force: boolean): void {
  refuseExisting(path, force);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(dir, error as NodeJS.ErrnoException);
  }
  const temporary = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    if (force) {
      renameSync(temporary, path);
    } else {
      linkSync(temporary, path);
      unlinkSync(temporary);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never created.
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(path);
    throw writeError(path, error as NodeJS.ErrnoException);
  }
}

/** Throws before anything is written when `path` exists and may not be replaced. */
export function refuseExisting(path: string, force: boolean): void {
  let info: ReturnType<typeof statSync> | undefined;
  try {
    info = statSync(path);
  } catch {
    return;
  }
  if (info.isDirectory()) throw new UsageError(`--out ${path} is a folder`, 'name a file inside it');
  if (!force) throw existsError(path);
}

function existsError(path: string): UsageError {
  return new UsageError(`${path} already exists`, 'add --force to replace it, or choose another name');
}

function writeError(path: string, error: NodeJS.ErrnoException): InputError {
  if (error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'EPERM') {
    return new InputError(`${path} cannot be written`, 'check the folder exists and is writable');
  }
  if (error.code === 'ENOTDIR' || error.code === 'EEXIST') {
    return new InputError(`${path} lies under a file, not a folder`, 'choose another path');
  }
  return new InputError(`${path} cannot be written: ${error.code ?? error.message}`, 'check the path');
}
