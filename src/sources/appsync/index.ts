import { UsageError } from '../../core/errors.js';
import { choice, either, integer, json, list, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalInteger, optionalString, stringList } from '../../core/raw-options.js';
import { parseHeaderArg } from '../http/headers.js';
import type { RawOptions, Source } from '../source.js';
import { prepareAppSyncEvents } from './events.js';
import {
  APPSYNC_IDENTITIES,
  type AppSyncIdentityMode,
  type AppSyncOptions,
  MAX_BATCH_SIZE,
} from './options.js';

export type { AppSyncIdentityMode, AppSyncOptions } from './options.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `--arguments`/`--source`: a JSON object, or (for a batch) a list of them. */
function objectOrList(value: unknown, option: string): JsonObject | JsonObject[] {
  if (isObject(value)) return value;
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) return value;
  throw new UsageError(
    `${option} must be a JSON object`,
    `e.g. ${option} '{"id":"42"}'; with --batch, a list of objects gives each item its own`,
  );
}

function objectOnly(value: unknown, option: string): JsonObject {
  if (isObject(value)) return value;
  throw new UsageError(`${option} must be a JSON object`, `e.g. ${option} '{"key":"value"}'`);
}

/** `--selection 'id title author { name }'` (GraphQL), or paths: `--selection id,author/name`. */
function selectionArg(value: string): string | string[] {
  if (/[{}]/.test(value) || !value.includes('/')) return value;
  return value.split(/[\s,]+/).filter((path) => path.length > 0);
}

/** Repeated header names are one field, values joined as HTTP joins them. */
function headerMap(raw: RawOptions): Record<string, string> | undefined {
  const fields = stringList(raw, 'header').map(parseHeaderArg);
  if (fields.length === 0) return undefined;
  const out = new Map<string, string>();
  for (const [name, value] of fields) {
    const key = name.toLowerCase();
    const before = out.get(key);
    out.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return Object.fromEntries(out);
}

export const appsync: Source<AppSyncOptions> = {
  name: 'appsync',
  // AppSync invokes its Lambda data sources synchronously (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    field: text(),
    parentType: text(),
    arguments: either(record(json()), list(record(json())), 'an object, or a list of objects for a batch'),
    identity: choice(APPSYNC_IDENTITIES),
    selection: either(text(), list(text()), 'GraphQL text, or a list of paths'),
    source: either(record(json()), list(record(json())), 'an object, or a list of objects for a batch'),
    variables: record(json()),
    headers: record(text()),
    prev: json(),
    stash: record(json()),
    batch: integer(1, MAX_BATCH_SIZE),
  },
  options: {
    field: {
      type: 'string',
      valueName: '<name>',
      description: 'Field being resolved, e.g. getPost (default: a field of the parent type)',
    },
    'parent-type': {
      type: 'string',
      valueName: '<type>',
      description: 'Query (default), Mutation, Subscription, or an object type such as Post',
    },
    arguments: {
      type: 'string',
      valueName: '<json|@file>',
      description: "The field's arguments (default: realistic); with --batch, a list gives one per item",
    },
    identity: {
      type: 'string',
      choices: APPSYNC_IDENTITIES,
      valueName: '<mode>',
      description: 'How the caller was authorised (default cognito); none and api-key give identity null',
    },
    selection: {
      type: 'string',
      valueName: "<'id title author { name }'|id,author/name>",
      description: 'Fields selected below this one, as GraphQL or as paths (default: realistic)',
    },
    source: {
      type: 'string',
      valueName: '<json|@file>',
      description: 'Parent object, for a field of an object type; with --batch, a list gives one per item',
    },
    variables: {
      type: 'string',
      valueName: '<json|@file>',
      description: "The operation's variables (default {})",
    },
    header: {
      type: 'string',
      repeatable: true,
      valueName: "'<Name>: <value>'",
      description: 'Header of the GraphQL request',
    },
    prev: {
      type: 'string',
      valueName: '<json|@file>',
      description: "Previous pipeline function's result, prev.result (default: prev null)",
    },
    stash: { type: 'string', valueName: '<json|@file>', description: 'The stash (default {})' },
    batch: {
      type: 'number',
      valueName: '<n>',
      description: `Batch invoke: an array of n events for the same field (1-${MAX_BATCH_SIZE})`,
    },
  },
  examples: [
    [
      `gen-event appsync --field getPost --arguments '{"id":"42"}' --selection 'id title author { name }'`,
      'a Query field, Cognito user pool caller',
    ],
    [
      'gen-event appsync --parent-type Post --field author --batch 3 --identity api-key',
      'a batch invoke: three parent posts, identity null',
    ],
    [
      `gen-event appsync --parent-type Mutation --field createPost --identity iam --arguments '{"input":{"title":"Hi"}}'`,
      'a mutation signed with SigV4',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<AppSyncOptions> {
    const readJson = async (name: string) => {
      const value = optionalString(raw, name);
      return value === undefined ? undefined : args.readJson(value, `--${name}`);
    };
    const [argumentsValue, sourceValue, variables, prev, stash] = await Promise.all([
      readJson('arguments'),
      readJson('source'),
      readJson('variables'),
      readJson('prev'),
      readJson('stash'),
    ]);
    const identity = optionalString(raw, 'identity');
    const selection = optionalString(raw, 'selection');
    return givenOnly({
      field: optionalString(raw, 'field'),
      parentType: optionalString(raw, 'parent-type'),
      arguments: argumentsValue === undefined ? undefined : objectOrList(argumentsValue, '--arguments'),
      identity: identity as AppSyncIdentityMode | undefined,
      selection: selection === undefined ? undefined : selectionArg(selection),
      source: sourceValue === undefined ? undefined : objectOrList(sourceValue, '--source'),
      variables: variables === undefined ? undefined : objectOnly(variables, '--variables'),
      headers: headerMap(raw),
      prev,
      stash: stash === undefined ? undefined : objectOnly(stash, '--stash'),
      batch: optionalInteger(raw, 'batch', 1, MAX_BATCH_SIZE),
    });
  },

  async prepare(options, run) {
    return prepareAppSyncEvents(options, run);
  },
};
