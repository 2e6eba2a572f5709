/**
 * The supervised upstream: one configured MCP server behind the `Upstream` contract. It owns
 * request ids and correlation, per-call deadlines and cancellation, the in-flight bound, era
 * negotiation on every (re)connect, and restart with exponential backoff.
 *
 * States: starting → ready → down → (backoff) → starting … ; `stop()` → stopped, for good.
 */
import type { LimitsConfig, ServerConfig } from '../config/types.js';
import { PortcullisError, toWireError, type PortcullisErrorCode } from '../errors.js';
import { isObject, isRequest, isResponse, toOutcome, type JsonObject, type JsonRpcMessage, type JsonRpcRequest, type Outcome, type RequestId } from '../protocol/jsonrpc.js';
import { LATEST_MODERN_VERSION } from '../protocol/versions.js';
import type { Logger } from '../telemetry/logger.js';
import { createTransport } from './factory.js';
import { relayServerMessage, type CallEntry } from './relay.js';
import { backoffDelay, discoverParams, infoFromDiscover, infoFromInitialize, initializeParams, withModernEnvelope } from './negotiate.js';
import type { TransportMessageContext, Upstream, UpstreamEvents, UpstreamHealth, UpstreamInfo, UpstreamRequestOptions, UpstreamState, UpstreamTransport } from './types.js';

/** Collaborators of an upstream. */
export interface UpstreamDeps {
  log: Logger;
  limits: LimitsConfig;
  /** Replaces the network (tests): returns a fresh transport per connection attempt. */
  transportFactory?: (config: ServerConfig) => UpstreamTransport;
  /** How long the `auto` era probe waits for `server/discover`, in ms (default 3000). */
  probeTimeoutMs?: number;
  /** How long an upstream must stay ready before the backoff resets, in ms (default 30000). */
  stableMs?: number;
  /** Jitter source (tests). */
  random?: () => number;
}

/** Creates a supervised upstream for one server config. Call `start()` to connect. */
export function createUpstream(config: ServerConfig, events: UpstreamEvents, deps: UpstreamDeps): Upstream {
  return new SupervisedUpstream(config, events, deps);
}

const MAX_TIMER_MS = 2 ** 31 - 1;

const fail = (code: PortcullisErrorCode, message: string): Outcome => ({ error: toWireError(new PortcullisError(code, message)) });

class SupervisedUpstream implements Upstream {
  readonly name: string;
  private current: UpstreamState = 'down';
  private currentInfo: UpstreamInfo | undefined;
  private transport: UpstreamTransport | undefined;
  private transportClosed: string | undefined;
  private negotiating = false;
  /** Set when the child died on the `server/discover` probe: later reconnects go straight to initialize. */
  private skipProbe = false;
  private gen = 0;
  private nextId = 0;
  private readonly calls = new Map<RequestId, CallEntry>();
  private readonly serverRequests = { count: 0, max: 64 };
  private publicInFlight = 0;
  private restarts = 0;
  private attempt = 0;
  private lastError: string | undefined;
  private since = Date.now();
  private started = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private stableTimer: NodeJS.Timeout | undefined;
  private readonly factory: (config: ServerConfig) => UpstreamTransport;

  constructor(
    private readonly config: ServerConfig,
    private readonly events: UpstreamEvents,
    private readonly deps: UpstreamDeps,
  ) {
    this.name = config.name;
    this.factory =
      deps.transportFactory ??
      ((c) => createTransport(c, { log: deps.log, limits: deps.limits, onStderr: (line) => events.onStderr?.(c.name, line) }));
  }

  get state(): UpstreamState {
    return this.current;
  }

  get info(): UpstreamInfo | undefined {
    return this.current === 'ready' ? this.currentInfo : undefined;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
  }

  async request(method: string, params: JsonObject | undefined, options: UpstreamRequestOptions): Promise<Outcome> {
    if (this.stopped) return fail('PORTCULLIS_ERR_SHUTTING_DOWN', `upstream ${this.name} is stopped`);
    const info = this.currentInfo;
    if (this.current !== 'ready' || !this.transport || !info) return fail('PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE', `upstream ${this.name} is not available (${this.current})`);
    if (this.publicInFlight >= this.config.maxInFlight) {
      return fail('PORTCULLIS_ERR_UPSTREAM_BUSY', `upstream ${this.name} has too many calls in flight (${this.config.maxInFlight})`);
    }
    const sent = info.era === 'modern' ? withModernEnvelope(params, options.clientInfo, options.clientCapabilities) : params;
    this.publicInFlight++;
    try {
      return await this.call(method, sent, options.deadline, options);
    } finally {
      this.publicInFlight--;
    }
  }

