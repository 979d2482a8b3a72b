import type * as Crypto from 'node:crypto';
import { md5Hex } from './digest/md5.js';
import { sha256 } from './digest/sha256.js';

/**
 * MD5 and SHA-256 as events and seeds need them. Loading node:crypto is a large part of a short run's
 * start-up, so the short inputs most runs hash (seed parts, bodies, attributes) are hashed in
 * JavaScript, and node:crypto loads only for the first long one, where it is the faster of the two.
 * Both give the same digest (test/core/digest.test.ts).
 */
const NATIVE_FROM_BYTES = 4096;

let crypto: typeof Crypto | undefined;

function native(): typeof Crypto {
  crypto ??= process.getBuiltinModule('node:crypto') as typeof Crypto;
  return crypto;
}

function utf8(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Lowercase hex MD5 of a string's UTF-8 bytes, or of the bytes. */
export function md5(data: string | Uint8Array): string {
  const bytes = utf8(data);
  return bytes.length < NATIVE_FROM_BYTES ? md5Hex(bytes) : native().hash('md5', bytes, 'hex');
}

/** The SHA-256 digest of a string's UTF-8 bytes, or of the bytes. */
export function sha256Digest(data: string | Uint8Array): Uint8Array {
  const bytes = utf8(data);
  return bytes.length < NATIVE_FROM_BYTES ? sha256(bytes) : native().hash('sha256', bytes, 'buffer');
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes, or of the bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return Buffer.from(sha256Digest(data)).toString('hex');
}
