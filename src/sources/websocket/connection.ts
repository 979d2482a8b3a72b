import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import { compileTemplate, type FilledTemplate, loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { type HttpClient, type HttpData, loadHttpData } from '../http/data.js';
import { checkStage } from '../http/gateway-options.js';
import { asSent, type HeaderField, headerGroups } from '../http/headers.js';
import { type GatewaySite, gatewayRequestId, gatewaySite } from '../http/hosts.js';
import { allValues, type FieldGroup, lastValues } from '../http/maps.js';
import type { HttpRequestOptions } from '../http/options.js';
import { decodedQueryGroups } from '../http/query.js';
import { describeRequest, type HttpRequest, type RequestSpec, sendRequest } from '../http/request.js';
import {
  forwardingHeaders,
  HTTPS_LISTENER,
  traceRoot,
  withoutForwardedFor,
} from '../http/service-headers.js';

/**
 * What every event of a WebSocket API shares: the API's host and stage, the connection (its id and
 * the instant it was accepted), and `requestContext` in its real key order (FORMATS-api-identity §2.2).
 */

/** `^[A-Za-z0-9_-]{15}=$`: connectionId, requestId (= extendedRequestId) and messageId (FORMATS-api-identity §0.5). */
export const webSocketId = gatewayRequestId;

export interface Connection {
  connectionId: string;
  /** Epoch ms at which the connection was accepted; the same on every event of the connection. */
  connectedAt: number;
}

export interface WebSocketSite extends GatewaySite {
  stage: string;
}

export function webSocketSite(options: { host?: string; stage?: string }, run: RunContext): WebSocketSite {
  // WebSocket APIs have named stages only (FORMATS-api-identity §2.2; UNCONFIRMED whether $default can exist).
  const stage = checkStage(options.stage ?? 'prod', false);
  return { ...gatewaySite(options.host?.toLowerCase(), run), stage };
}

/** The fields of `requestContext` that differ by event type. */
export interface ContextValues {
  routeKey: string;
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  messageId?: string;
  disconnectStatusCode?: number;
  disconnectReason?: string;
  requestId: string;
  requestTimeEpoch: number;
  connection: Connection;
  identity: Record<string, string>;
}

/** Fills `requestContext`; keys an event type lacks (messageId, disconnect*) stay absent. */
export function contextFiller(site: WebSocketSite): (values: ContextValues) => unknown {
  const fill: FilledTemplate = compileTemplate(loadTemplate('websocket').context, 'websocket.json');
  return (values) =>
    fill({
      routeKey: values.routeKey,
      messageId: values.messageId,
      disconnectStatusCode: values.disconnectStatusCode,
      eventType: values.eventType,
      requestId: values.requestId,
      requestTime: formatRequestTime(values.requestTimeEpoch),
      disconnectReason: values.disconnectReason,
      stage: site.stage,
      connectedAt: values.connection.connectedAt,
      requestTimeEpoch: values.requestTimeEpoch,
      identity: values.identity,
      domainName: site.domainName,
      connectionId: values.connection.connectionId,
      apiId: site.apiId,
    });
}

/** `identity` holds only what is known: the client's User-Agent and address (FORMATS-api-identity §2.2). */
export function webSocketIdentity(
  request: Pick<HttpRequest, 'userAgent' | 'sourceIp'>,
): Record<string, string> {
  return { userAgent: request.userAgent, sourceIp: request.sourceIp };
}

/** The options a `$connect` request takes: the upgrade request's query, headers and cookies, no body. */
export function checkConnectRequest(options: HttpRequestOptions, what: string): RequestSpec {
  for (const [option, value] of [
    ['method', options.method],
    ['path', options.path],
    ['body', options.body],
    ['json', options.json],
    ['form', options.form],
    ['content-type', options.contentType],
  ] as const) {
    if (value !== undefined) {
      throw new UsageError(
        `--${option} is not part of ${what}`,
        'a WebSocket connection is opened by a GET to the stage URL; give --query, --header or --cookie',
      );
    }
  }
  return describeRequest(options);
}

export interface ConnectRequest {
  request: HttpRequest;
  headers: FieldGroup[];
  query: FieldGroup[];
  connection: Connection;
  context: ContextValues;
}

export interface PreparedConnect {
  site: WebSocketSite;
  /** `connection` is the run's own, or (undefined) a new one that opens with this request. */
  build(ctx: EventContext, connection?: Connection): ConnectRequest;
}

/** Clients that open WebSocket connections: browsers (with Origin) and libraries. */
export function webSocketClients(): HttpClient[] {
  return loadTemplate('websocket').clients as HttpClient[];
}

/** A connection accepted with this request: accepted in the same or the previous millisecond (FORMATS-api-identity §2.2). */
function openedBy(rng: Random, requestTime: number): Connection {
  return { connectionId: webSocketId(rng), connectedAt: requestTime - rng.int(0, 1) };
}

/**
 * The upgrade request that opens a connection, shared by the `$connect` route and its authorizer:
 * the client's headers with their casing, the WebSocket handshake headers, and those API Gateway
 * adds (FORMATS-api-identity §2.3). `extraHeaders` are the ones only the authorizer is shown.
 */
export function prepareConnect(
  spec: RequestSpec,
  site: WebSocketSite,
  extraHeaders: readonly HeaderField[],
  /** The connection's client when it is the run's own; else one is chosen per request. */
  client?: HttpClient,
): PreparedConnect {
  const data: HttpData = { ...loadHttpData(), clients: client ? [client] : webSocketClients() };
  const build = (ctx: EventContext, given?: Connection): ConnectRequest => {
    const { rng } = ctx;
    const request = sendRequest(spec, { host: site.domainName, method: 'GET', path: () => '/' }, ctx, data);
    const sent = new Set(request.headers.map(([name]) => name.toLowerCase()));
    const handshake: HeaderField[] = [
      ['Sec-WebSocket-Key', rng.bytes(16).toString('base64')],
      ['Sec-WebSocket-Version', '13'],
    ];
    const fields: HeaderField[] = [
      ...withoutForwardedFor(request.headers),
      ...handshake.filter(([name]) => !sent.has(name.toLowerCase())),
      ...extraHeaders,
      ...forwardingHeaders(request, traceRoot(ctx.time, rng), HTTPS_LISTENER),
    ];
    const requestId = webSocketId(rng);
    const connection = given ?? openedBy(rng, ctx.time);
    return {
      request,
      // Client casing kept, names sorted as real events list them (FORMATS-api-identity §2.3).
      headers: headerGroups(fields, asSent),
      query: decodedQueryGroups(request.rawQuery),
      connection,
      context: {
        routeKey: '$connect',
        eventType: 'CONNECT',
        requestId,
        requestTimeEpoch: ctx.time,
        connection,
        identity: webSocketIdentity(request),
      },
    };
  };
  return { site, build };
}

/** `{name: last value}` and `{name: [values]}`, as REST-style events show header and query groups. */
export function singleAndMulti(groups: readonly FieldGroup[]): {
  single: Record<string, string>;
  multi: Record<string, string[]>;
} {
  return { single: lastValues(groups), multi: allValues(groups) };
}
