/**
 * One 2025-era (sessionful) client session: its client context, its SSE streams (the standalone GET
 * stream and one per POSTed request), a bounded replay log for `Last-Event-ID` resumption, and the
 * server-to-client requests waiting for the client's answer. An idle session holds a handful of
 * fields and empty collections; it owns no timer.
 */
import type { ServerResponse } from 'node:http';
import { PortcullisError } from '../../errors.js';
import type { ClientContext, Principal } from '../../pipeline/exchange.js';
import type { JsonObject, JsonRpcMessage, JsonRpcResponse } from '../../protocol/jsonrpc.js';
import { sendJson } from './respond.js';
import { SseStream, type KeepAlive } from './sse.js';
import { ClientRequests } from '../client-requests.js';

/** Bounds of one session's buffers. */
export interface SessionBounds {
  /** Events kept for replay (and for delivery once a GET stream opens). */
  replayEvents: number;
  /** Bytes of event data kept for replay. */
  replayBytes: number;
  /** Server-to-client requests awaiting an answer. */
  maxPending: number;
}

/** Default session bounds. */
export const DEFAULT_BOUNDS: SessionBounds = { replayEvents: 256, replayBytes: 1 << 20, maxPending: 64 };

/** One SSE stream of a session: 0 is the standalone GET stream, others belong to a POSTed request. */
export interface StreamState {
  readonly no: number;
  /** Sequence number of the last event assigned. */
  seq: number;
  /** Sequence number of the last event written to a connection. */
  delivered: number;
  /** The POST response not yet switched to SSE (plain JSON answer still possible). */
  res?: ServerResponse;
  sse?: SseStream;
  done: boolean;
  /** The client listed `text/event-stream` before `application/json`: answer as a stream. */
  preferSse?: boolean;
}

interface ReplayEntry {
  readonly no: number;
  readonly seq: number;
  readonly data: string;
}


/** How this session reaches its client: Streamable HTTP (2025) or the deprecated HTTP+SSE (2024). */
export type LegacyTransport = 'streamable' | 'sse';

/** A 2025-era client session. */
export class LegacySession {
  readonly id: string;
  readonly transport: LegacyTransport;
  /** The context every exchange of this session runs in (its principal may be replaced by authn). */
  client: ClientContext;
  lastSeen = Date.now();
  /** Requests of this session being served. */
  active = 0;
  closed = false;
  /** Unregisters the session sink from the core. */
  detach: (() => void) | undefined;
  readonly standalone: StreamState = { no: 0, seq: 0, delivered: 0, done: false };
  private readonly keepAlive: KeepAlive;
  private readonly bounds: SessionBounds;
  private replay: ReplayEntry[] = [];
  private replayBytes = 0;
  private nextStream = 1;
  private posts: Map<number, StreamState> | undefined;
  private pending: ClientRequests | undefined;
  /** Client request id → controller, to honour notifications/cancelled. */
  inflight: Map<string, AbortController> | undefined;

  constructor(id: string, transport: LegacyTransport, client: ClientContext, keepAlive: KeepAlive, bounds: SessionBounds = DEFAULT_BOUNDS) {
    this.id = id;
    this.transport = transport;
    this.client = client;
    this.keepAlive = keepAlive;
    this.bounds = bounds;
  }

  /** The principal the session is bound to. */
  get principal(): Principal {
    return this.client.principal;
  }

  /** The profile the session is bound to. */
  get profile(): string {
    return this.client.profile;
  }

  /** True while a request is served or a stream is open: the idle sweep spares it. */
  get busy(): boolean {
    return this.active > 0 || (this.standalone.sse !== undefined && !this.standalone.sse.isClosed) || (this.pending?.size ?? 0) > 0;
  }

  /** Starts the stream of one POSTed request, answered on `res`. */
  openStream(res: ServerResponse, preferSse = false): StreamState {
    const s: StreamState = { no: this.nextStream++, seq: 0, delivered: 0, res, done: false, preferSse };
    (this.posts ??= new Map()).set(s.no, s);
    return s;
  }

