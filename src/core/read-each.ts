/**
 * Reads a repeatable option's values one after another, so standard input is taken and errors are
 * reported in the order the values were given.
 */
export async function readEach<T>(
  values: readonly string[],
  read: (value: string) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (const value of values) out.push(await read(value));
  return out;
}
