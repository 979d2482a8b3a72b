import { eachBlock } from './padding.js';

// MD5 (RFC 1321) in plain JavaScript, for the short inputs an event hashes: loading node:crypto costs
// a run more start-up time than hashing a few hundred bytes here (digest.ts chooses).

/** Per-round left rotations, four per round. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** floor(|sin(i + 1)| * 2^32), the RFC's table T. */
const SINES = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32));

const words = new Int32Array(16);
const state = new Int32Array(4);

function compress(block: Uint8Array, offset: number): void {
  for (let w = 0; w < 16; w++) {
    const at = offset + w * 4;
    words[w] =
      (block[at] as number) |
      ((block[at + 1] as number) << 8) |
      ((block[at + 2] as number) << 16) |
      ((block[at + 3] as number) << 24);
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  for (let i = 0; i < 64; i++) {
    let f: number;
    let g: number;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    const sum = (a + f + (SINES[i] as number) + (words[g] as number)) | 0;
    const shift = SHIFTS[(i >>> 4) * 4 + (i & 3)] as number;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
}

const HEX = '0123456789abcdef';

/** Lowercase hex MD5 of `bytes`. */
export function md5Hex(bytes: Uint8Array): string {
  state.set([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);
  eachBlock(bytes, true, compress);
  let out = '';
  // The digest is the four state words, each written low byte first.
  for (let i = 0; i < 16; i++) {
    const byte = ((state[i >>> 2] as number) >>> (8 * (i & 3))) & 0xff;
    out += (HEX[byte >>> 4] as string) + (HEX[byte & 15] as string);
  }
  return out;
}
