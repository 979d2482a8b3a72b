import { UsageError } from '../../core/errors.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeType,
  type AttributeValue,
  attributeValueIssue,
  canonicalNumber,
  type Item,
  memberPath,
  numberIssue,
  type SetType,
  withCanonicalNumbers,
} from './attribute-value.js';

/**
 * Plain JSON to DynamoDB AttributeValues, as the DynamoDB document clients marshall an item
 * (FORMATS-events §5.3): text is `S`, a number `N` (its decimal text), true/false `BOOL`, null `NULL`,
 * an array `L`, an object `M`. JSON has no binary and no sets, so two ways reach them:
 *
 * - `setTypes` names top-level attributes whose array is a set: `SS`, `NS` (numbers, or numbers as
 *   text) or `BS` (base64 strings);
 * - the typed form, anywhere in the item: an object with the single key `$` + a type name holds that
 *   AttributeValue as DynamoDB JSON writes it, e.g. `{"$B":"iVBORw0K"}`, `{"$SS":["a","b"]}`,
 *   `{"$N":"12345678901234567890.5"}` (every digit kept), `{"$M":{"S":{"S":"x"}}}`.
 */
/** An item is an object of attributes; `what` names where it came from (`--new-image`, `newImage`). */
export function checkItemObject(plain: unknown, what: string): asserts plain is Record<string, unknown> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new UsageError(
      `${what} is not a JSON object`,
      'give the item as an object of attributes, e.g. {"id":"42"}',
    );
  }
}

export function marshallItem(
  plain: unknown,
  what: string,
  setTypes: Readonly<Record<string, SetType>> = {},
): Item {
  checkItemObject(plain, what);
  const item: Item = {};
  for (const [name, value] of Object.entries(plain)) {
    if (name.length === 0)
      throw new UsageError(`${what} has an empty attribute name`, 'name every attribute');
    const setType = setTypes[name];
    item[name] =
      setType === undefined ? marshallValue(value, name, what) : marshallSet(value, setType, name, what);
  }
  return item;
}

/** One JSON value as an AttributeValue; `path` names it in messages. */
export function marshallValue(value: unknown, path: string, what: string): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: numberText(value, path, what) };
  if (Array.isArray(value))
    return { L: value.map((member, i) => marshallValue(member, `${path}[${i}]`, what)) };
  if (typeof value === 'object') {
    const typed = typedForm(value as Record<string, unknown>);
    if (typed !== undefined) return checked(typed, path, what);
    const members: Item = {};
    for (const [name, member] of Object.entries(value)) {
      members[name] = marshallValue(member, `${path}${memberPath(name)}`, what);
    }
    return { M: members };
  }
  throw new UsageError(`${what} ${path} is not a JSON value`, 'give JSON');
}

/** `{"$SS": [...]}` and the other typed forms, as the AttributeValue they stand for. */
function typedForm(value: Record<string, unknown>): AttributeValue | undefined {
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !key.startsWith('$')) return undefined;
  const type = key.slice(1) as AttributeType;
  if (!ATTRIBUTE_TYPES.includes(type)) return undefined;
  return { [type]: value[key] } as AttributeValue;
}

/** An array given for a `--set-type` attribute, as that set. */
function marshallSet(value: unknown, type: SetType, name: string, what: string): AttributeValue {
  if (!Array.isArray(value)) {
    throw new UsageError(
      `${what} ${name} is not an array, but --set-type makes it ${type}`,
      'give the set as a JSON array',
    );
  }
  const members =
    type === 'NS'
      ? value.map((member, i) =>
          typeof member === 'number' ? numberText(member, `${name}[${i}]`, what) : member,
        )
      : value;
  return checked({ [type]: members } as AttributeValue, name, what);
}

/** A typed value, refused with the first problem found in it, its numbers as DynamoDB returns them. */
function checked(value: AttributeValue, path: string, what: string): AttributeValue {
  const issue = attributeValueIssue(value, path);
  if (issue) {
    throw new UsageError(
      `${what} ${issue.path}: ${issue.message}`,
      'fix the item; see "DynamoDB items" in the README',
    );
  }
  return withCanonicalNumbers(value);
}

/** A JSON number as DynamoDB's decimal text; one JavaScript cannot hold is refused rather than rounded. */
function numberText(value: number, path: string, what: string): string {
  if (!Number.isFinite(value)) {
    throw new UsageError(
      `${what} ${path} is a number beyond what JSON numbers hold here`,
      'write it typed, e.g. {"$N":"1E+300"}',
    );
  }
  const text = String(value);
  const issue = numberIssue(text);
  if (issue) throw new UsageError(`${what} ${path}: ${issue}`, 'give a number DynamoDB can store');
  return canonicalNumber(text);
}
