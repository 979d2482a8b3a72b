import { InputError, UsageError } from './errors.js';
import { Random } from './random.js';
import { checkSchemaBounds } from './schema-bounds.js';
import { isPlainObject } from './template.js';

/** How deep a recursive schema is followed before it is cut off, so circular schemas stay bounded. */
const MAX_DEPTH = 6;
/** Fresh attempts at a value that satisfies the schema before the schema is called unsatisfiable. */
const ATTEMPTS = 12;

export type SchemaGenerator = (seed: number) => unknown;

type Validator = ((value: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

/**
 * Prepares payload generation from a JSON Schema with json-schema-faker; both it and the validator
 * (ajv) are imported only when a schema is used. Only local `$ref`s (`#/...`) are allowed: a schema
 * never makes gen-event reach the network or read another file. json-schema-faker does not notice a
 * schema that no value can satisfy (it returns a value that breaks it), so every value is validated,
 * and a schema none of several attempts satisfies is refused.
 */
export async function prepareSchemaGenerator(schema: unknown, origin: string): Promise<SchemaGenerator> {
  if (!isPlainObject(schema) && typeof schema !== 'boolean') {
    throw new InputError(
      `${origin} is not a JSON Schema object`,
      'give a schema such as {"type":"object",...}',
    );
  }
  checkReferences(schema, origin);
  checkPropertyNames(schema, origin);
  checkSchemaBounds(schema, origin);
  const [{ generateSync }, validate] = await Promise.all([
    import('json-schema-faker'),
    compileValidator(schema, origin),
  ]);
  const attempt = (seed: number) => {
    try {
      return generateSync(schema as Parameters<typeof generateSync>[0], {
        seed,
        maxDepth: MAX_DEPTH,
        refDepthMax: MAX_DEPTH,
      });
    } catch (error) {
      throw new InputError(`${origin} cannot be used: ${(error as Error).message}`, 'fix the schema');
    }
  };
  const generate = (seed: number) => {
    const seeds = Random.fromParts('schema', seed);
    let candidate: unknown;
    for (let i = 0; i < ATTEMPTS; i++) {
      candidate = attempt(i === 0 ? seed : seeds.uint32());
      if (validate(candidate)) return candidate;
    }
    const error = validate.errors?.[0];
    throw new InputError(
      `${origin} cannot be satisfied: no generated value passes it (${error?.instancePath || '/'} ${error?.message ?? 'is invalid'})`,
      'check the schema for contradictions such as minimum > maximum',
    );
  };
  generate(1); // fail now, before anything is written, if the schema cannot produce a value
  return generate;
}

/** Compiles the schema with the ajv dialect its `$schema` names (2020-12 when it names none). */
async function compileValidator(schema: unknown, origin: string): Promise<Validator> {
  const dialect = isPlainObject(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { strict: false, validateFormats: false, allErrors: false } as const;
  let module: unknown;
  if (dialect === '' || dialect.includes('2020-12')) module = await import('ajv/dist/2020.js');
  else if (dialect.includes('2019-09')) module = await import('ajv/dist/2019.js');
  else if (/draft-0[67]/.test(dialect)) module = await import('ajv');
  else
    throw new InputError(
      `${origin} uses the dialect ${dialect}`,
      'use JSON Schema draft-07, 2019-09 or 2020-12',
    );
  const ajv = new (
    commonJsDefault(module) as new (
      o: typeof options,
    ) => { compile(schema: unknown): Validator }
  )(options);
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new InputError(
      `${origin} is not a valid JSON Schema: ${(error as Error).message}`,
      'fix the schema',
    );
  }
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

/** ajv is CommonJS: its class is the default export, or that export's own `default` once bundled. */
function commonJsDefault(module: unknown): unknown {
  const exported = (module as { default: { default?: unknown } }).default;
  return exported.default ?? exported;
}

/**
 * json-schema-faker sets generated properties by assignment, so a property named `__proto__` would
 * silently never appear: such a schema is refused rather than giving payloads without it.
 */
function checkPropertyNames(schema: unknown, origin: string): void {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isPlainObject(node)) continue;
    const { properties, required } = node;
    const named =
      (isPlainObject(properties) && Object.hasOwn(properties, '__proto__')) ||
      (Array.isArray(required) && required.includes('__proto__'));
    if (named) {
      throw new UsageError(
        `${origin} has a property named '__proto__', which generated values cannot hold`,
        'rename the property, or give the value itself with --payload',
      );
    }
    for (const value of Object.values(node)) stack.push(value);
  }
}
