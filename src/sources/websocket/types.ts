import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import type { WebSocketConnectContext } from '../authorizer/types.js';

/**
 * The WebSocket events as API Gateway sends them (FORMATS-api-identity §2.1, §2.2). The
 * `@types/aws-lambda` type `APIGatewayProxyWebsocketEventV2` fits messages only (it requires
 * `messageId`, which CONNECT and DISCONNECT lack, and has no headers), so each event type has its own.
 */
export interface WebSocketConnectEvent {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  /** Only when the connection URL had a query. */
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  requestContext: WebSocketConnectContext;
  isBase64Encoded: false;
}

export interface WebSocketMessageEvent extends APIGatewayProxyWebsocketEventV2 {
  requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & {
    eventType: 'MESSAGE';
    identity: { userAgent?: string; sourceIp: string };
  };
  body: string;
}

export interface WebSocketDisconnectEvent {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  requestContext: Omit<WebSocketConnectContext, 'routeKey' | 'eventType'> & {
    routeKey: '$disconnect';
    eventType: 'DISCONNECT';
    disconnectStatusCode: number;
    disconnectReason: string;
  };
  isBase64Encoded: false;
}

export type WebSocketEvent = WebSocketConnectEvent | WebSocketMessageEvent | WebSocketDisconnectEvent;

/** The event type a route chooses; a whole connection (no route) gives any of them. */
export type WebSocketEventOf<Options> = Options extends { route: '$connect' }
  ? WebSocketConnectEvent
  : Options extends { route: '$disconnect' }
    ? WebSocketDisconnectEvent
    : Options extends { lifecycle: number }
      ? WebSocketEvent
      : WebSocketMessageEvent;
