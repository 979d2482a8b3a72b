import { sha256Digest } from './digest.js';

const HEX = '0123456789abcdef';
/** The hex digits' char codes, looked up by value. */
const HEX_CODES: readonly number[] = Array.from(HEX, (c) => c.charCodeAt(0));
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/**
 * Scratch bytes for `chars`, reused: at most this many characters are turned into a string at once,
 * read back as Latin-1 in one call (quicker than String.fromCharCode over a list of codes).
 */
const SCRATCH = Buffer.alloc(1024);
/** A UUID's characters, the dashes and the version digit fixed, rewritten in place for each one. */
const UUID_BYTES = Buffer.from('00000000-0000-4000-0000-000000000000', 'latin1');
/**
 * Where each of a UUID's first 32 draws goes in `xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx`, in the order
 * drawn: -1 for the version digit's draw and for the variant digit's, which is written last (see uuid).
 */
const UUID_PLACES = Int8Array.from([
  ...[0, 1, 2, 3, 4, 5, 6, 7],
  ...[9, 10, 11, 12],
  -1,
  ...[15, 16, 17],
  -1,
  ...[20, 21, 22],
  ...[24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35],
]);
/** Below this length V8 joins strings into a flat copy at once (ConsString::kMinLength). */
const FLAT_JOIN_LIMIT = 13;

/** Buffer's own `latin1Slice`: there since Node's first releases, not documented. */
interface Latin1Slicing {
  latin1Slice(start: number, end: number): string;
}
const HAS_LATIN1_SLICE = typeof (Buffer.prototype as Partial<Latin1Slicing>).latin1Slice === 'function';

/**
 * The first `length` bytes as Latin-1 text. `latin1Slice` called as a method skips the argument
 * handling of `toString`, a third of the cost of an id; `toString` is the fallback should it go.
 */
function latin1(bytes: Buffer, length: number): string {
  return HAS_LATIN1_SLICE
    ? (bytes as unknown as Latin1Slicing).latin1Slice(0, length)
    : bytes.toString('latin1', 0, length);
}

/**
 * A small seeded generator (sfc32). Every random value in an event comes from one of these, so the
 * same seed gives the same bytes on any machine: no Math.random, no platform-dependent source.
 */
/** Four 32-bit words that seed a family of independent streams. */
export type StreamKey = readonly [number, number, number, number];

/** MurmurHash3's 32-bit finaliser: every input bit moves every output bit. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class Random {
  // Declared only (no emitted field): a class field starts as undefined, and a field V8 first saw
  // holding undefined keeps every later integer boxed, which made each draw about four times slower.
  // Each is stored as a signed 32-bit integer (`| 0`), so all four stay small integers.
  declare private a: number;
  declare private b: number;
  declare private c: number;
  declare private d: number;

  // Four numbers, not a list: one is made per event, and the list would be garbage at once.
  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A generator whose state is the SHA-256 of the given parts, joined unambiguously. */
  static fromParts(...parts: readonly (string | number)[]): Random {
    const [a, b, c, d] = Random.keyOf(...parts);
    return new Random(a, b, c, d);
  }

  /** The key of a family of streams (the events of one run): the SHA-256 of the parts, computed once. */
  static keyOf(...parts: readonly (string | number)[]): StreamKey {
    const digest = new DataView(sha256Digest(JSON.stringify(parts)).buffer);
    return [
      digest.getUint32(0, true),
      digest.getUint32(4, true),
      digest.getUint32(8, true),
      digest.getUint32(12, true),
    ];
  }

  /**
   * Stream `index` of a family: the key mixed with the index by an integer finaliser and sfc32's own
   * warm-up, so neighbouring indexes give unrelated streams without a hash per event.
   */
  static forIndex(key: StreamKey, index: number): Random {
    return new Random(
      key[0] ^ mix32(index),
      key[1] ^ mix32(index ^ 0x9e3779b9),
      key[2] ^ mix32(index + 0x632be5ab),
      (key[3] + index) | 0,
    );
  }

  /**
   * 32 hex digits for a run without --seed. Math.random is seeded by V8 from the system's entropy in
   * each process, which is all an unseeded test event needs, and it spares the run loading node:crypto.
   */
  static unseededHex(): string {
    let out = '';
    for (let i = 0; i < 4; i++)
      out += Math.floor(Math.random() * 2 ** 32)
        .toString(16)
        .padStart(8, '0');
    return out;
  }

  // sfc32's step; uuid runs the same step on local copies of the four words.
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /**
   * `length` characters drawn from `alphabet`, one draw each. A short text is joined a character at a
   * time (V8 keeps joins under 13 characters flat); a longer one is written into a scratch buffer and
   * read back in one step, since a string grown a character at a time is a chain of pieces
   * JSON.stringify must flatten again for every event. That needs an ASCII alphabet, as every id's is.
   */
  chars(alphabet: string, length: number): string {
    if (length < FLAT_JOIN_LIMIT) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[this.uint32() % alphabet.length];
      return out;
    }
    let out = '';
    for (let start = 0; start < length; start += SCRATCH.length) {
      const count = Math.min(SCRATCH.length, length - start);
      for (let i = 0; i < count; i++) {
        const code = alphabet.charCodeAt(this.uint32() % alphabet.length);
        if (code > 0x7f) throw new RangeError('chars draws from ASCII alphabets only');
        SCRATCH[i] = code;
      }
      out += latin1(SCRATCH, count);
    }
    return out;
  }

  hex(length: number): string {
    return this.chars(HEX, length);
  }

  lowerAlnum(length: number): string {
    return this.chars(LOWER_ALNUM, length);
  }

  digits(length: number): string {
    return this.chars('0123456789', length);
  }

  /** The number `digits(length)` spells, drawn the same way: for text written out only when needed. */
  digitsValue(length: number): number {
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 10 + (this.uint32() % 10);
    return value;
  }

  bytes(length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) out[i] = this.uint32() & 0xff;
    return out;
  }

  /**
   * A lowercase RFC 4122 version 4 UUID: 32 hex digits drawn in order, the 13th and 17th replaced by
   * the version and the variant (drawn last), written as char codes into a fixed layout.
   */
  uuid(): string {
    const bytes = UUID_BYTES;
    // uint32's draws with its step written out on locals: a call per digit loads and stores the four
    // words every time, a fifth of the cost of a UUID.
    let { a, b, c, d } = this;
    for (let i = 0; i < UUID_PLACES.length; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const place = UUID_PLACES[i] as number;
      // The low four bits: the same digit as `uint32() % 16`.
      if (place >= 0) bytes[place] = HEX_CODES[t & 15] as number;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    bytes[19] = HEX_CODES[8 + (this.uint32() & 3)] as number;
    return latin1(bytes, 36);
  }

  base64Chars(length: number): string {
    return this.chars(BASE64, length);
  }
}
