import { InputError, UsageError } from './errors.js';
import { isPlainObject } from './template.js';

/** How deep a recursive schema is followed before it is cut off, so circular schemas stay bounded. */
const MAX_DEPTH = 6;

export type SchemaGenerator = (seed: number) => unknown;

/**
 * Prepares payload generation from a JSON Schema with json-schema-faker (imported only when a schema
 * is used). Only local `$ref`s (`#/...`) are allowed: a schema never makes gen-event reach the
 * network or read another file.
 */
export async function prepareSchemaGenerator(schema: unknown, origin: string): Promise<SchemaGenerator> {
  if (!isPlainObject(schema) && typeof schema !== 'boolean') {
    throw new InputError(
      `${origin} is not a JSON Schema object`,
      'give a schema such as {"type":"object",...}',
    );
  }
  checkReferences(schema, origin);
  const { generateSync } = await import('json-schema-faker');
  const generate = (seed: number) => {
    try {
      return generateSync(schema as Parameters<typeof generateSync>[0], {
        seed,
        maxDepth: MAX_DEPTH,
        refDepthMax: MAX_DEPTH,
        alwaysFakeOptionals: false,
      });
    } catch (error) {
      throw new InputError(`${origin} cannot be used: ${(error as Error).message}`, 'fix the schema');
    }
  };
  generate(1); // fail now, before anything is written, if the schema cannot produce a value
  return generate;
}

function checkReferences(node: unknown, origin: string): void {
  if (Array.isArray(node)) {
    for (const item of node) checkReferences(item, origin);
    return;
  }
  if (!isPlainObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && !value.startsWith('#')) {
      throw new UsageError(
        `${origin} has a $ref to '${value}', outside the schema`,
        'gen-event never fetches schemas; inline it under $defs and use "#/$defs/..."',
      );
    }
    checkReferences(value, origin);
  }
}
