import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { choice } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import { compileTemplate, type FilledTemplate } from '../../core/template.js';
import { clientAddress, loadHttpData } from '../http/data.js';
import type { EventBuilder } from '../source.js';
import { type AppSyncData, type FieldSample, loadAppSyncData } from './data.js';
import { type AppSyncSite, amplifyAgentFor, prepareRequestHeaders } from './headers.js';
import { appSyncCaller } from './identity.js';
import { APPSYNC_IDENTITIES, type AppSyncOptions, isRootType } from './options.js';
import {
  GRAPHQL_NAME,
  parseSelection,
  type SelectionNode,
  SelectionSyntaxError,
  selectionFromPaths,
  selectionGraphQL,
  selectionList,
} from './selection.js';

type JsonObject = Record<string, unknown>;

function checkName(value: string, option: string, example: string): void {
  if (!GRAPHQL_NAME.test(value)) {
    throw new UsageError(
      `${option} '${value}' is not a GraphQL name`,
      `use letters, digits and _, not starting with a digit, e.g. ${option} ${example}`,
    );
  }
}

/** The resolver: its parent type and field, and the sample of the schema that describes it, if any. */
function chooseField(options: AppSyncOptions, data: AppSyncData, rng: Random) {
  if (options.field !== undefined) checkName(options.field, '--field', 'getPost');
  if (options.parentType !== undefined) checkName(options.parentType, '--parent-type', 'Query');
  const owner =
    options.field === undefined
      ? undefined
      : Object.keys(data.fields).find((type) => data.fields[type]?.some((f) => f.name === options.field));
  const parentType = options.parentType ?? owner ?? 'Query';
  const fields = Object.hasOwn(data.fields, parentType) ? (data.fields[parentType] ?? []) : [];
  if (options.field === undefined && fields.length === 0) {
    throw new UsageError(
      `--parent-type ${parentType} needs --field`,
      'name the field being resolved, e.g. --field author',
    );
  }
  const sample: FieldSample | undefined =
    options.field === undefined ? rng.pick(fields) : fields.find((f) => f.name === options.field);
  return { parentType, fieldName: options.field ?? (sample as FieldSample).name, sample };
}

function readSelection(selection: string | readonly string[], option = '--selection'): SelectionNode[] {
  try {
    return typeof selection === 'string' ? parseSelection(selection) : selectionFromPaths(selection);
  } catch (error) {
    if (!(error instanceof SelectionSyntaxError)) throw error;
    throw new UsageError(
      `${option} is not a selection set: ${error.message}`,
      "give GraphQL fields such as 'id title author { name }', or paths such as id,author/name",
    );
  }
}

/** A list option of a batch (`--source`, `--arguments`) gives one value per item. */
function perItem(
  value: JsonObject | readonly JsonObject[] | undefined,
  option: string,
  batch: number | undefined,
): readonly JsonObject[] | JsonObject | undefined {
  if (!Array.isArray(value)) return value as JsonObject | undefined;
  if (batch === undefined) {
    throw new UsageError(
      `${option} is a list, which only a batch takes`,
      `add --batch ${value.length}, or give one object`,
    );
  }
  if (value.length !== batch) {
    throw new UsageError(
      `${option} lists ${value.length} item(s) for --batch ${batch}`,
      'give one per batch item, or one object for all of them',
    );
  }
  return value;
}

/** What the placeholders of templates/appsync.json stand for, drawn for one item. */
function sampleValues(
  data: AppSyncData,
  usernames: readonly string[],
  ctx: EventContext,
): Record<string, unknown> {
  const { rng } = ctx;
  const username = rng.pick(usernames);
  return {
    postId: rng.uuid(),
    userId: rng.uuid(),
    title: rng.pick(data.titles),
    content: rng.pick(data.contents),
    comment: rng.pick(data.comments),
    word: rng.pick(data.words),
    limit: rng.pick(data.limits),
    username,
    email: `${username}@example.com`,
    createdAt: new Date(ctx.time - rng.int(3_600_000, 90 * 86_400_000)).toISOString(),
  };
}

