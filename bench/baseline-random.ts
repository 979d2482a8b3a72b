/**
 * Randomness for the hand-written baselines: what a person writes when nothing needs to be
 * reproducible. gen-event itself never uses Math.random (its events come from the seeded Random).
 */
export function randomBelow(n: number): number {
  return Math.floor(Math.random() * n);
}

export function randomBetween(min: number, max: number): number {
  return min + randomBelow(max - min + 1);
}

export function pick<T>(items: readonly T[]): T {
  return items[randomBelow(items.length)] as T;
}

export function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomBelow(alphabet.length)];
  return out;
}
