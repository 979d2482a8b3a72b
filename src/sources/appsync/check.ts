import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { checkIdentity } from './check-identity.js';
import { isAppSyncBatch, isAppSyncResolverEvent } from './detect.js';
import { isRootType, MAX_BATCH_SIZE } from './options.js';
import {
  FragmentSpreadError,
  GRAPHQL_NAME,
  parseSelection,
  SelectionSyntaxError,
  selectionList,
} from './selection.js';

/** Key order of the captured event (FORMATS-api-identity §5.1). */
const TOP_LEVEL = ['arguments', 'identity', 'source', 'request', 'prev', 'info', 'stash'];
const INFO = ['selectionSetList', 'selectionSetGraphQL', 'parentTypeName', 'fieldName', 'variables'];
const TRACE = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/;

type At = (path: string) => string;

const under =
  (prefix: string): At =>
  (path) =>
    prefix === '' ? path : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;

/** One resolver event; `prefix` places it in a batch (`[2]`). */
function checkResolverEvent(event: Record<string, unknown>, prefix: string, problems: ProblemList): void {
  const at = under(prefix);
  problems.expectEqual(
    prefix,
    Object.keys(event),
    TOP_LEVEL,
    'a resolver event has exactly these keys, in this order',
  );
  if (!isRecord(event.arguments))
    problems.add(at('arguments'), "arguments is an object of the field's arguments ({} when it has none)");
  const info = isRecord(event.info) ? event.info : {};
  checkInfo(info, at, problems);
  checkSource(event.source, info.parentTypeName, at, problems);
  const headers = checkRequest(event.request, at, problems);
  checkIdentity(event.identity, headers, at, problems);
  if (event.prev !== null && !(isRecord(event.prev) && Object.keys(event.prev).join() === 'result'))
    problems.add(at('prev'), 'prev is null, or {result} inside a pipeline resolver');
  if (!isRecord(event.stash)) problems.add(at('stash'), 'stash is an object ({} when nothing was stashed)');
}

/** Root fields have no parent object; a field of an object type always has one. */
function checkSource(source: unknown, parentType: unknown, at: At, problems: ProblemList): void {
  if (typeof parentType !== 'string') return;
  if (isRootType(parentType)) {
    if (source !== null)
      problems.add(at('source'), `a ${parentType} field has no parent object: source is null`, null);
  } else if (!isRecord(source)) {
    problems.add(
      at('source'),
      `a field of ${parentType} is resolved for a parent object: source is that object`,
    );
  }
}

function checkInfo(info: Record<string, unknown>, at: At, problems: ProblemList): void {
  problems.expectEqual(at('info'), Object.keys(info), INFO, 'info has exactly these keys, in this order');
  for (const name of ['parentTypeName', 'fieldName'])
    problems.expectMatch(at(`info.${name}`), info[name], GRAPHQL_NAME, `${name} is a GraphQL name`);
  if (!isRecord(info.variables)) problems.add(at('info.variables'), 'variables is an object ({} when none)');
  const list = info.selectionSetList;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    problems.add(at('info.selectionSetList'), 'selectionSetList is a list of field paths');
    return;
  }
  list.forEach((path: string, index) => {
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (path.includes('/') && !list.slice(0, index).includes(parent))
      problems.add(
        at(`info.selectionSetList[${index}]`),
        `a nested field comes after its parent: ${parent} before ${path}`,
      );
  });
  const text = info.selectionSetGraphQL;
  if (typeof text !== 'string') {
    problems.add(at('info.selectionSetGraphQL'), 'selectionSetGraphQL is the selection as GraphQL text');
    return;
  }
  let selected: string[];
  try {
    selected = selectionList(parseSelection(text));
  } catch (error) {
    // A named fragment's definition is not in the text: nothing to compare with.
    if (error instanceof FragmentSpreadError) return;
    if (!(error instanceof SelectionSyntaxError)) throw error;
    problems.add(
      at('info.selectionSetGraphQL'),
      `selectionSetGraphQL is not a GraphQL selection set: ${error.message}`,
    );
    return;
  }
  problems.expectEqual(
    at('info.selectionSetList'),
    list,
    selected,
    'selectionSetList names what selectionSetGraphQL selects, nested fields as parent/child',
  );
}

/** `request.headers` (lowercase names, text values) and `domainName`; returns the headers for later rules. */
function checkRequest(request: unknown, at: At, problems: ProblemList): Record<string, unknown> {
  if (!isRecord(request) || !isRecord(request.headers)) {
    problems.add(at('request'), 'request is {headers, domainName}');
    return {};
  }
  const keys = Object.keys(request).join();
  // Events from before custom domains have no domainName key (FORMATS-api-identity §5.1).
  if (keys !== 'headers,domainName' && keys !== 'headers')
    problems.add(at('request'), 'request has headers and domainName only', ['headers', 'domainName']);
  const headers = request.headers;
  for (const [name, value] of Object.entries(headers)) {
    if (name !== name.toLowerCase())
      problems.add(
        at(`request.headers.${name}`),
        'AppSync passes header names in lowercase',
        name.toLowerCase(),
      );
    if (typeof value !== 'string') problems.add(at(`request.headers.${name}`), 'a header value is text');
  }
  const domainName = request.domainName;
  if (domainName !== undefined && domainName !== null && typeof domainName !== 'string')
    problems.add(at('request.domainName'), 'domainName is the custom domain, or null');
  if (typeof domainName === 'string')
    problems.expectEqual(
      at('request.headers.host'),
      headers.host,
      domainName,
      'a request to the custom domain has it as host',
    );
  else if (headers.host !== undefined)
    problems.expectMatch(
      at('request.headers.host'),
      headers.host,
      /^[a-z0-9]+\.appsync-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
      'without a custom domain the host is <api id>.appsync-api.<region>.amazonaws.com',
    );
  if (headers['x-amzn-trace-id'] !== undefined)
    problems.expectMatch(
      at('request.headers.x-amzn-trace-id'),
      headers['x-amzn-trace-id'],
      TRACE,
      'the trace id is Root=1-<8 hex>-<24 hex>',
    );
  return headers;
}

/** AppSync direct Lambda resolver invocations (FORMATS-api-identity §5.1). */
export const appSyncChecker: EventChecker = {
  kind: 'appsync',
  source: 'appsync',
  detect: isAppSyncResolverEvent,
  check: (event, problems) => checkResolverEvent(event, '', problems),
};

/** Batch invokes: items of one request, one field, in one array (FORMATS-api-identity §5.2). */
export const appSyncBatchChecker: EventChecker = {
  kind: 'appsync (batch)',
  source: 'appsync',
  detect: isAppSyncBatch,
  check(event, problems) {
    const items = event as unknown as unknown[];
    if (items.length > MAX_BATCH_SIZE)
      problems.add('$', `a batch holds at most ${MAX_BATCH_SIZE} events (the largest maxBatchSize)`);
    const first = items[0] as Record<string, unknown>;
    items.forEach((item, index) => {
      const at = `[${index}]`;
      if (!isRecord(item)) {
        problems.add(at, 'every batch item is a resolver event');
        return;
      }
      checkResolverEvent(item, at, problems);
      if (index === 0) return;
      // One GraphQL request for one field: the same info, caller and request in every item.
      for (const key of ['info', 'identity', 'request'])
        problems.expectEqual(
          `${at}.${key}`,
          item[key],
          first[key],
          `every item of a batch has the first item's ${key}`,
        );
    });
  },
};
