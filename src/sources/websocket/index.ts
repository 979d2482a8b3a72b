import { parseJson } from '../../core/inputs.js';
import { bytesInput, json, number, text } from '../../core/option-shapes.js';
import { givenOnly, optionalInteger, optionalString, splitPair, stringList } from '../../core/raw-options.js';
import { parseHeaderArg } from '../http/headers.js';
import { impliedByGatewayHost } from '../http/hosts.js';
import { httpRequestLibraryOptions } from '../http/options.js';
import type { RawOptions, Source } from '../source.js';
import { webSocketSite } from './connection.js';
import { prepareWebSocketEvents } from './events.js';
import type { WebSocketOptions } from './options.js';

export type { WebSocketOptions } from './options.js';

const pairs = (raw: RawOptions, name: string, shape: string) =>
  stringList(raw, name).map((item) => splitPair(item, name, shape));

export const websocket: Source<WebSocketOptions> = {
  name: 'websocket',
  // A WebSocket integration is invoked synchronously (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    query: httpRequestLibraryOptions.query,
    headers: httpRequestLibraryOptions.headers,
    cookies: httpRequestLibraryOptions.cookies,
    sourceIp: httpRequestLibraryOptions.sourceIp,
    userAgent: httpRequestLibraryOptions.userAgent,
    host: httpRequestLibraryOptions.host,
    route: text(),
    // Numbers: the builder's own refusal says what a connection allows (src/sources/websocket/events.ts).
    lifecycle: number(),
    body: bytesInput(),
    json: json(),
    connectionId: text(),
    disconnectStatus: number(),
    disconnectReason: text(),
    stage: text(),
  },
  options: {
    route: {
      type: 'string',
      valueName: '<route>',
      description:
        '$connect, $disconnect, $default or a custom key (default: $default; with --count n, a whole connection)',
    },
    body: {
      type: 'string',
      valueName: '<text|@file|->',
      description: 'Message frame; a file that is not UTF-8 is binary',
    },
    json: { type: 'string', valueName: '<json>', description: 'JSON message (checked)' },
    'connection-id': {
      type: 'string',
      valueName: '<id>',
      description: 'Connection id, e.g. R1kmxc2VNjMCFIA= (default: one per connection)',
    },
    'disconnect-status': {
      type: 'number',
      valueName: '<code>',
      description: '$disconnect close code (default 1001)',
    },
    'disconnect-reason': {
      type: 'string',
      valueName: '<text>',
      description: '$disconnect close reason (default "")',
    },
    query: {
      type: 'string',
      repeatable: true,
      valueName: '<k>=<v>',
      description: '$connect: query parameter of the connection URL',
    },
    header: {
      type: 'string',
      repeatable: true,
      valueName: "'<Name>: <value>'",
      description: '$connect: header of the upgrade request',
    },
    cookie: {
      type: 'string',
      repeatable: true,
      valueName: '<name>=<value>',
      description: '$connect: a cookie',
    },
    'source-ip': {
      type: 'string',
      valueName: '<ip>',
      description: "Client's IP address (default: realistic)",
    },
    'user-agent': {
      type: 'string',
      valueName: '<ua>',
      description: 'User-Agent (default: a realistic client)',
    },
    host: {
      type: 'string',
      valueName: '<name>',
      description: 'Host the client asked for (default: the API host)',
    },
    stage: { type: 'string', valueName: '<name>', description: 'Stage name (default prod)' },
  },
  examples: [
    [
      'gen-event ws --route sendmessage --json \'{"action":"sendmessage","data":"hi"}\'',
      'a message on a custom route',
    ],
    [
      'gen-event websocket --count 5 --out session/ --seed 1',
      'one connection: $connect, 3 messages, $disconnect, one file each',
    ],
    [
      "gen-event ws --route '$disconnect' --disconnect-status 1000 --connection-id R1kmxc2VNjMCFIA=",
      'a normal close',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<WebSocketOptions> {
    const route = optionalString(raw, 'route');
    // Without --route, a run of several events is one connection's whole life (connect, messages, disconnect).
    const count = optionalInteger(raw, 'count', 1, 100_000_000) ?? 1;
    const headers = stringList(raw, 'header').map(parseHeaderArg);
    const query = pairs(raw, 'query', '<k>=<v>');
    const cookies = pairs(raw, 'cookie', '<name>=<value>');
    const bodyArg = optionalString(raw, 'body');
    const jsonArg = optionalString(raw, 'json');
    let body: string | Uint8Array | undefined;
    if (bodyArg !== undefined) {
      const read = await args.read(bodyArg, '--body');
      body = read.fromFile ? new Uint8Array(read.bytes) : read.bytes.toString('utf8');
    }
    let json: unknown;
    if (jsonArg !== undefined) json = parseJson(await args.readText(jsonArg, '--json'), '--json');
    return givenOnly({
      route,
      lifecycle: route === undefined && count > 1 ? count : undefined,
      body,
      json,
      connectionId: optionalString(raw, 'connection-id'),
      disconnectStatus: optionalInteger(raw, 'disconnect-status', 1000, 4999),
      disconnectReason: optionalString(raw, 'disconnect-reason'),
      headers: headers.length > 0 ? headers : undefined,
      query: query.length > 0 ? query : undefined,
      cookies: cookies.length > 0 ? cookies : undefined,
      sourceIp: optionalString(raw, 'source-ip'),
      userAgent: optionalString(raw, 'user-agent'),
      host: optionalString(raw, 'host'),
      stage: optionalString(raw, 'stage'),
    });
  },

  implied: (options) => impliedByGatewayHost(options.host),

  async prepare(options, run) {
    const site = webSocketSite(options, run);
    return prepareWebSocketEvents(options, site, run);
  },
};
