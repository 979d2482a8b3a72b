import type { Source } from '../sources/source.js';
import { commonLibraryOptions } from './common-options.js';
import { UsageError } from './errors.js';
import { describeValue, readFields, type Shape } from './option-shapes.js';

/**
 * Checks a run's options against the source's table and the common one, before any work: the
 * library's callers may not have TypeScript, and the CLI's options (from argv or a recipe) pass the
 * same check. Returns the options as given.
 */
export function checkLibraryOptions<Options>(source: Source<Options>, options: unknown): Options {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(
      `the options of ${source.name} are ${describeValue(options)}`,
      'give an object such as { seed: 1 }',
    );
  }
  const table: Record<string, Shape<unknown>> = { ...source.libraryOptions, ...commonLibraryOptions };
  readFields(table, options as Record<string, unknown>, (key) => key, `for ${source.name}`);
  return options as Options;
}
