import type { HttpRequestOptions } from '../http/options.js';

/** A WebSocket API event through a Lambda proxy integration (FORMATS-api-identity §2). */
export interface WebSocketOptions
  extends Pick<HttpRequestOptions, 'query' | 'headers' | 'cookies' | 'sourceIp' | 'userAgent' | 'host'> {
  /**
   * `$connect`, `$disconnect`, `$default` or a custom route key. Without it every event is a
   * `$default` message, or, with `lifecycle`, one connection from `$connect` to `$disconnect`.
   */
  route?: string;
  /** A whole connection of this many events (at least 2): `$connect`, messages on `$default`, `$disconnect`. */
  lifecycle?: number;
  /** A message's frame: text, or bytes (not UTF-8: a binary frame). */
  body?: string | Uint8Array;
  /** A JSON message, serialised. */
  json?: unknown;
  /** The connection's id, `[A-Za-z0-9_-]{15}=` (default: a new one). */
  connectionId?: string;
  /** `$disconnect`: the close code (default 1001, a browser tab closed). */
  disconnectStatus?: number;
  /** `$disconnect`: the close reason ("" when none). */
  disconnectReason?: string;
  stage?: string;
}
