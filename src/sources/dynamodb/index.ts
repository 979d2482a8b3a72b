import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { firstInexactNumber } from '../../core/json-numbers.js';
import { choice, flag, integer, json, list, record, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  splitPair,
} from '../../core/raw-options.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import type { Item, SetType } from './attribute-value.js';
import { type ImagePlan, imagesShown, planKeys } from './images.js';
import { itemSize, streamRecordSize } from './item-size.js';
import { checkItemObject, marshallItem } from './marshall.js';
import { previousVersion, SAMPLE_KEYS, sampleItem } from './sample-items.js';
import { parseTable, streamLabel, streamSequenceNumbers, type TableIdentity } from './stream.js';

export type { AttributeValue, Item, SetType } from './attribute-value.js';

export type DynamoDbEventName = 'INSERT' | 'MODIFY' | 'REMOVE';
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** What a DynamoDB Streams event is made of; every field is optional and has a realistic default. */
export interface DynamoDbOptions {
  /** Default: MODIFY when both images are given, REMOVE for an old image alone or `ttl`, else INSERT. */
  eventName?: DynamoDbEventName;
  /** The item after the write, as plain JSON (typed values as `{"$B": "…"}`, `{"$SS": […]}`…). */
  newImage?: Readonly<Record<string, unknown>>;
  /** The item before the write, as plain JSON. */
  oldImage?: Readonly<Record<string, unknown>>;
  /** The key attributes (partition, then sort key). Default: the image's first attribute. */
  keys?: readonly string[];
  /** Top-level attributes whose JSON array is a set: `{ tags: 'SS' }`. */
  setTypes?: Readonly<Record<string, SetType>>;
  /** Which images the stream shows. Default NEW_AND_OLD_IMAGES. */
  viewType?: StreamViewType;
  /** A delete by Time to Live: REMOVE, with the DynamoDB service as `userIdentity`. */
  ttl?: boolean;
  /** Table name, table ARN, or stream ARN (which fixes the stream label). */
  table?: string;
  /** Number of records. Default 1. At most 10,000, the event source mapping's largest batch. */
  records?: number;
}

const EVENT_NAMES: readonly DynamoDbEventName[] = ['INSERT', 'MODIFY', 'REMOVE'];
const VIEW_TYPES: readonly StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];
const SET_TYPES: readonly SetType[] = ['SS', 'NS', 'BS'];
/** Event source mapping batch size limit (FORMATS-events §5.5). */
const MAX_RECORDS = 10_000;
/** DynamoDB's item size limit, 400 KB (FORMATS-events §5.5). */
const MAX_ITEM_BYTES = 400 * 1024;

