import { UsageError } from '../../core/errors.js';
import { setOwn } from '../../core/own-keys.js';
import type { SqsMessageAttribute } from './digests.js';

/** A message attribute as a library user describes it. */
export interface SqsAttributeInput {
  /** `String`, `Number` or `Binary`, optionally with a custom suffix such as `Number.float`. Default String. */
  dataType?: string;
  /** The text of a String or Number attribute, or the base64 of a Binary one. */
  value: string;
}

/** SQS allows at most 10 message attributes per message (FORMATS §1.6). */
export const MAX_ATTRIBUTES = 10;

const NAME_CHARS = /^[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.[\x21-\x7e]+)?$/;
export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Characters SQS accepts in a String value, as in a body (FORMATS §6.1). */
const STRING_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Parses `name=value`, `name:Number=42`, `name:Binary=<base64>`, `name:Number.float=9.5`. */
export function parseAttributeArg(arg: string): [string, SqsAttributeInput] {
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    throw new UsageError(
      `--attribute '${arg}' has no name=value`,
      "write --attribute 'name=value' or 'name:Number=42'",
    );
  }
  const left = arg.slice(0, eq);
  const colon = left.indexOf(':');
  const name = colon < 0 ? left : left.slice(0, colon);
  const dataType = colon < 0 ? 'String' : left.slice(colon + 1);
  return [name, { dataType, value: arg.slice(eq + 1) }];
}

/** Checks a name against the SQS rules (FORMATS §6.1), which SNS attribute names follow too. */
export function checkAttributeName(name: string, service = 'SQS'): void {
  const refuse = (why: string) => {
    throw new UsageError(
      `message attribute name '${name}' ${why}`,
      'use letters, digits, _ - and single inner dots',
    );
  };
  if (!NAME_CHARS.test(name))
    refuse(name.length > 256 ? 'is longer than 256 characters' : 'has a character SQS refuses');
  if (/^(aws|amazon)\./i.test(name)) refuse(`starts with 'AWS.' or 'Amazon.', which ${service} reserves`);
  if (name.startsWith('.') || name.endsWith('.')) refuse('starts or ends with a period');
  if (name.includes('..')) refuse('has two periods in a row');
}

/**
 * SQS numbers: up to 38 significant digits, between 10^-128 and 10^+126 (SQS developer guide,
 * message attribute data types). The value is
 * kept as typed; only what SQS would refuse is refused.
 */
function checkNumber(name: string, value: string): void {
  if (!NUMBER.test(value)) {
    throw new UsageError(
      `Number attribute '${name}' has the value '${value}'`,
      'give a decimal number such as 42 or 9.5',
    );
  }
  const [mantissa = '', exponent = '0'] = value.replace(/^[-+]/, '').split(/[eE]/);
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const first = digits.search(/[1-9]/);
  if (first < 0) return; // zero
  const significant = digits.slice(first).replace(/0+$/, '').length;
  const magnitude = whole.length - 1 - first + Number(exponent);
  const rule = 'SQS numbers have at most 38 significant digits and lie between 10^-128 and 10^+126';
  if (significant > 38) {
    throw new UsageError(`Number attribute '${name}' has ${significant} significant digits`, rule);
  }
  if (magnitude < -128 || magnitude > 125) {
    throw new UsageError(`Number attribute '${name}' is ${value}, outside what SQS holds`, rule);
  }
}

/** Builds the `messageAttributes` map of a record, in the order given. */
export function buildMessageAttributes(
  inputs: Readonly<Record<string, SqsAttributeInput>>,
): Record<string, SqsMessageAttribute> {
  const names = Object.keys(inputs);
  if (names.length > MAX_ATTRIBUTES) {
    throw new UsageError(
      `${names.length} message attributes given`,
      `SQS allows at most ${MAX_ATTRIBUTES}; drop some`,
    );
  }
  const out: Record<string, SqsMessageAttribute> = {};
  for (const name of names) {
    checkAttributeName(name);
    const { dataType = 'String', value } = inputs[name] as SqsAttributeInput;
    if (!DATA_TYPE.test(dataType) || dataType.length > 256) {
      throw new UsageError(
        `message attribute '${name}' has data type '${dataType}'`,
        'use String, Number or Binary, optionally with a suffix such as Number.float',
      );
    }
    if (value.length === 0) {
      throw new UsageError(
        `message attribute '${name}' is empty`,
        'SQS refuses empty attribute values; give a value',
      );
    }
    if (dataType.startsWith('Binary')) {
      if (!BASE64.test(value)) {
        throw new UsageError(
          `Binary attribute '${name}' is not base64`,
          'give the bytes base64-encoded, e.g. 3q2+7w==',
        );
      }
      setOwn(out, name, { binaryValue: value, stringListValues: [], binaryListValues: [], dataType });
      continue;
    }
    if (dataType.startsWith('Number')) checkNumber(name, value);
    else if (!STRING_CHARS.test(value)) {
      throw new UsageError(
        `String attribute '${name}' has a character SQS refuses`,
        'SQS takes tab, line breaks and printable Unicode, no other control characters',
      );
    }
    setOwn(out, name, { stringValue: value, stringListValues: [], binaryListValues: [], dataType });
  }
  return out;
}

/** A copy of a record's attribute map, so an edit to one event never reaches another. */
export function copyAttributes(
  attributes: Readonly<Record<string, SqsMessageAttribute>>,
): Record<string, SqsMessageAttribute> {
  const out: Record<string, SqsMessageAttribute> = {};
  for (const name of Object.keys(attributes)) {
    const attribute = attributes[name] as SqsMessageAttribute;
    setOwn(out, name, {
      ...attribute,
      stringListValues: [...attribute.stringListValues],
      binaryListValues: [...attribute.binaryListValues],
    });
  }
  return out;
}