/**
 * The direct Lambda resolver event (FORMATS-api-identity §5.1), or with `batch` the array of them a
 * batch invoke delivers (§5.2): one GraphQL request, so every item shares its headers, caller and
 * `info`; each has its own parent object (object types) or arguments (root fields, from aliases).
 */
export function prepareAppSyncEvents(options: AppSyncOptions, run: RunContext): EventBuilder {
  const data = loadAppSyncData();
  const http = loadHttpData();
  const { rng } = run;
  const { parentType, fieldName, sample } = chooseField(options, data, rng);
  const root = isRootType(parentType);
  if (root && options.source !== undefined) {
    throw new UsageError(
      `--source is the parent object of a field of an object type; a ${parentType} field has none (source is null)`,
      'drop --source, or give --parent-type of an object type such as Post',
    );
  }
  const batch = options.batch;
  const givenSource = perItem(options.source, '--source', batch);
  const givenArguments = perItem(options.arguments, '--arguments', batch);
  const selection = readSelection(options.selection ?? sample?.selection ?? 'id');
  const list = selectionList(selection);
  const graphQL = selectionGraphQL(selection);
  const argumentsOf: FilledTemplate = compileTemplate(sample?.arguments ?? {}, 'appsync.json');
  const sourceOf: FilledTemplate = compileTemplate(sample?.source ?? { id: '{{postId}}' }, 'appsync.json');
  const variables = options.variables ?? {};
  const prev = options.prev === undefined ? null : { result: options.prev };
  const stash = options.stash ?? {};
  const given = Object.entries(options.headers ?? {});

  const client = rng.pick(http.clients);
  const { ip, network } = clientAddress(http, rng);
  const site: AppSyncSite = {
    host: `${rng.lowerAlnum(26)}.appsync-api.${run.region}.${run.dnsSuffix}`,
    client,
    network,
    sourceIp: ip,
    amplifyUserAgent: amplifyAgentFor(client, data.amplifyUserAgents, (a) => rng.pick(a)),
  };
  const mode = choice(APPSYNC_IDENTITIES).read(options.identity ?? 'cognito', 'identity');
  const caller = appSyncCaller(mode, run, http, data, ip);
  const keyword = root ? parentType.toLowerCase() : 'query';
  const body = Buffer.from(
    JSON.stringify({ query: `${keyword} {\n  ${fieldName} ${graphQL}\n}`, variables }),
    'utf8',
  );

  const pick = <T>(value: T | readonly T[] | undefined, index: number): T | undefined =>
    Array.isArray(value) ? (value[index] as T) : (value as T | undefined);

  const headersOf = prepareRequestHeaders(site, body.length, given);
  return (ctx) => {
    const headers = headersOf(ctx, caller.credentials(ctx, body));
    // Fields of object types take the same arguments for every parent; root fields batched together
    // come from aliases, each with arguments of its own.
    const shared =
      root || givenArguments !== undefined ? undefined : argumentsOf(sampleValues(data, http.usernames, ctx));
    const item = (index: number) => {
      const ownArguments = pick(givenArguments, index);
      const ownSource = pick(givenSource, index);
      // Realistic values are drawn only for what was not given.
      const values =
        (root && ownArguments === undefined) || (!root && ownSource === undefined)
          ? sampleValues(data, http.usernames, ctx)
          : {};
      return {
        arguments:
          ownArguments === undefined
            ? shared === undefined
              ? argumentsOf(values)
              : freshCopy(shared)
            : freshCopy(ownArguments),
        identity: freshCopy(caller.identity),
        source: root ? null : ownSource === undefined ? sourceOf(values) : freshCopy(ownSource),
        // Items of a batch share the values, not the objects.
        request: { headers: index === 0 ? headers : { ...headers }, domainName: null },
        prev: freshCopy(prev),
        info: {
          selectionSetList: [...list],
          selectionSetGraphQL: graphQL,
          parentTypeName: parentType,
          fieldName,
          variables: freshCopy(variables),
        },
        stash: freshCopy(stash),
      };
    };
    return batch === undefined ? item(0) : Array.from({ length: batch }, (_, i) => item(i));
  };
}
