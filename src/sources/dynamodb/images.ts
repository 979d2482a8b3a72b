import { UsageError } from '../../core/errors.js';
import { type AttributeValue, type Item, KEY_TYPES } from './attribute-value.js';

type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';
type ViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/**
 * Which images a record carries (FORMATS-events §5.2): the view type asks for them, and the write
 * must have them (an INSERT has no item before it, a REMOVE none after it).
 */
export function imagesShown(
  viewType: ViewType,
  eventName: EventName,
): { newImage: boolean; oldImage: boolean } {
  return {
    newImage: (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && eventName !== 'REMOVE',
    oldImage: (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && eventName !== 'INSERT',
  };
}

/** A write's images and the names of its key attributes. */
export interface ImagePlan {
  keys: readonly string[];
  newImage: Item | undefined;
  oldImage: Item | undefined;
}

// Key attribute values: partition keys up to 2048 bytes, sort keys up to 1024 (DynamoDB limits).
const KEY_BYTES = [2048, 1024];

/**
 * Checks the key attributes against the images: one or two names, present in every image, of type
 * S, N or B, not empty, the same in both images (a write changes one item). Default: the first
 * attribute of the image.
 */
export function planKeys(
  images: { newImage?: Item; oldImage?: Item },
  keys: readonly string[] | undefined,
): ImagePlan {
  const first = images.newImage ?? images.oldImage;
  const names = keys ?? Object.keys(first ?? {}).slice(0, 1);
  if (names.length === 0)
    throw new UsageError('the image has no attributes', 'give the item with its key attributes');
  if (names.length > 2 || names.some((name) => name.length === 0) || new Set(names).size !== names.length) {
    throw new UsageError(
      `--keys ${names.join(',')} is not a key`,
      'give a partition key and at most one sort key, e.g. --keys pk,sk',
    );
  }
  for (const [image, option] of [
    [images.newImage, '--new-image'],
    [images.oldImage, '--old-image'],
  ] as const) {
    if (!image) continue;
    names.forEach((name, i) => {
      const value = image[name];
      if (value === undefined)
        throw new UsageError(
          `${option} has no key attribute ${name}`,
          'give every key attribute in each image, or name others with --keys',
        );
      checkKeyValue(value, name, option, KEY_BYTES[i] as number);
    });
  }
  if (images.newImage && images.oldImage) {
    for (const name of names) {
      if (JSON.stringify(images.newImage[name]) !== JSON.stringify(images.oldImage[name])) {
        throw new UsageError(
          `the images differ in key attribute ${name}`,
          'a write changes one item: give both images the same key',
        );
      }
    }
  }
  return { keys: names, newImage: images.newImage, oldImage: images.oldImage };
}

function checkKeyValue(value: AttributeValue, name: string, option: string, maxBytes: number): void {
  const type = Object.keys(value)[0] as (typeof KEY_TYPES)[number];
  if (!KEY_TYPES.includes(type)) {
    throw new UsageError(
      `${option} key attribute ${name} is ${type}`,
      'key attributes are strings, numbers or binary: S, N or B',
    );
  }
  const text = (value as Record<string, string>)[type] as string;
  const bytes = type === 'B' ? Buffer.byteLength(text, 'base64') : Buffer.byteLength(text);
  if (bytes === 0)
    throw new UsageError(`${option} key attribute ${name} is empty`, 'a key value has at least one byte');
  if (bytes > maxBytes)
    throw new UsageError(
      `${option} key attribute ${name} is ${bytes} bytes`,
      `this key holds at most ${maxBytes} bytes`,
    );
}