export const dynamodb: Source<DynamoDbOptions> = {
  name: 'dynamodb',
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'event source mapping payload limit' },
  libraryOptions: {
    eventName: choice(['INSERT', 'MODIFY', 'REMOVE']),
    newImage: record(json()),
    oldImage: record(json()),
    keys: list(text()),
    setTypes: record(choice(['SS', 'NS', 'BS'])),
    viewType: choice(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']),
    ttl: flag(),
    table: text(),
    records: integer(1, MAX_RECORDS),
  },
  options: {
    'event-name': {
      type: 'string',
      choices: EVENT_NAMES,
      valueName: '<name>',
      description: 'INSERT, MODIFY or REMOVE (default: from the images given, else INSERT)',
    },
    'new-image': {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'The item after the write, as plain JSON (typed values: {"$B":"..."}, {"$SS":[...]})',
    },
    'old-image': {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'The item before the write, as plain JSON',
    },
    keys: {
      type: 'string',
      valueName: '<attr[,attr]>',
      description: "Key attributes, partition then sort key (default: the image's first attribute)",
    },
    'set-type': {
      type: 'string',
      repeatable: true,
      valueName: '<attr>=<SS|NS|BS>',
      description: 'Write the JSON array of a top-level attribute as a string, number or binary set',
    },
    'view-type': {
      type: 'string',
      choices: VIEW_TYPES,
      valueName: '<view>',
      description: 'StreamViewType, which decides the images shown (default NEW_AND_OLD_IMAGES)',
    },
    ttl: { type: 'boolean', description: 'A delete by Time to Live (REMOVE by the DynamoDB service)' },
    table: {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Table name, table ARN or stream ARN (default: a realistic name)',
    },
    records: { type: 'number', valueName: '<n>', description: 'Number of records (default 1)' },
  },
  examples: [
    [`gen-event dynamodb --new-image '{"id":"42","total":19.5}' --table orders`, 'an INSERT of this item'],
    [
      `gen-event ddb --event-name MODIFY --keys pk,sk --old-image '{"pk":"u#1","sk":"p","n":1}' --new-image '{"pk":"u#1","sk":"p","n":2}'`,
      'a MODIFY with both images',
    ],
    [
      'gen-event dynamodb --ttl --view-type OLD_IMAGE --records 3 --seed 4',
      'three TTL deletes of realistic items',
    ],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<DynamoDbOptions> {
    const newImage = optionalString(raw, 'new-image');
    const oldImage = optionalString(raw, 'old-image');
    const keys = optionalString(raw, 'keys');
    const setTypes = optionalList(raw, 'set-type');
    return givenOnly({
      eventName: optionalChoice(raw, 'event-name', EVENT_NAMES),
      newImage: newImage === undefined ? undefined : await readImage(args, newImage, '--new-image'),
      oldImage: oldImage === undefined ? undefined : await readImage(args, oldImage, '--old-image'),
      keys: keys?.split(',').map((name) => name.trim()),
      setTypes: setTypes && setTypeMap(setTypes),
      viewType: optionalChoice(raw, 'view-type', VIEW_TYPES),
      ttl: optionalBoolean(raw, 'ttl'),
      table: optionalString(raw, 'table'),
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS),
    });
  },

  implied(options) {
    return options.table === undefined ? {} : (parseTable(options.table).arn ?? {});
  },

  async prepare(options, run) {
    const template = loadTemplate('dynamodb');
    const fillEvent = compileTemplate(template.event, 'dynamodb.json');
    const fillRecord = compileTemplate(template.record, 'dynamodb.json');
    const table: TableIdentity = options.table ? parseTable(options.table) : defaultTable(template, run.rng);
    const label = table.label ?? streamLabel(run.rng, run.startTime);
    const viewType = options.viewType ?? 'NEW_AND_OLD_IMAGES';
    const eventName = chooseEventName(options);
    const recordCount = options.records ?? 1;
    if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > MAX_RECORDS) {
      throw new UsageError(`${recordCount} records asked for`, `a batch holds 1 to ${MAX_RECORDS} records`);
    }
    const shown = imagesShown(viewType, eventName);
    const plan = givenImages(options, eventName, viewType, run);
    const words = plan ? undefined : await loadRealisticWords();
    const keyNames = plan?.keys ?? checkSampleKeys(options.keys);

    /** What a record shows of a write: its `Keys`, the images its view type shows, and their size. */
    const change = (images: ImagePlan): RecordChange => {
      const keys = keysOf(images);
      const newImage = shown.newImage ? images.newImage : undefined;
      const oldImage = shown.oldImage ? images.oldImage : undefined;
      return { keys, newImage, oldImage, sizeBytes: streamRecordSize(keys, newImage, oldImage) };
    };
    // Given images are the same in every record: built and measured once, each record given its own copy.
    const givenChange = plan ? JSON.stringify(change(plan)) : undefined;

    /** Record `i`'s change: the given write, or a realistic item's write at `at`. */
    const changeFor = (ctx: EventContext, at: number): RecordChange => {
      if (givenChange !== undefined) return JSON.parse(givenChange) as RecordChange;
      const { rng } = ctx;
      const version = eventName === 'INSERT' ? 1 : rng.int(2, 9);
      const after = sampleItem(words as NonNullable<typeof words>, rng, at, version);
      const before = eventName === 'MODIFY' ? previousVersion(after, rng, at) : after;
      const newImage = eventName === 'REMOVE' ? undefined : marshallItem(after, 'the item');
      const oldImage = eventName === 'INSERT' ? undefined : marshallItem(before, 'the item');
      return change({ keys: keyNames, newImage, oldImage });
    };

    return (ctx) => {
      const { rng } = ctx;
      const writes = writeTimes(rng, recordCount, ctx.time);
      const sequenceNumbers = streamSequenceNumbers(rng, recordCount);
      const records = [];
      for (let i = 0; i < recordCount; i++) {
        const at = writes[i] as number;
        const { keys, newImage, oldImage, sizeBytes } = changeFor(ctx, at);
        records.push(
          fillRecord({
            eventId: rng.hex(32),
            eventName,
            region: run.region,
            // Epoch seconds, a whole number (FORMATS-events §5.1).
            createdAt: Math.floor(at / 1000),
            keys,
            newImage,
            oldImage,
            sequenceNumber: sequenceNumbers[i],
            sizeBytes,
            viewType,
            // Only deletes by Time to Live name who made them: the DynamoDB service (§5.1).
            userIdentity: options.ttl
              ? { type: 'Service', principalId: 'dynamodb.amazonaws.com' }
              : undefined,
            partition: run.partition,
            accountId: run.accountId,
            table: table.table,
            label,
          }),
        );
      }
      return fillEvent({ records });
    };
  },
};

