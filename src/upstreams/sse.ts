/**
 * The legacy HTTP+SSE transport (2024-11-05): a GET opens an SSE stream whose first `endpoint`
 * event names the URL to POST messages to; every server message arrives on that stream. Losing the
 * stream ends the connection.
 */
import { isRequest, type JsonRpcMessage } from '../protocol/jsonrpc.js';
import type { Logger } from '../telemetry/logger.js';
import { readSse } from './sse-reader.js';
import type { TransportMessageContext, UpstreamTransport } from './types.js';
import { errorFromBody, parseJsonRpc, readBounded, transportError } from './wire.js';

/** Options for a legacy SSE upstream. */
export interface SseTransportOptions {
  /** The SSE endpoint (GET). */
  url: string;
  headers: Record<string, string>;
  maxMessageBytes: number;
  log: Logger;
  fetch?: typeof fetch;
  /** How long to wait for the `endpoint` event, in ms (default 10000). */
  endpointTimeoutMs?: number;
}

/** A JSON-RPC connection over the legacy HTTP+SSE transport. */
export class SseTransport implements UpstreamTransport {
  readonly kind = 'sse' as const;
  onmessage?: (message: JsonRpcMessage, context: TransportMessageContext) => void;
  onclose?: (reason?: Error) => void;
  private endpoint: URL | undefined;
  private closed = false;
  private readonly ctl = new AbortController();
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: SseTransportOptions) {
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Opens the stream and waits for the `endpoint` event. */
  async start(): Promise<void> {
    const base = new URL(this.opts.url);
    const res = await this.fetch(base, { method: 'GET', headers: { ...this.opts.headers, accept: 'text/event-stream' }, signal: this.ctl.signal });
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`upstream SSE endpoint answered HTTP ${res.status}`);
    }
    let onEndpoint: (error?: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      onEndpoint = (error) => (error ? reject(error) : resolve());
    });
    const timer = setTimeout(() => onEndpoint(new Error('upstream SSE stream sent no endpoint event')), this.opts.endpointTimeoutMs ?? 10_000);
    const reading = readSse(res.body, this.opts.maxMessageBytes, {
      onEvent: (e) => {
        if (e.event === 'endpoint') {
          let url: URL | undefined;
          try {
            url = new URL(e.data.trim(), base);
          } catch {
            url = undefined;
          }
          if (!url || url.origin !== base.origin) return onEndpoint(new Error('upstream SSE endpoint event names another origin'));
          this.endpoint = url;
          return onEndpoint();
        }
        if (e.event !== undefined && e.event !== 'message') return;
        const decoded = parseJsonRpc(e.data);
        if (!decoded.ok) return this.opts.log.warn({ reason: decoded.reason }, 'upstream SSE event is not JSON-RPC; dropped');
        for (const m of decoded.messages) this.onmessage?.(m, {});
      },
    });
    void reading.then(
      () => this.lost(new Error('upstream SSE stream ended')),
      (e: unknown) => this.lost(new Error(`upstream SSE stream failed: ${e instanceof Error ? e.message : String(e)}`)),
    );
    void reading.finally(() => onEndpoint(new Error('upstream SSE stream ended before the endpoint event'))).catch(() => undefined);
    try {
      await ready;
    } catch (e) {
      this.closed = true;
      this.ctl.abort();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** POSTs one message to the endpoint; a failed request is answered with an error response. */
  async send(message: JsonRpcMessage): Promise<void> {
    if (this.closed || !this.endpoint) throw new Error('sse transport is not connected');
    try {
      const res = await this.fetch(this.endpoint, {
        method: 'POST',
        headers: { ...this.opts.headers, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: this.ctl.signal,
      });
      const text = await readBounded(res.body, this.opts.maxMessageBytes).catch(() => '');
      if (res.ok) return;
      if (!isRequest(message)) throw new Error(`upstream answered HTTP ${res.status}`);
      this.onmessage?.(errorFromBody(message.id, text) ?? transportError(message.id, `upstream answered HTTP ${res.status}`, { httpStatus: res.status }), {});
    } catch (e) {
      if (!isRequest(message) || this.closed) throw e;
      this.onmessage?.(transportError(message.id, `upstream request failed: ${e instanceof Error ? e.message : String(e)}`), {});
    }
  }

  /** Closes the stream. */
  close(): Promise<void> {
    this.closed = true;
    this.ctl.abort();
    return Promise.resolve();
  }

  private lost(reason: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.ctl.abort();
    this.onclose?.(reason);
  }
}
