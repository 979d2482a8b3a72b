/**
 * A number JavaScript cannot hold exactly (an integer past 2^53, or one past the largest double), the
 * first one found in a parsed JSON value: JSON.parse has already rounded it, so the user is told.
 */
export function firstInexactNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))
      ? value
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const item of Object.values(value)) {
    const found = firstInexactNumber(item);
    if (found !== undefined) return found;
  }
  return undefined;
}