function optionalChoice<T extends string>(
  raw: RawOptions,
  name: string,
  choices: readonly T[],
): T | undefined {
  const value = optionalString(raw, name);
  if (value === undefined) return undefined;
  const upper = value.toUpperCase() as T;
  if (!choices.includes(upper))
    throw new UsageError(`--${name} '${value}' is not one of ${choices.join(', ')}`, `give one of them`);
  return upper;
}

/** `--set-type tags=SS` arguments as a map by attribute name. */
function setTypeMap(args: readonly string[]): Record<string, SetType> {
  const map: Record<string, SetType> = {};
  for (const arg of args) {
    const [name, type] = splitPair(arg, 'set-type', '<attr>=<SS|NS|BS>');
    const upper = type.toUpperCase() as SetType;
    if (!SET_TYPES.includes(upper))
      throw new UsageError(`--set-type ${name}=${type} names no set type`, 'use SS, NS or BS');
    if (Object.hasOwn(map, name))
      throw new UsageError(`--set-type ${name} is given twice`, 'give each attribute once');
    map[name] = upper;
  }
  return map;
}

/** An image from the command line: JSON text, a file or stdin, which must hold an object. */
async function readImage(
  args: ArgumentReader,
  given: string,
  flag: string,
): Promise<Record<string, unknown>> {
  const image = await args.readJson(given, flag);
  checkItemObject(image, flag);
  return image;
}

function chooseEventName(options: DynamoDbOptions): DynamoDbEventName {
  const given = options.eventName;
  if (options.ttl) {
    if (given !== undefined && given !== 'REMOVE') {
      throw new UsageError(
        `--ttl deletes the item, but --event-name is ${given}`,
        'drop --event-name or give REMOVE',
      );
    }
    return 'REMOVE';
  }
  if (given !== undefined) return given;
  if (options.newImage && options.oldImage) return 'MODIFY';
  return options.oldImage ? 'REMOVE' : 'INSERT';
}

