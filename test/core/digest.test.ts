import { hash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../src/core/digest/md5.js';
import { sha256 } from '../../src/core/digest/sha256.js';
import { md5, sha256Hex } from '../../src/core/digest.js';

// Lengths around the padding edges: 55/56 bytes need one or two tail blocks, 64 is one whole block.
const EDGE_LENGTHS = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 4095, 4096, 5000];

function bytesOf(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
}

describe('the JavaScript digests agree with node:crypto', () => {
  it.each(EDGE_LENGTHS)('MD5 and SHA-256 of %i bytes', (length) => {
    const bytes = bytesOf(length);
    expect(md5Hex(bytes)).toBe(hash('md5', bytes, 'hex'));
    expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(hash('sha256', bytes, 'hex'));
    expect(md5(bytes)).toBe(hash('md5', bytes, 'hex'));
    expect(sha256Hex(bytes)).toBe(hash('sha256', bytes, 'hex'));
  });

  it('on any text, hashed as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(md5(text)).toBe(hash('md5', text, 'hex'));
        expect(sha256Hex(text)).toBe(hash('sha256', text, 'hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the known values of the RFC 1321 and FIPS 180-2 test suites', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
