/**
 * The answer to one POSTed request, chosen lazily: plain `application/json` when the core returns the
 * result without anything before it (the hot path), an SSE stream as soon as a related message
 * (progress, log, a server-to-client request) must go out before the result.
 */
import type { ServerResponse } from 'node:http';
import type { JsonRpcMessage } from '../../protocol/jsonrpc.js';
import { sendJson } from './respond.js';
import { SseStream, type KeepAlive } from './sse.js';

/** A per-request responder that upgrades itself to SSE on the first message before the result. */
export class LazyReply {
  private sse: SseStream | undefined;
  private readonly res: ServerResponse;
  private readonly keepAlive: KeepAlive;
  private readonly headers: Record<string, string>;
  private readonly preferSse: boolean;

  /** `headers` go out with whichever answer is chosen (e.g. `mcp-session-id`). */
  constructor(res: ServerResponse, keepAlive: KeepAlive, headers: Record<string, string> = {}, preferSse = false) {
    this.res = res;
    this.preferSse = preferSse;
    this.keepAlive = keepAlive;
    this.headers = headers;
  }

  /** True once the client went away or the answer is complete. */
  get isClosed(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  /** Sends a message before the result, switching to SSE. Returns false when the client is gone. */
  send(message: JsonRpcMessage, id?: string): boolean {
    if (this.isClosed) return false;
    this.sse ??= new SseStream(this.res, this.keepAlive, this.headers);
    return this.sse.send(JSON.stringify(message), id);
  }

  /** Sends the final message and ends the answer; `status` applies to a plain JSON answer only. */
  finish(message: JsonRpcMessage, status = 200, id?: string): void {
    if (this.preferSse && status === 200 && !this.isClosed) this.sse ??= new SseStream(this.res, this.keepAlive, this.headers);
    if (this.sse) {
      this.sse.send(JSON.stringify(message), id);
      this.sse.end();
      return;
    }
    sendJson(this.res, status, message, this.headers);
  }
}
