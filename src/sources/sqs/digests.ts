import { md5, sha256Hex } from '../../core/digest.js';

/** A message attribute as it appears in a Lambda SQS record. */
export interface SqsMessageAttribute {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

/** `md5OfBody`: lowercase hex MD5 of the body's UTF-8 bytes (FORMATS §6.1). */
export function md5OfBody(body: string): string {
  return md5(body);
}

function lengthPrefixed(bytes: Buffer): Buffer[] {
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(bytes.length, 0);
  return [length, bytes];
}

const STRING_TRANSPORT = Buffer.from([1]);
const BINARY_TRANSPORT = Buffer.from([2]);

/**
 * `md5OfMessageAttributes` (FORMATS §6.3): names sorted by byte order; for each, the length-prefixed
 * name, the length-prefixed full data type (custom suffix included), a transport byte (1 String and
 * Number, 2 Binary) and the length-prefixed value (Binary: the decoded bytes). Undefined when there
 * are no attributes, because the key is then absent from the record.
 */
export function md5OfMessageAttributes(
  attributes: Readonly<Record<string, SqsMessageAttribute>>,
): string | undefined {
  const names = Object.keys(attributes).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (names.length === 0) return undefined;
  const digested: Buffer[] = [];
  for (const name of names) {
    const attribute = attributes[name] as SqsMessageAttribute;
    const parts = [
      ...lengthPrefixed(Buffer.from(name, 'utf8')),
      ...lengthPrefixed(Buffer.from(attribute.dataType, 'utf8')),
    ];
    if (attribute.dataType.startsWith('Binary')) {
      parts.push(BINARY_TRANSPORT, ...lengthPrefixed(Buffer.from(attribute.binaryValue ?? '', 'base64')));
    } else {
      parts.push(STRING_TRANSPORT, ...lengthPrefixed(Buffer.from(attribute.stringValue ?? '', 'utf8')));
    }
    digested.push(...parts);
  }
  return md5(Buffer.concat(digested));
}

/** Content-based deduplication id: SHA-256 hex of the body (FORMATS §6.2). */
export function contentDeduplicationId(body: string): string {
  return sha256Hex(body);
}
