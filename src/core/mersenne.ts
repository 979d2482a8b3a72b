import type { Randomizer } from '@faker-js/faker';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/**
 * The Mersenne Twister (MT19937) that faker uses by default, with the same output for the same seed
 * (test/core/mersenne.test.ts compares it with faker's own), kept in an Int32Array. gen-event seeds
 * faker once per event, and faker's own seeding, on a plain array with all 624 words regenerated at
 * once, was a third of the time of a realistic-body run; this one is many times faster, same bytes.
 */
export class MersenneRandomizer implements Randomizer {
  private readonly state = new Int32Array(N);
  private index = 0;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  // Arrow functions: faker calls `next` detached from its object.

  /** Seeds as MT19937's `init_genrand` (a number) or `init_by_array` (a list of numbers). */
  readonly seed = (seed: number | number[]): void => {
    if (Array.isArray(seed)) this.seedByArray(seed);
    else this.seedByNumber(seed);
    this.index = 0;
  };

  /** A float in [0, 1) from 53 random bits, as faker's default randomizer gives. */
  readonly next = (): number => {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * 1.1102230246251565e-16; // 2^-53
  };

  private seedByNumber(seed: number): void {
    const state = this.state;
    let previous = seed | 0;
    state[0] = previous;
    for (let i = 1; i < N; i++) {
      previous = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) | 0;
      state[i] = previous;
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

  /**
   * MT19937 regenerates all 624 words before the first output of each round; each new word depends
   * only on words before it and on old words after it, so regenerating word i just before it is
   * output gives the same numbers. A run that reseeds per event draws far fewer than 624 words, and
   * this way never pays for the rest.
   */
  private nextUint32(): number {
    const state = this.state;
    const i = this.index;
    const mixed = ((state[i] as number) & UPPER) | ((state[i + 1 < N ? i + 1 : 0] as number) & LOWER);
    let y = (state[i < N - M ? i + M : i + M - N] as number) ^ (mixed >>> 1) ^ (-(mixed & 1) & MATRIX_A);
    state[i] = y;
    this.index = i + 1 < N ? i + 1 : 0;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
