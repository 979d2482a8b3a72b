import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { firstInexactNumber } from '../../core/json-numbers.js';
import { json } from '../../core/option-shapes.js';
import { givenOnly, optionalString } from '../../core/raw-options.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { prepareSchemaGenerator } from '../../core/schema-payload.js';
import type { RawOptions, Source } from '../source.js';

/** A direct invocation's event is the payload itself: no envelope (FORMATS §7). */
export interface DirectOptions {
  /** Any JSON value, passed through as it is. */
  payload?: unknown;
  /** A JSON Schema the payload is generated from (local `$ref`s only). */
  schema?: unknown;
}

export const direct: Source<DirectOptions> = {
  name: 'direct',
  // The synchronous Invoke request limit (FORMATS §1.6); asynchronous invokes allow 1 MB.
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    payload: {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'The payload: any JSON value, passed through',
    },
    schema: {
      type: 'string',
      valueName: '<file|->',
      description: 'Generate the payload from a JSON Schema (seeded)',
    },
  },
  // A payload number past what a double holds is written as null with a warning (see prepare).
  libraryOptions: { payload: json({ nonFinite: true }), schema: json() },
  examples: [
    [`gen-event direct --payload '{"action":"refund","orderId":42}'`, 'exactly this payload'],
    ['gen-event invoke --schema order.schema.json --seed 1', 'a payload generated from a schema'],
    ['gen-event direct --seed 3 --compact', 'a realistic object on one line'],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<DirectOptions> {
    const payload = optionalString(raw, 'payload');
    const schema = optionalString(raw, 'schema');
    return givenOnly({
      payload: payload === undefined ? undefined : await args.readJson(payload, '--payload'),
      schema: schema === undefined ? undefined : await args.readJsonFromFile(schema, '--schema'),
    });
  },

  async prepare(options, run) {
    if (options.payload !== undefined && options.schema !== undefined) {
      throw new UsageError('--payload and --schema are both given', 'give a payload or a schema, not both');
    }
    if (options.payload !== undefined) {
      const text = JSON.stringify(options.payload);
      if (text === undefined) throw new UsageError('the payload is not a JSON value', 'give JSON');
      const inexact = firstInexactNumber(options.payload);
      if (inexact !== undefined && Number.isFinite(inexact)) {
        run.warn(
          `the payload has an integer past 2^53, written as ${inexact}: digits beyond 2^53 are lost (write it as a string to keep every digit)`,
        );
      } else if (inexact !== undefined) {
        run.warn(
          'the payload has a number beyond what JSON numbers hold here, written as null (write it as a string)',
        );
      }
      // A fresh copy per event, so edits to one event never leak into the next.
      return () => JSON.parse(text);
    }
    if (options.schema !== undefined) {
      const generate = await prepareSchemaGenerator(options.schema, '--schema');
      return (ctx) => generate(ctx.rng.uint32());
    }
    const words = await loadRealisticWords();
    return (ctx) => samplePayload(words, ctx.rng, ctx.time);
  },
};
