import { UsageError } from '../../core/errors.js';
import { setOwn } from '../../core/own-keys.js';
import { BASE64, checkAttributeName, NUMBER, parseAttributeArg } from '../sqs/attributes.js';

/** A message attribute as SNS delivers it (FORMATS-events §2.1). */
export interface SnsMessageAttribute {
  Type: string;
  Value: string;
}

/** A message attribute as a library user describes it; a plain string is a String attribute. */
export interface SnsAttributeInput {
  /** `String` (default), `Number`, `Binary` (value in base64) or `String.Array` (value a JSON array). */
  type?: 'String' | 'Number' | 'Binary' | 'String.Array';
  value: string;
}

/** SNS allows at most 10 message attributes per message. */
const MAX_ATTRIBUTES = 10;
const TYPES = ['String', 'Number', 'Binary', 'String.Array'];

/** `--attribute` arguments (`name=text`, `name:Number=42`, `name:String.Array=["a","b"]`) as inputs by name. */
export function snsAttributeArgs(args: readonly string[]): Record<string, SnsAttributeInput> {
  const out: Record<string, SnsAttributeInput> = {};
  for (const [name, { dataType, value }] of args.map(parseAttributeArg)) {
    if (Object.hasOwn(out, name))
      throw new UsageError(`--attribute ${name} is given twice`, 'give each name once');
    setOwn(out, name, { type: checkedType(name, dataType ?? 'String'), value });
  }
  return out;
}

/** The SNS data type of an attribute, as given, or a refusal naming the ones SNS has. */
function checkedType(name: string, type: string): NonNullable<SnsAttributeInput['type']> {
  if (!(TYPES as readonly string[]).includes(type)) {
    throw new UsageError(
      `message attribute '${name}' has type '${type}'`,
      'use String, Number, Binary or String.Array',
    );
  }
  return type as NonNullable<SnsAttributeInput['type']>;
}

/** Checks the attributes by SNS's rules and builds the `MessageAttributes` map, in the order given. */
export function buildSnsAttributes(
  inputs: Readonly<Record<string, SnsAttributeInput | string>>,
): Record<string, SnsMessageAttribute> {
  const names = Object.keys(inputs);
  if (names.length > MAX_ATTRIBUTES) {
    throw new UsageError(
      `${names.length} message attributes given`,
      `SNS allows at most ${MAX_ATTRIBUTES}; drop some`,
    );
  }
  const out: Record<string, SnsMessageAttribute> = {};
  for (const name of names) {
    checkAttributeName(name, 'SNS');
    const input = inputs[name] as SnsAttributeInput | string;
    const { type: given = 'String', value } = typeof input === 'string' ? { value: input } : input;
    const type = checkedType(name, given);
    if (value.length === 0) {
      throw new UsageError(
        `message attribute '${name}' is empty`,
        'SNS refuses empty attribute values; give a value',
      );
    }
    if (type === 'Binary' && !BASE64.test(value)) {
      throw new UsageError(
        `Binary attribute '${name}' is not base64`,
        'give the bytes base64-encoded, e.g. AgME',
      );
    }
    if (type === 'Number' && !NUMBER.test(value)) {
      throw new UsageError(
        `Number attribute '${name}' has the value '${value}'`,
        'give a decimal number such as 42 or 9.5',
      );
    }
    if (type === 'String.Array' && !isJsonArray(value)) {
      throw new UsageError(`String.Array attribute '${name}' is not a JSON array`, `write it as '["a","b"]'`);
    }
    // A String.Array value is delivered as the array's JSON text (FORMATS-events §2.1).
    setOwn(out, name, { Type: type, Value: value });
  }
  return out;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
