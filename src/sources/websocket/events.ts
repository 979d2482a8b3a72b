import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { bodyText, isUtf8 } from '../http/body.js';
import { clientAddress, type HttpClient, loadHttpData } from '../http/data.js';
import { asSent, headerGroups } from '../http/headers.js';
import type { EventBuilder } from '../source.js';
import { eventTypeOf } from './check-context.js';
import {
  type Connection,
  checkConnectRequest,
  contextFiller,
  prepareConnect,
  singleAndMulti,
  type WebSocketSite,
  webSocketClients,
  webSocketId,
  webSocketIdentity,
} from './connection.js';
import type { WebSocketOptions } from './options.js';

// A message larger than 128 KB closes the connection with 1009 (FORMATS-api-identity §2.4).
const MESSAGE_LIMIT = 128 * 1024;
const CONNECTION_ID = /^[A-Za-z0-9_-]{15}=$/;
// Custom route keys are what the route selection expression yields; `$` names are API Gateway's own.
const CUSTOM_ROUTE = /^[A-Za-z0-9_.:/-]{1,128}$/;

type Step = '$connect' | 'message' | '$disconnect';

/** The close code and reason of `$disconnect` (FORMATS-api-identity §2.2). */
function closeOf(options: WebSocketOptions): { code: number; reason: string } {
  const code = options.disconnectStatus ?? 1001;
  // Close codes a client or API Gateway can report: 1000-1015 and the application range 3000-4999.
  if (!Number.isInteger(code) || !((code >= 1000 && code <= 1015) || (code >= 3000 && code <= 4999))) {
    throw new UsageError(
      `--disconnect-status ${code} is not a WebSocket close code`,
      'give 1000-1015 (1000 normal, 1001 going away, 1005 no status) or 3000-4999',
    );
  }
  // 1005 carries no status in the close frame; API Gateway then says so (FORMATS-api-identity §2.2, 3P).
  const reason = options.disconnectReason ?? (code === 1005 ? 'Client-side close frame status not set' : '');
  return { code, reason };
}

function checkRoute(route: string | undefined): void {
  if (route === undefined || ['$connect', '$disconnect', '$default'].includes(route)) return;
  if (!CUSTOM_ROUTE.test(route)) {
    throw new UsageError(
      `--route '${route}' is not a route key`,
      "use $connect, $disconnect, $default or a custom key such as 'sendmessage'",
    );
  }
}

/**
 * Builds each event of a run. With `lifecycle`, or a message route, every event belongs to the run's
 * one connection (its id, its accept time and its client the same on every event); `$connect` and
 * `$disconnect` alone make a new connection per event.
 */
