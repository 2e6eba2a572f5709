/**
 * Our Streamable HTTP client transport, for both protocol eras.
 *
 * - legacy (2025-03-26 .. 2025-11-25): `Mcp-Session-Id` captured from the initialize response and
 *   sent afterwards, `MCP-Protocol-Version` once negotiated, an optional GET stream for unrelated
 *   server messages, SSE resumption with `Last-Event-ID`, DELETE of the session on close.
 * - modern (2026-07-28): no session; every POST carries `MCP-Protocol-Version`, `Mcp-Method` and,
 *   for named methods, `Mcp-Name`. Aborting a request's signal closes its stream (cancellation).
 *
 * Every message read from a request's POST response is delivered with `relatedRequestId` set to
 * that request's id. HTTP-level failures become JSON-RPC error responses for that id.
 */
import type { EventSourceMessage } from 'eventsource-parser';
import { isObject, isRequest, isResponse, type JsonRpcMessage, type JsonRpcRequest } from '../protocol/jsonrpc.js';
import { eraOf, META, type Era } from '../protocol/versions.js';
import type { Logger } from '../telemetry/logger.js';
import { encodeHeaderValue } from '../protocol/param-headers.js';
import { fetchClient, poolClient, type HttpClient, type HttpResponse } from './http-client.js';
import { ParamHeaderRegistry } from './param-headers.js';
import { readSse } from './sse-reader.js';
import type { TransportMessageContext, TransportSendOptions, UpstreamTransport } from './types.js';
import { errorFromBody, parseJsonRpc, readBounded, transportError } from './wire.js';

/** Options for a Streamable HTTP upstream. */
export interface StreamableHttpOptions {
  url: string;
  /** Static headers (already resolved from config). */
  headers: Record<string, string>;
  maxMessageBytes: number;
  log: Logger;
  /** Sends through this fetch instead of the built-in undici pool (tests, custom agents). */
  fetch?: typeof fetch;
  /** Reconnect attempts for a dropped SSE stream (default 3). */
  maxReconnects?: number;
  /** Delay before a reconnect when the server sent no `retry:` hint, in ms (default 500). */
  reconnectDelayMs?: number;
}

const NAMED: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

/** A JSON-RPC connection to a Streamable HTTP server. */
export class StreamableHttpTransport implements UpstreamTransport {
  readonly kind = 'streamable-http' as const;
  onmessage?: (message: JsonRpcMessage, context: TransportMessageContext) => void;
  onclose?: (reason?: Error) => void;
  private sessionId: string | undefined;
  private version: string | undefined;
  private era: Era | undefined;
  private closed = false;
  private readonly http: HttpClient;
  /** Aborted at close: ends reconnect waits and GET streams (requests end with the pool). */
  private readonly life = new AbortController();
  /** `x-mcp-header` annotations learned from `tools/list` (2026-07-28). */
  private readonly paramHeaders: ParamHeaderRegistry;

  constructor(private readonly opts: StreamableHttpOptions) {
    this.http = opts.fetch ? fetchClient(opts.url, opts.fetch) : poolClient(opts.url);
    this.paramHeaders = new ParamHeaderRegistry(10_000, (tool, reason) => opts.log.warn({ tool, reason }, 'upstream tool left out: invalid x-mcp-header'));
  }

