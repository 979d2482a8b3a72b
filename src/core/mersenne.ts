import type { Randomizer } from '@faker-js/faker';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/**
 * The Mersenne Twister (MT19937) that faker uses by default, with the same output for the same seed
 * (test/core/mersenne.test.ts compares it with faker's own), kept in an Int32Array. gen-event seeds
 * faker once per event, and faker's own seeding, on a plain array, was a third of the time of a
 * realistic-body run; this one is several times faster and changes no byte.
 */
export class MersenneRandomizer implements Randomizer {
  private readonly state = new Int32Array(N);
  private index = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  // Arrow functions: faker calls `next` detached from its object.

  /** Seeds as MT19937's `init_genrand` (a number) or `init_by_array` (a list of numbers). */
  readonly seed = (seed: number | number[]): void => {
    if (Array.isArray(seed)) this.seedByArray(seed);
    else this.seedByNumber(seed);
    this.twist();
  };

  /** A float in [0, 1) from 53 random bits, as faker's default randomizer gives. */
  readonly next = (): number => {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * 1.1102230246251565e-16; // 2^-53
  };

  private seedByNumber(seed: number): void {
    const state = this.state;
    state[0] = seed;
    for (let i = 1; i < N; i++) {
      const previous = state[i - 1] as number;
      state[i] = Math.imul(1812433253, previous ^ (previous >>> 30)) + i;
    }
  }

  private seedByArray(key: readonly number[]): void {
    const state = this.state;
    this.seedByNumber(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const previous = state[i - 1] as number;
      state[i] =
        ((state[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1664525)) + (key[j] as number) + j;
      i++;
      j++;
      if (i >= N) {
        state[0] = state[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = state[i - 1] as number;
      state[i] = ((state[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        state[0] = state[N - 1] as number;
        i = 1;
      }
    }
    state[0] = UPPER;
  }

  private twist(): void {
    const state = this.state;
    for (let i = 0; i < N; i++) {
      const y = ((state[i] as number) & UPPER) | ((state[(i + 1) % N] as number) & LOWER);
      state[i] = (state[(i + M) % N] as number) ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    this.index = 0;
  }

  private nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