export function prepareWebSocketEvents(
  options: WebSocketOptions,
  site: WebSocketSite,
  run: RunContext,
): EventBuilder {
  const template = loadTemplate('websocket');
  const { route, lifecycle } = options;
  checkRoute(route);
  if (lifecycle !== undefined && (route !== undefined || !Number.isInteger(lifecycle) || lifecycle < 2)) {
    throw new UsageError(
      route !== undefined
        ? '--route and a whole connection both say which events to make'
        : `lifecycle ${lifecycle} is too short`,
      route !== undefined
        ? 'drop --route to make connect, messages and disconnect'
        : 'a connection has at least $connect and $disconnect',
    );
  }
  if (options.connectionId !== undefined && !CONNECTION_ID.test(options.connectionId)) {
    throw new UsageError(
      `--connection-id '${options.connectionId}' is not a connection id`,
      'give 15 letters, digits, - or _ and a final =, e.g. R1kmxc2VNjMCFIA=',
    );
  }
  const stepOf = (index: number): Step => {
    if (lifecycle === undefined) {
      const type = eventTypeOf(route ?? '$default');
      return type === 'CONNECT' ? '$connect' : type === 'DISCONNECT' ? '$disconnect' : 'message';
    }
    if (index >= lifecycle) {
      throw new UsageError(
        `the connection was closed after ${lifecycle} events`,
        'ask for at most that many events',
      );
    }
    return index === 0 ? '$connect' : index === lifecycle - 1 ? '$disconnect' : 'message';
  };
  const notMessages = lifecycle === undefined && eventTypeOf(route ?? '$default') !== 'MESSAGE';
  const hasBody = options.body !== undefined || options.json !== undefined;
  if (notMessages && hasBody)
    throw new UsageError(`--route ${route} has no body`, 'only messages carry --body or --json');
  if (options.body !== undefined && options.json !== undefined)
    throw new UsageError('both --body and --json are given', 'give the message one way');
  const onlyDisconnect = lifecycle === undefined && route !== '$disconnect';
  if (onlyDisconnect && (options.disconnectStatus !== undefined || options.disconnectReason !== undefined))
    throw new UsageError('--disconnect-status is for $disconnect', "add --route '$disconnect' or drop it");
  const close = closeOf(options);

  // The run's own connection: its client, address, id and accept time (FORMATS-api-identity §2.2).
  const shared = !notMessages;
  const clients = webSocketClients();
  const runClient: HttpClient | undefined = shared ? run.rng.pick(clients) : undefined;
  const runAddress = shared ? clientAddress(loadHttpData(), run.rng).ip : undefined;
  const runConnection: Connection | undefined = shared
    ? {
        connectionId: options.connectionId ?? webSocketId(run.rng),
        // Opened by the run's first event, or (messages alone) up to the 10-minute idle timeout earlier.
        connectedAt:
          run.startTime - (lifecycle !== undefined ? run.rng.int(0, 1) : run.rng.int(1000, 600_000)),
      }
    : undefined;
  const spec = checkConnectRequest(
    {
      ...options,
      body: undefined,
      json: undefined,
      sourceIp: options.sourceIp ?? runAddress,
    },
    'a WebSocket connection',
  );
  const connect = prepareConnect(spec, site, [], runClient);
  const fillContext = contextFiller(site);
  const fillConnect = compileTemplate(template.connect, 'websocket.json');
  const fillMessage = compileTemplate(template.message, 'websocket.json');
  const fillDisconnect = compileTemplate(template.disconnect, 'websocket.json');
  const messages = template.messages as string[];
  const given =
    options.json !== undefined
      ? Buffer.from(JSON.stringify(options.json), 'utf8')
      : options.body === undefined
        ? undefined
        : Buffer.from(options.body);
  if (given && given.length > MESSAGE_LIMIT) {
    run.warn(
      `a WebSocket message is ${given.length} bytes; API Gateway closes the connection (1009) over ${MESSAGE_LIMIT} bytes`,
    );
  }
  const givenText = given === undefined ? undefined : isUtf8(given);
  const identityOf = (ctx: EventContext) =>
    webSocketIdentity({
      userAgent: options.userAgent ?? runClient?.userAgent ?? ctx.rng.pick(clients).userAgent,
      sourceIp: spec.sourceIp ?? clientAddress(loadHttpData(), ctx.rng).ip,
    });
  const connectionOf = (ctx: EventContext, step: Step): Connection => {
    if (runConnection) return runConnection;
    // $disconnect alone: a connection of its own, open for up to the 2-hour limit (FORMATS-api-identity §2.4).
    const connectionId = options.connectionId ?? webSocketId(ctx.rng);
    return {
      connectionId,
      connectedAt: ctx.time - (step === '$disconnect' ? ctx.rng.int(1000, 7_200_000) : ctx.rng.int(0, 1)),
    };
  };

  return (ctx) => {
    const step = stepOf(ctx.index);
    if (step === '$connect') {
      const built = connect.build(
        ctx,
        runConnection ?? (options.connectionId ? connectionOf(ctx, step) : undefined),
      );
      const headers = singleAndMulti(built.headers);
      const query = built.query.length > 0 ? singleAndMulti(built.query) : undefined;
      return fillConnect({
        headers: headers.single,
        multiValueHeaders: headers.multi,
        // Present only when the URL had a query (FORMATS-api-identity §2.3).
        queryStringParameters: query?.single,
        multiValueQueryStringParameters: query?.multi,
        requestContext: fillContext(built.context),
      });
    }
    const requestId = webSocketId(ctx.rng);
    const connection = connectionOf(ctx, step);
    const identity = identityOf(ctx);
    if (step === '$disconnect') {
      // Not the client's headers: the same four, two of them empty, in every capture (FORMATS-api-identity §2.3).
      const headers = singleAndMulti(
        headerGroups(
          [
            ['Host', site.domainName],
            ['x-api-key', ''],
            ['X-Forwarded-For', ''],
            ['x-restapi', ''],
          ],
          asSent,
        ),
      );
      return fillDisconnect({
        headers: headers.single,
        multiValueHeaders: headers.multi,
        requestContext: fillContext({
          routeKey: '$disconnect',
          eventType: 'DISCONNECT',
          disconnectStatusCode: close.code,
          disconnectReason: close.reason,
          requestId,
          requestTimeEpoch: ctx.time,
          connection,
          identity,
        }),
      });
    }
    const routeKey = route ?? '$default';
    const frame = given ?? Buffer.from(defaultMessage(routeKey, messages, ctx), 'utf8');
    // Text frames arrive as they are; a binary frame as base64 (FORMATS-api-identity §2.4, UNCONFIRMED).
    const binary = given !== undefined && givenText === false;
    return fillMessage({
      requestContext: fillContext({
        routeKey,
        eventType: 'MESSAGE',
        messageId: webSocketId(ctx.rng),
        requestId,
        requestTimeEpoch: ctx.time,
        connection,
        identity,
      }),
      body: bodyText(frame, binary),
      isBase64Encoded: binary,
    });
  };
}

/** A realistic frame: a custom route's message names the route, as `$request.body.action` selects it. */
function defaultMessage(routeKey: string, messages: readonly string[], ctx: EventContext): string {
  if (routeKey === '$default') return ctx.rng.pick(messages);
  return JSON.stringify({
    action: routeKey,
    data: ctx.rng.pick(['hello', 'ping', { orderId: ctx.rng.int(1, 99_999) }]),
  });
}