  /** Validates the URL; the connection itself is opened per request. */
  start(): Promise<void> {
    const url = new URL(this.opts.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`unsupported URL scheme ${url.protocol}`));
    return Promise.resolve();
  }

  /** Records the negotiated version; it decides the era's headers from now on. */
  setProtocolVersion(version: string, era: Era): void {
    this.version = version;
    this.era = era;
  }

  /**
   * Sends one message. A request is answered asynchronously through `onmessage` (never throws for
   * HTTP failures); notifications and responses resolve once the server accepted them.
   */
  async send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) throw new Error('streamable-http transport is closed');
    if (isRequest(message)) {
      void this.runRequest(message, options?.signal).catch((e: unknown) => this.opts.log.error({ err: String(e) }, 'upstream request failed'));
      return;
    }
    const res = await this.post(message, undefined);
    await res.discard().catch(() => undefined);
    if (res.status === 404 && this.sessionId !== undefined) return this.expire();
    if (!ok(res)) throw new Error(`upstream answered HTTP ${res.status}`);
    if ('method' in message && message.method === 'notifications/initialized' && this.sessionId !== undefined) {
      void this.openGetStream();
    }
  }

  /** Aborts every open stream and ends the session (DELETE) if there is one. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.life.abort();
    const sessionId = this.sessionId;
    this.sessionId = undefined;
    // The DELETE goes out on a fresh client: closing the pool ends everything else at once.
    await this.http.close();
    if (sessionId === undefined) return;
    const once = this.opts.fetch ? fetchClient(this.opts.url, this.opts.fetch) : poolClient(this.opts.url);
    try {
      const res = await once.send({ method: 'DELETE', headers: this.baseHeaders(sessionId), signal: AbortSignal.timeout(2000) });
      await res.discard().catch(() => undefined);
    } catch (e) {
      this.opts.log.debug({ err: String(e) }, 'upstream session DELETE failed');
    } finally {
      await once.close();
    }
  }

  private async runRequest(msg: JsonRpcRequest, signal: AbortSignal | undefined): Promise<void> {
    let answered = false;
    const stopped = (): boolean => signal?.aborted === true || this.closed;
    const learnTools = msg.method === 'tools/list' && this.isModern(msg);
    const deliver = (m: JsonRpcMessage): void => {
      if (isResponse(m) && m.id === msg.id) {
        answered = true;
        if (learnTools && 'result' in m) m = { ...m, result: this.paramHeaders.learn(m.result) };
      }
      this.onmessage?.(m, { relatedRequestId: msg.id });
    };
    const hadSession = this.sessionId !== undefined;
    try {
      const res = await this.post(msg, signal);
      const sid = res.header('mcp-session-id');
      if (sid && msg.method === 'initialize' && ok(res)) this.sessionId = sid;
      if (!ok(res)) {
        const text = await readBounded(res.body, this.opts.maxMessageBytes).catch(() => '');
        deliver(errorFromBody(msg.id, text) ?? transportError(msg.id, `upstream answered HTTP ${res.status}`, { httpStatus: res.status }));
        if (res.status === 404 && hadSession) this.expire();
        return;
      }
      const type = res.header('content-type') ?? '';
      if (type.includes('text/event-stream')) {
        await this.pump(res.body, signal, deliver, () => answered, true);
      } else if (type.includes('application/json')) {
        const decoded = parseJsonRpc(await readBounded(res.body, this.opts.maxMessageBytes));
        if (decoded.ok) decoded.messages.forEach(deliver);
        else deliver(transportError(msg.id, `upstream sent a body that is not JSON-RPC (${decoded.reason})`));
      } else {
        await res.discard().catch(() => undefined);
      }
      if (!answered && !stopped()) deliver(transportError(msg.id, 'upstream ended the response without answering'));
    } catch (e) {
      if (!stopped() && !answered) deliver(transportError(msg.id, `upstream request failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** Reads an SSE stream, resuming it with `Last-Event-ID` when it drops (bounded). */
  private async pump(body: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined, deliver: (m: JsonRpcMessage) => void, done: () => boolean, needId: boolean): Promise<void> {
    let lastId: string | undefined;
    let retryMs = this.opts.reconnectDelayMs ?? 500;
    let attempts = 0;
    let current: AsyncIterable<Uint8Array> | undefined = body;
    const stopped = (): boolean => signal?.aborted === true || this.closed;
    const max = this.opts.maxReconnects ?? 3;
    while (current) {
      try {
        await readSse(current, this.opts.maxMessageBytes, {
          onEvent: (e) => {
            if (e.id) lastId = e.id;
            attempts = 0;
            this.onEvent(e, deliver);
          },
          onRetry: (ms) => (retryMs = Math.min(ms, 30_000)),
        });
      } catch (e) {
        if (stopped()) return;
        this.opts.log.debug({ err: String(e) }, 'upstream SSE stream dropped');
      }
      if (done() || stopped() || this.era === 'modern') return;
      if ((needId && lastId === undefined) || attempts >= max || this.sessionId === undefined) return;
      attempts++;
      await delay(retryMs, signal ?? this.life.signal);
      if (stopped()) return;
      current = (await this.get(signal, lastId))?.body;
    }
  }

  private onEvent(e: EventSourceMessage, deliver: (m: JsonRpcMessage) => void): void {
    if (e.data.length === 0 || (e.event !== undefined && e.event !== 'message')) return;
    const decoded = parseJsonRpc(e.data);
    if (!decoded.ok) {
      this.opts.log.warn({ reason: decoded.reason }, 'upstream SSE event is not JSON-RPC; dropped');
      return;
    }
    decoded.messages.forEach(deliver);
  }

  /** Opens the optional GET stream of a legacy session (405 = the server offers none). */
  private async openGetStream(): Promise<void> {
    try {
      const res = await this.get(undefined, undefined);
      if (res) await this.pump(res.body, undefined, (m) => this.onmessage?.(m, {}), () => false, false);
    } catch (e) {
      if (!this.closed) this.opts.log.debug({ err: String(e) }, 'upstream GET stream failed');
    }
  }

  private async get(signal: AbortSignal | undefined, lastEventId: string | undefined): Promise<HttpResponse | undefined> {
    if (this.sessionId === undefined) return undefined;
    const headers: Record<string, string> = { ...this.baseHeaders(this.sessionId), accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    try {
      const res = await this.http.send({ method: 'GET', headers, ...(signal ? { signal } : {}) });
      if (ok(res) && (res.header('content-type') ?? '').includes('text/event-stream')) return res;
      await res.discard().catch(() => undefined);
      if (res.status === 404) this.expire();
      else if (res.status !== 405) this.opts.log.debug({ status: res.status }, 'upstream refused the GET stream');
    } catch (e) {
      if (!signal?.aborted && !this.closed) this.opts.log.debug({ err: String(e) }, 'upstream GET failed');
    }
    return undefined;
  }

  private post(message: JsonRpcMessage, signal: AbortSignal | undefined): Promise<HttpResponse> {
    return this.http.send({ method: 'POST', headers: this.headersFor(message), body: JSON.stringify(message), ...(signal ? { signal } : {}) });
  }

  private headersFor(message: JsonRpcMessage): Record<string, string> {
    const params = 'method' in message ? message.params : undefined;
    const metaVersion = versionOf(message);
    const modern = this.isModern(message);
    const h = this.baseHeaders(modern ? undefined : this.sessionId);
    h['content-type'] = 'application/json';
    h.accept = 'application/json, text/event-stream';
    if (!modern || !('method' in message)) return h;
    const version = metaVersion ?? this.version;
    if (version !== undefined) h['mcp-protocol-version'] = version;
    h['mcp-method'] = message.method;
    const key = NAMED[message.method];
    const name = key === undefined ? undefined : params?.[key];
    if (typeof name === 'string') h['mcp-name'] = encodeHeaderValue(name);
    if (message.method === 'tools/call' && typeof name === 'string') Object.assign(h, this.paramHeaders.headersFor(name, params?.arguments));
    return h;
  }

  /** A message goes out with 2026-07-28 headers once that era is set, or when its `_meta` names a modern version. */
  private isModern(message: JsonRpcMessage): boolean {
    const v = versionOf(message);
    return this.era === 'modern' || (v !== undefined && eraOf(v) === 'modern');
  }

  private baseHeaders(sessionId: string | undefined): Record<string, string> {
    const h: Record<string, string> = { ...this.opts.headers };
    if (this.version !== undefined) h['mcp-protocol-version'] = this.version;
    if (sessionId !== undefined) h['mcp-session-id'] = sessionId;
    return h;
  }

  private expire(): void {
    if (this.closed) return;
    this.closed = true;
    this.sessionId = undefined;
    this.life.abort();
    void this.http.close();
    this.onclose?.(new Error('upstream session expired (HTTP 404)'));
  }
}

const ok = (res: HttpResponse): boolean => res.status >= 200 && res.status < 300;

function versionOf(message: JsonRpcMessage): string | undefined {
  const params = 'method' in message ? message.params : undefined;
  const meta = isObject(params?._meta) ? params._meta : undefined;
  const v = meta?.[META.protocolVersion];
  return typeof v === 'string' ? v : undefined;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