/** The given images, marshalled once per run, with their keys; undefined when none was given. */
function givenImages(
  options: DynamoDbOptions,
  eventName: DynamoDbEventName,
  viewType: StreamViewType,
  run: RunContext,
): ImagePlan | undefined {
  if (options.newImage === undefined && options.oldImage === undefined) {
    if (options.setTypes !== undefined) {
      throw new UsageError('--set-type applies to a given image', 'give --new-image or --old-image too');
    }
    return undefined;
  }
  if (eventName === 'INSERT' && options.oldImage !== undefined) {
    throw new UsageError(
      'an INSERT has no old image (the item did not exist)',
      'drop --old-image, or give --event-name MODIFY',
    );
  }
  if (eventName === 'REMOVE' && options.newImage !== undefined) {
    throw new UsageError(
      'a REMOVE has no new image (the item is gone)',
      'drop --new-image, or give --event-name MODIFY',
    );
  }
  const shown = imagesShown(viewType, eventName);
  for (const [image, option] of [
    ['newImage', '--new-image'],
    ['oldImage', '--old-image'],
  ] as const) {
    if (shown[image] && options[image] === undefined) {
      throw new UsageError(
        `a ${eventName} with view ${viewType} shows the ${image === 'newImage' ? 'new' : 'old'} image`,
        `give ${option}, or a --view-type that leaves it out`,
      );
    }
  }
  const setTypes = options.setTypes ?? {};
  const marshalled = (
    value: Readonly<Record<string, unknown>> | undefined,
    option: string,
  ): Item | undefined => {
    if (value === undefined) return undefined;
    const inexact = firstInexactNumber(value);
    if (inexact !== undefined && Number.isFinite(inexact)) {
      run.warn(
        `${option} has an integer past 2^53, written as ${inexact}: digits beyond 2^53 are lost (write it typed, {"$N":"…"}, to keep every digit)`,
      );
    }
    const item = marshallItem(value, option, setTypes);
    for (const name of Object.keys(setTypes)) {
      if (!Object.hasOwn(item, name))
        throw new UsageError(
          `--set-type ${name}: ${option} has no attribute ${name}`,
          'name an attribute of the image',
        );
    }
    return item;
  };
  const newImage = marshalled(options.newImage, '--new-image');
  const oldImage = marshalled(options.oldImage, '--old-image');
  for (const [image, option] of [
    [newImage, '--new-image'],
    [oldImage, '--old-image'],
  ] as const) {
    if (image === undefined) continue;
    const size = itemSize(image);
    if (size > MAX_ITEM_BYTES)
      run.warn(`${option} is ${size} bytes, over DynamoDB's item limit of ${MAX_ITEM_BYTES} bytes`);
  }
  return planKeys({ newImage, oldImage }, options.keys);
}

/** `--keys` with made-up items: they are keyed by pk and sk. */
function checkSampleKeys(keys: readonly string[] | undefined): readonly string[] {
  if (keys !== undefined && keys.join(',') !== SAMPLE_KEYS.join(',')) {
    throw new UsageError(
      `--keys ${keys.join(',')} without an image: the items gen-event makes up are keyed by pk,sk`,
      'give --new-image or --old-image, or drop --keys',
    );
  }
  return SAMPLE_KEYS;
}

interface RecordChange {
  keys: Item;
  newImage: Item | undefined;
  oldImage: Item | undefined;
  sizeBytes: number;
}

/** The record's `Keys`: the key attributes, from the new image when there is one, else the old (§5.1). */
function keysOf(images: ImagePlan): Item {
  const source = (images.newImage ?? images.oldImage) as Item;
  const keys: Item = {};
  for (const name of images.keys) keys[name] = structuredClone(source[name]) as Item[string];
  return keys;
}

/** Write instants of the batch's records, in order, the last at most a second before the event. */
function writeTimes(rng: Random, count: number, eventTime: number): number[] {
  const times = new Array<number>(count);
  let t = eventTime - rng.int(20, 1000);
  for (let i = count - 1; i >= 0; i--) {
    times[i] = t;
    t -= rng.int(0, 200);
  }
  return times;
}

function defaultTable(template: Readonly<Record<string, unknown>>, rng: Random): TableIdentity {
  const name = rng.pick(template.tableNames as string[]) + rng.pick(template.tableSuffixes as string[]);
  return { table: name };
}