  async notify(method: string, params?: JsonObject): Promise<void> {
    if (this.current !== 'ready' || !this.transport) return;
    try {
      await this.transport.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
    } catch (e) {
      this.deps.log.debug({ err: String(e), method }, 'upstream notification not sent');
    }
  }

  health(): UpstreamHealth {
    const info = this.info;
    return {
      name: this.name,
      transport: this.config.transport,
      state: this.current,
      ...(info ? { era: info.era, protocolVersion: info.protocolVersion } : {}),
      restarts: this.restarts,
      inFlight: this.publicInFlight,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
      since: this.since,
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.gen++;
    this.clearTimers();
    this.failAll('PORTCULLIS_ERR_SHUTTING_DOWN', `upstream ${this.name} is stopping`);
    this.setState('stopped');
    await this.detach();
  }

  /** One connection attempt: open the transport, negotiate the era, become ready (or go down). */
  private async connect(): Promise<void> {
    const gen = ++this.gen;
    this.setState('starting');
    this.negotiating = true;
    try {
      await this.open();
      const info = await this.negotiate(gen);
      this.negotiating = false;
      if (gen !== this.gen) return;
      if (this.transportClosed !== undefined) throw new Error(this.transportClosed);
      this.currentInfo = info;
      this.setState('ready');
      this.stableTimer = setTimeout(() => (this.attempt = 0), this.deps.stableMs ?? 30_000);
      this.stableTimer.unref();
    } catch (e) {
      this.negotiating = false;
      if (gen !== this.gen || this.stopped) return;
      await this.down(e instanceof Error ? e.message : String(e));
    }
  }

  private async negotiate(gen: number): Promise<UpstreamInfo> {
    const deadline = (): number => Date.now() + this.config.timeoutMs;
    if (this.config.era === 'legacy') return this.initialize(deadline());
    if (this.config.era === 'modern') {
      const r = await this.call('server/discover', discoverParams(), deadline());
      if ('error' in r) throw new Error(`server/discover failed: ${r.error.message}`);
      return this.modernReady(r.result, true);
    }
    if (this.skipProbe) return this.initialize(deadline());
    const probe = await this.call('server/discover', discoverParams(), Date.now() + (this.deps.probeTimeoutMs ?? 3000));
    if ('result' in probe) {
      const info = this.modernReady(probe.result, false);
      if (info) return info;
    }
    if (gen !== this.gen) throw new Error('superseded');
    if (this.transportClosed !== undefined) {
      this.deps.log.info({ reason: this.transportClosed }, 'upstream closed on the era probe; restarting it for initialize');
      this.skipProbe = true;
      await this.detach();
      await this.open();
    }
    return this.initialize(deadline());
  }

  private modernReady(result: JsonObject, required: true): UpstreamInfo;
  private modernReady(result: JsonObject, required: false): UpstreamInfo | undefined;
  private modernReady(result: JsonObject, required: boolean): UpstreamInfo | undefined {
    const info = infoFromDiscover(result);
    if (!info) {
      if (required) throw new Error(`upstream does not support ${LATEST_MODERN_VERSION}`);
      return undefined;
    }
    this.transport?.setProtocolVersion?.(info.protocolVersion, 'modern');
    return info;
  }

  private async initialize(deadline: number): Promise<UpstreamInfo> {
    const r = await this.call('initialize', initializeParams(), deadline);
    if ('error' in r) throw new Error(`initialize failed: ${r.error.message}`);
    const info = infoFromInitialize(r.result);
    const t = this.transport;
    if (!t) throw new Error('transport gone during initialize');
    t.setProtocolVersion?.(info.protocolVersion, 'legacy');
    await t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return info;
  }

  private async open(): Promise<void> {
    const t = this.factory(this.config);
    this.transport = t;
    this.transportClosed = undefined;
    t.onmessage = (m, ctx) => {
      if (this.transport === t) this.onMessage(m, ctx);
    };
    t.onclose = (reason) => {
      if (this.transport === t) this.onTransportClose(reason?.message ?? 'connection closed');
    };
    await t.start();
  }

  private async detach(): Promise<void> {
    const t = this.transport;
    this.transport = undefined;
    if (!t) return;
    t.onmessage = undefined;
    t.onclose = undefined;
    await t.close().catch((e: unknown) => this.deps.log.warn({ err: String(e) }, 'upstream transport close failed'));
  }

  private onTransportClose(reason: string): void {
    this.transportClosed = reason;
    this.failAll('PORTCULLIS_ERR_UPSTREAM_CLOSED', `upstream ${this.name} closed the connection`);
    if (this.negotiating || this.stopped) return;
    void this.down(reason);
  }

  private async down(reason: string): Promise<void> {
    this.gen++;
    this.clearTimers();
    this.currentInfo = undefined;
    this.lastError = reason;
    this.failAll('PORTCULLIS_ERR_UPSTREAM_CLOSED', `upstream ${this.name} closed the connection`);
    this.deps.log.warn({ reason }, 'upstream down');
    this.setState('down', reason);
    await this.detach();
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.config.restart.initialDelayMs, this.config.restart.maxDelayMs, this.deps.random);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts++;
      void this.connect();
    }, delay);
  }

  /** Sends one request and resolves with its outcome at the response, deadline, abort or close. */
  private call(method: string, params: JsonObject | undefined, deadline: number, options?: UpstreamRequestOptions): Promise<Outcome> {
    const t = this.transport;
    if (!t) return Promise.resolve(fail('PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE', `upstream ${this.name} is not connected`));
    const id = ++this.nextId;
    const token = isObject(params?._meta) ? params._meta.progressToken : undefined;
    const ctl = new AbortController();
    const signal = options?.signal;
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome): void => {
        if (!this.calls.delete(id)) return;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const cancel = (code: PortcullisErrorCode, message: string): void => {
        if (!this.calls.has(id)) return;
        finish(fail(code, message));
        this.cancelUpstream(t, id, message, ctl, options === undefined);
      };
      const onAbort = (): void => cancel('PORTCULLIS_ERR_CANCELLED', 'request cancelled');
      // No timer for an open-ended call (deadline = Infinity, e.g. subscriptions/listen); cap the rest at setTimeout's range.
      const timer = Number.isFinite(deadline)
        ? setTimeout(() => cancel('PORTCULLIS_ERR_DEADLINE', `upstream ${this.name} did not answer ${method} before the deadline`), Math.min(MAX_TIMER_MS, Math.max(0, deadline - Date.now())))
        : undefined;
      const entry: CallEntry = { finish, abort: () => ctl.abort(), ...(options ? { options } : {}), ...(typeof token === 'string' || typeof token === 'number' ? { progressToken: token } : {}) };
      this.calls.set(id, entry);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const message: JsonRpcRequest = params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };
      t.send(message, { signal: ctl.signal }).catch((e: unknown) => {
        this.deps.log.debug({ err: String(e), method }, 'upstream send failed');
        finish(fail('PORTCULLIS_ERR_UPSTREAM_CLOSED', `upstream ${this.name} closed the connection`));
      });
    });
  }

  /** Tells the server to stop working on a call: close its HTTP stream (modern HTTP) or notifications/cancelled. */
  private cancelUpstream(t: UpstreamTransport, id: number, reason: string, ctl: AbortController, internal: boolean): void {
    const modernHttp = this.currentInfo?.era === 'modern' && t.kind !== 'stdio';
    if (!internal && !modernHttp && this.transport === t) {
      const params: JsonObject = { requestId: id, reason };
      t.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: this.currentInfo?.era === 'modern' ? withModernEnvelope(params) : params }).catch(
        (e: unknown) => this.deps.log.debug({ err: String(e) }, 'notifications/cancelled not sent'),
      );
    }
    ctl.abort();
  }

  private onMessage(m: JsonRpcMessage, ctx: TransportMessageContext): void {
    if (isResponse(m)) {
      const entry = m.id === null ? undefined : this.calls.get(m.id);
      if (entry) entry.finish(toOutcome(m));
      else this.deps.log.debug({ id: m.id }, 'upstream response for no call in flight; dropped');
      return;
    }
    relayServerMessage(m, ctx, {
      name: this.name,
      calls: this.calls,
      events: this.events,
      log: this.deps.log,
      pending: this.serverRequests,
      reply: async (response) => {
        if (this.transport && isRequest(m)) await this.transport.send(response);
      },
    });
  }

  private failAll(code: PortcullisErrorCode, message: string): void {
    for (const entry of [...this.calls.values()]) {
      entry.finish(fail(code, message));
      entry.abort();
    }
  }

  private setState(state: UpstreamState, reason?: string): void {
    this.current = state;
    this.since = Date.now();
    try {
      this.events.onStateChange(this.name, state, this.info, reason);
    } catch (e) {
      this.deps.log.error({ err: String(e) }, 'onStateChange handler threw');
    }
  }

  private clearTimers(): void {
    clearTimeout(this.restartTimer);
    clearTimeout(this.stableTimer);
    this.restartTimer = undefined;
    this.stableTimer = undefined;
  }
}
