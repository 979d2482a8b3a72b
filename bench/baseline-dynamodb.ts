import { randomBytes } from 'node:crypto';
import { randomBetween, randomChars } from './baseline-random.js';

/**
 * What a person would write by hand for the DynamoDB Streams event `gen-event dynamodb --new-image …
 * --old-image … --keys … --records n` makes, with no library: the images marshalled to AttributeValues
 * by a small recursive function, `SizeBytes` by the item-size rule, sequence numbers increasing, the
 * same fields in the same order (FORMATS-events §5). The bench measures gen-event against this, e.g.
 * `handWrittenDynamoDbEvent(DDB_NEW_IMAGE, DDB_OLD_IMAGE, ['pk', 'sk'], 10)` against
 * `generateMany('dynamodb', …, { newImage: DDB_NEW_IMAGE, oldImage: DDB_OLD_IMAGE, keys: ['pk', 'sk'], records: 10 })`.
 */
type AttributeValue = Record<string, unknown>;

/** A MODIFY of an order item, as a fixture set would hold one. */
export const DDB_OLD_IMAGE = {
  pk: 'ORDER#ord_1k9x2m4q',
  sk: 'METADATA',
  status: 'paid',
  customerId: '3f6c2a1e-8b7d-4c5e-9a0f-100000000000',
  items: [
    { sku: 'KX82JD0Q', name: 'Ergonomic Steel Chair', quantity: 1, unitPrice: 129.99 },
    { sku: 'PL03MZ7A', name: 'Small Cotton Towels', quantity: 2, unitPrice: 14.5 },
  ],
  total: 158.99,
  giftWrap: false,
  note: null,
  version: 3,
};
export const DDB_NEW_IMAGE = { ...DDB_OLD_IMAGE, status: 'shipped', version: 4 };

function marshall(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  const M: Record<string, AttributeValue> = {};
  for (const [key, member] of Object.entries(value as object)) M[key] = marshall(member);
  return { M };
}

function marshallItem(item: object): Record<string, AttributeValue> {
  return (marshall(item) as { M: Record<string, AttributeValue> }).M;
}

function valueSize(value: AttributeValue): number {
  if ('S' in value) return Buffer.byteLength(value.S as string);
  if ('N' in value) {
    const digits = (value.N as string).replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
    return Math.ceil(digits.length / 2) + 1;
  }
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('L' in value)
    return (value.L as AttributeValue[]).reduce((sum, member) => sum + valueSize(member) + 1, 3);
  let size = 3;
  for (const [name, member] of Object.entries(value.M as Record<string, AttributeValue>))
    size += Buffer.byteLength(name) + valueSize(member) + 1;
  return size;
}

function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

export function handWrittenDynamoDbEvent(
  newImage: object,
  oldImage: object,
  keyNames: readonly string[],
  records: number,
): unknown {
  const Records = [];
  let sequence = BigInt(
    `${randomBetween(1, 9)}${randomChars('0123456789', 7)}00000000${randomChars('0123456789', 12)}`,
  );
  let created = Math.floor(Date.now() / 1000) - records;
  for (let i = 0; i < records; i++) {
    sequence += BigInt(randomBetween(1, 2 ** 20));
    created += randomBetween(0, 1);
    const NewImage = marshallItem(newImage);
    const OldImage = marshallItem(oldImage);
    const Keys: Record<string, AttributeValue> = {};
    for (const name of keyNames) Keys[name] = marshall((newImage as Record<string, unknown>)[name]);
    Records.push({
      eventID: randomBytes(16).toString('hex'),
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: created,
        Keys,
        NewImage,
        OldImage,
        SequenceNumber: sequence.toString(),
        SizeBytes: itemSize(Keys) + itemSize(NewImage) + itemSize(OldImage),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-02-22T03:03:25.490',
    });
  }
  return { Records };
}
