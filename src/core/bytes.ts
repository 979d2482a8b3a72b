/**
 * Byte payloads as AWS services carry them in JSON: base64 text (Kinesis and Firehose data, Kafka keys
 * and values, CloudWatch Logs' gzip), byte-number arrays (Kafka headers) and gzip streams. Written
 * once here so every source encodes and checks them the same way. node:zlib is loaded by the gzip
 * functions when they run, not by this file: it brings the streams stack, which the sources that
 * only encode base64 (Kafka, Firehose) would otherwise pay for at start-up.
 */

const zlib = () => process.getBuiltinModule('node:zlib');

/** Bytes given as text are their UTF-8 encoding; bytes given as bytes are taken as they are. */
export type BytesInput = string | Uint8Array;

export function bytesOf(data: BytesInput): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

/** Standard base64 with padding (RFC 4648 §4), as every AWS event that carries bytes writes them. */
export function base64Of(data: BytesInput): string {
  return bytesOf(data).toString('base64');
}

// One character class, no repeated group: V8 backtracks a repeated group recursively, and a text of a
// few megabytes (a Firehose answer, a large body) would overflow the stack. Padding and the length
// are then settled by the round trip below.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * True when `text` is canonical padded base64: what a service writes and what decoders agree on.
 * Node's own decoder silently skips stray characters, so it cannot tell.
 */
export function isBase64(text: unknown): text is string {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return false;
  // Unused bits of the last character must be zero, else two texts decode to the same bytes.
  return Buffer.from(text, 'base64').toString('base64') === text;
}

/** A header's value as Kafka events carry it: one number per byte of the UTF-8 encoding. */
export function byteNumbers(data: BytesInput): number[] {
  return Array.from(bytesOf(data));
}

/**
 * gzip whose bytes depend only on the input: the header's modification time is zero (Node already
 * writes 0), its OS byte is fixed rather than the one zlib was compiled for (3 on Linux, 19 on macOS,
 * 10 on Windows), and the level is fixed at zlib's default, 6, whose extra-flags byte is 0. The
 * deflate stream itself comes from Node's bundled zlib, the same source on every platform.
 */
export function gzipFixed(data: BytesInput, osByte: number): Buffer {
  const out = zlib().gzipSync(bytesOf(data), { level: GZIP_LEVEL });
  out[GZIP_OS_OFFSET] = osByte;
  return out;
}

/** zlib's default compression level, the one CloudWatch Logs' payloads are reproduced with. */
export const GZIP_LEVEL = 6;
/** RFC 1952 §2.3: ID1 ID2 CM FLG MTIME(4) XFL OS. */
const GZIP_OS_OFFSET = 9;

/** The bytes of a gzip stream, or undefined when it is not one (checkers report, never throw). */
export function gunzipOrUndefined(data: Buffer): Buffer | undefined {
  try {
    return zlib().gunzipSync(data);
  } catch {
    return undefined;
  }
}
