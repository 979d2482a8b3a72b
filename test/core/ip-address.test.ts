import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipVersion } from '../../src/core/ip-address.js';

// Node's own net.isIP is the reference: gen-event's check must accept and refuse exactly what it does.
const PIECES = [
  ...['', ':', '::', '.', '%', '%eth0', '%1', '%a%b', '%-.:'],
  ...['0', '1', '00', '01', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '300'],
  ...['a', 'ab', 'abc', 'ffff', 'FFFF', '0000', '12345', 'g', 'fe80'],
  ...['1.2.3.4', '0.0.0.0', '255.255.255.255', '1.2.3', '01.2.3.4'],
];

describe('ipVersion agrees with net.isIP', () => {
  it.each([
    ['203.0.113.9', 4],
    ['0.0.0.0', 4],
    ['255.255.255.255', 4],
    ['256.1.1.1', 0],
    ['01.2.3.4', 0],
    ['1.2.3', 0],
    ['1:2:3:4:5:6:7:8', 6],
    ['1:2:3:4:5:6:7::', 6],
    ['::1:2:3:4:5:6:7', 6],
    ['1:2:3:4:5:6:7:8::', 0],
    ['1::2::3', 0],
    ['::', 6],
    ['::ffff:198.51.100.7', 6],
    ['1:2:3:4:5:6:1.2.3.4', 6],
    ['1:2:3:4:5:6::1.2.3.4', 0],
    ['1.2.3.4::', 0],
    ['fe80::1%eth0', 6],
    ['fe80::1%', 0],
    ['2001:db8::g', 0],
  ] as const)('%s is %i', (text, version) => {
    expect(isIP(text)).toBe(version);
    expect(ipVersion(text)).toBe(version);
  });

  it('on texts joined from address pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(ipVersion(text)).toBe(isIP(text));
      }),
      { numRuns: 50_000, seed: 14 },
    );
  });

  it('on arbitrary short texts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg.:%z'), maxLength: 20 }),
        (text) => {
          expect(ipVersion(text)).toBe(isIP(text));
        },
      ),
      { numRuns: 50_000, seed: 15 },
    );
  });
});
