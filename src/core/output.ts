import {
  type Dirent,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, UsageError } from './errors.js';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, which is then
 * linked (no overwrite) or renamed (with `force`) into place, so a reader never sees half a file, an
 * interrupted run leaves no partial file, and an existing file is never replaced unless asked.
 * Missing parent folders are created. A link or rename acts on the name itself, never on what a
 * symbolic link there points to: callers check their targets first (see inspectTarget).
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

/**
 * Creates an empty temporary file beside `path` (and any missing folders) and returns its name. The
 * name has a fixed length, so a target whose own name is as long as the system allows still works,
 * and starts with a dot, so folder listings (`check`, `seed`) pass over it.
 */
/** 12 hex digits; the file is created exclusively ('wx'), so a clash is refused, never shared. */
function temporarySuffix(): string {
  return Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
}

export function createTemporaryFile(path: string): string {
  const dir = dirname(path);
  const temporary = join(dir, `.gen-event-${temporarySuffix()}.tmp`);
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
    if (code === 'EEXIST' && !force && lstatOrUndefined(path)) throw existsError(path);
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

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What `--out <file>` names. `missing` and `file` are written atomically at `real` (the file a
 * symbolic link the user named points to, so the link stays a link); a `stream` (a FIFO or a
 * character device such as /dev/null) is written into, never replaced.
 */
export interface OutTarget {
  kind: 'missing' | 'file' | 'stream';
  real: string;
}

/**
 * Looks at an `--out` file before anything is read or written: refuses a folder, a socket, a block
 * device and a dangling symbolic link with a message about what is there, and an existing regular
 * file unless `force`.
 */
export function inspectTarget(path: string, force: boolean): OutTarget {
  const link = lstatOrUndefined(path);
  if (!link) return { kind: 'missing', real: path };
  let info = link;
  let real = path;
  if (link.isSymbolicLink()) {
    const pointed = statOrUndefined(path);
    if (!pointed) {
      throw new UsageError(
        `${path} is a symbolic link to ${readlinkSync(path)}, which does not exist`,
        'remove the link, or name another file',
      );
    }
    info = pointed;
    real = realpathSync(path);
  }
  const what = specialKind(info);
  if (info.isFIFO() || info.isCharacterDevice()) return { kind: 'stream', real };
  if (info.isDirectory())
    throw new UsageError(`${path} is a folder`, 'name a file, or end the path with / for a folder of events');
  if (what !== undefined)
    throw new UsageError(`${path} is ${what}, not a file`, 'name a regular file, a FIFO or a device');
  if (!force) throw existsError(path);
  return { kind: 'file', real };
}

/** "a socket", "a FIFO"…: what a path is when it is neither a regular file nor a folder. */
export function specialKind(info: Stats | Dirent): string | undefined {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return undefined;
}

/** Writes `--out <file>`: into a FIFO or device as it is, else atomically (see writeFileAtomic). */
export async function writeOutFile(path: string, text: string, force: boolean): Promise<void> {
  const target = inspectTarget(path, force);
  if (target.kind !== 'stream') return writeFileAtomic(target.real, text, force);
  // Asynchronous, so a FIFO nobody reads yet leaves the process free to handle Ctrl-C.
  await fsPromises()
    .writeFile(target.real, text)
    .catch((error: NodeJS.ErrnoException) => {
      throw writeError(path, error);
    });
}

/** Whether `path` names a folder: an existing one, or any path written with a trailing slash. */
export function isFolderTarget(path: string): boolean {
  return path.endsWith('/') || statOrUndefined(path)?.isDirectory() === true;
}

export function existsError(path: string): UsageError {
  return new UsageError(`${path} already exists`, 'add --force to replace it, or choose another name');
}

/** A failed write as a message that says what to do about its cause. */
export function writeError(path: string, error: NodeJS.ErrnoException): InputError {
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
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(
        `${path} cannot be written: the disk is full`,
        'free some space, or write elsewhere',
      );
    case 'EFBIG':
      return new InputError(`${path} cannot be written: the file would be too large`, 'write fewer events');
    case 'ENAMETOOLONG':
      return new InputError(`${path} cannot be written: the name is too long`, 'choose a shorter name');
    default:
      return new InputError(`${path} cannot be written (${error.code ?? error.message})`, 'check the path');
  }
}

/**
 * Every .json file under a folder, as sorted paths; none when the folder does not exist. Symbolic
 * links are not followed (a folder's entries say what they are, without following them), so the
 * walk never leaves the folder.
 */
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

/** node:fs/promises, loaded only by the writes into a FIFO or a device that need it (start-up time). */
export function fsPromises(): typeof import('node:fs/promises') {
  return process.getBuiltinModule('node:fs/promises') as typeof import('node:fs/promises');
}