  /** Sends a message on a stream (switching a POST answer to SSE), logging it for replay. */
  emit(stream: StreamState, msg: JsonRpcMessage, headers?: Record<string, string>): void {
    if (this.closed) return;
    const data = JSON.stringify(msg);
    if (this.transport === 'sse') {
      this.standalone.sse?.send(data, undefined, 'message');
      return;
    }
    if (stream.sse === undefined && stream.res !== undefined && !stream.res.writableEnded && !stream.res.destroyed) {
      stream.sse = new SseStream(stream.res, this.keepAlive, headers);
    }
    stream.seq += 1;
    this.remember({ no: stream.no, seq: stream.seq, data });
    if (stream.sse !== undefined && stream.sse.send(data, `${stream.no}_${stream.seq}`)) stream.delivered = stream.seq;
  }

  /** Sends the final response of a POSTed request and ends its stream. */
  finish(stream: StreamState, msg: JsonRpcMessage, headers?: Record<string, string>): void {
    if (this.transport === 'sse') {
      // One stream carries everything and outlives each request.
      this.emit(stream, msg);
      return;
    }
    if (stream.sse === undefined && stream.res !== undefined && !stream.preferSse) {
      sendJson(stream.res, 200, msg, headers);
    } else {
      this.emit(stream, msg, headers);
      stream.sse?.end();
    }
    stream.done = true;
    stream.res = undefined;
    this.posts?.delete(stream.no);
    // Everything reached the client: nothing left to replay for this stream.
    if (stream.seq > 0 && stream.delivered === stream.seq) this.forget(stream.no);
  }

  /**
   * Attaches a GET connection to a stream: the standalone stream (flushing what was buffered while
   * none was open), or a resumed stream after `lastSeq`. Returns false if that stream already has a
   * live connection (409).
   */
  attach(no: number, lastSeq: number | undefined, res: ServerResponse): boolean {
    const stream = no === 0 ? this.standalone : this.posts?.get(no);
    if (stream?.sse !== undefined && !stream.sse.isClosed) return false;
    const sse = new SseStream(res, this.keepAlive);
    const after = lastSeq ?? stream?.delivered ?? 0;
    for (const e of this.replay) {
      if (e.no === no && e.seq > after) sse.send(e.data, `${e.no}_${e.seq}`);
    }
    if (stream === undefined || stream.done) {
      sse.end();
      return true;
    }
    stream.delivered = stream.seq;
    stream.sse = sse;
    stream.res = undefined;
    return true;
  }

  /** Sends a server-to-client request on a stream and waits for the client's answer. */
  request(stream: StreamState, method: string, params: JsonObject | undefined, signal: AbortSignal): Promise<JsonObject> {
    if (this.closed) return Promise.reject(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_CLOSED', 'Client session closed'));
    this.pending ??= new ClientRequests(this.bounds.maxPending);
    // The request goes on its stream; a later cancellation on the standalone stream if that one ended.
    return this.pending.request(method, params, signal, (m) => this.emit('id' in m || !stream.done ? stream : this.standalone, m));
  }

  /** Delivers a client's response to a server-to-client request; false when nothing waits for it. */
  resolve(msg: JsonRpcResponse): boolean {
    return this.pending?.resolve(msg) ?? false;
  }

  /** Ends the session: rejects waiting requests, aborts requests in flight, ends open streams. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach?.();
    this.detach = undefined;
    const gone = new PortcullisError('PORTCULLIS_ERR_UPSTREAM_CLOSED', 'Client session closed');
    this.pending?.rejectAll(gone);
    for (const c of this.inflight?.values() ?? []) c.abort();
    this.standalone.sse?.end();
    for (const s of this.posts?.values() ?? []) {
      s.sse?.end();
      s.done = true;
    }
    this.posts?.clear();
    this.replay = [];
    this.replayBytes = 0;
  }

  private forget(no: number): void {
    this.replay = this.replay.filter((e) => e.no !== no);
    this.replayBytes = this.replay.reduce((n, e) => n + e.data.length, 0);
  }

  private remember(e: ReplayEntry): void {
    this.replay.push(e);
    this.replayBytes += e.data.length;
    while (this.replay.length > this.bounds.replayEvents || (this.replayBytes > this.bounds.replayBytes && this.replay.length > 1)) {
      const old = this.replay.shift()!;
      this.replayBytes -= old.data.length;
    }
  }
}
