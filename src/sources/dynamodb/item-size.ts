import type { AttributeValue, Item } from './attribute-value.js';
import { significantDigits } from './attribute-value.js';

/**
 * DynamoDB's item size (FORMATS-events §5.4): each attribute counts its name's UTF-8 bytes plus its
 * value's size. Verified on every real capture for S, N, B and BOOL; the map, list and set overheads
 * follow the DynamoDB developer guide ("Item sizes and formats") and no capture covers them.
 */
export function itemSize(item: Readonly<Item>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

/** `SizeBytes` of a stream record: the sizes of `Keys` and of each image the record carries. */
export function streamRecordSize(
  keys: Readonly<Item>,
  newImage?: Readonly<Item>,
  oldImage?: Readonly<Item>,
): number {
  return itemSize(keys) + (newImage ? itemSize(newImage) : 0) + (oldImage ? itemSize(oldImage) : 0);
}

export function valueSize(value: AttributeValue): number {
  if ('S' in value) return Buffer.byteLength(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return base64Bytes(value.B);
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('SS' in value) return value.SS.reduce((sum, member) => sum + Buffer.byteLength(member), 0);
  if ('NS' in value) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if ('BS' in value) return value.BS.reduce((sum, member) => sum + base64Bytes(member), 0);
  // Maps and lists: 3 bytes of their own and 1 byte per member (§5.4).
  if ('M' in value) {
    let size = 3;
    for (const [name, member] of Object.entries(value.M))
      size += Buffer.byteLength(name) + valueSize(member) + 1;
    return size;
  }
  return value.L.reduce((sum, member) => sum + valueSize(member) + 1, 3);
}

/** One byte per two significant digits, plus one (§5.4). */
function numberSize(text: string): number {
  return Math.ceil(significantDigits(text) / 2) + 1;
}

function base64Bytes(text: string): number {
  return Buffer.byteLength(text, 'base64');
}
