/**
 * The gateway core: owns the running config snapshot, the upstreams, the catalog and the compiled
 * filter chain, and implements what the ingress adapters call (`GatewayCore`). Upstream traffic that
 * is not a response (list changes, resource updates, log messages, unrelated server requests) fans
 * in here and out to the right client sessions.
 */
import type { GatewayConfig, ServerConfig } from '../config/types.js';
import { PortcullisError, toWireError } from '../errors.js';
import type { ClientChannel, ClientContext, Exchange } from '../pipeline/exchange.js';
import { compileChain, type CompiledChain, type Filter } from '../pipeline/filter.js';
import { ErrorCode, isObject, type JsonObject, type JsonRpcNotification, type JsonRpcRequest, type Outcome, type RequestId } from '../protocol/jsonrpc.js';
import { paramHeadersOf } from '../protocol/param-headers.js';
import { META } from '../protocol/versions.js';
import { Catalog, type ListKind } from '../routing/catalog.js';
import type { Logger } from '../telemetry/logger.js';
import type { Upstream, UpstreamEvents, UpstreamInfo, UpstreamState } from '../upstreams/types.js';
import { ParkedCalls } from './mrtr.js';
import { shapeOutcome, type GatewayIdentity } from './results.js';
import { route, type InflightForward, type RouterContext } from './router.js';
import { SessionRegistry } from './sessions.js';
import { TaskRoutes } from './tasks.js';
import type { GatewayCore, ListenFilter, SessionSink } from './types.js';
import { UpstreamListeners } from './upstream-listen.js';
import { UpstreamSubscriptions } from './upstream-subscriptions.js';
import { ListRefresher } from './list-refresh.js';
import { SurfaceGuard } from './surface.js';
import type { PinStore } from '../storage/pin-store.js';

/** Builds one upstream from its config. */
export type UpstreamFactory = (config: ServerConfig, events: UpstreamEvents) => Upstream;

/** What the core is built from. */
export interface GatewayOptions {
  config: GatewayConfig;
  log: Logger;
  identity: GatewayIdentity;
  createUpstream: UpstreamFactory;
  /** Builds the filter list for a config generation (policies). */
  filters: (config: GatewayConfig) => Filter[];
  /** Opens the pin store (absent: definitions are screened but not pinned). */
  openPinStore?: (config: GatewayConfig) => Promise<PinStore>;
}

const ALL_KINDS: readonly ListKind[] = ['tools', 'prompts', 'resources', 'templates'];

/** Longest a client's first request waits for upstreams that are still starting. */
const WARMUP_MS = 10_000;

const LIST_NOTIFICATIONS: Record<ListKind, string> = {
  tools: 'notifications/tools/list_changed',
  prompts: 'notifications/prompts/list_changed',
  resources: 'notifications/resources/list_changed',
  templates: 'notifications/resources/list_changed',
};
const LISTEN_FLAG: Record<string, keyof ListenFilter> = {
  'notifications/tools/list_changed': 'toolsListChanged',
  'notifications/prompts/list_changed': 'promptsListChanged',
  'notifications/resources/list_changed': 'resourcesListChanged',
};

/** The gateway core. */
export class Gateway implements GatewayCore {
  private config: GatewayConfig;
  private readonly log: Logger;
  private readonly opts: GatewayOptions;
  private readonly catalog: Catalog;
  private readonly upstreams = new Map<string, Upstream>();
  private readonly registry = new SessionRegistry();
  private readonly parked = new ParkedCalls();
  private readonly tasks = new TaskRoutes();
  private readonly inflight = new Map<string, Map<number, InflightForward>>();
  private readonly listens: UpstreamListeners;
  private readonly upstreamSubs: UpstreamSubscriptions;
  private chain: CompiledChain;
  /** Upstreams that have not finished their first connect and listing yet → resolves when they have. */
  private readonly warming = new Map<string, { done: Promise<void>; resolve: () => void }>();
  private seq = 0;
  private stopping = false;
  private readonly routerCtx: RouterContext;
  private readonly events: UpstreamEvents;
  private readonly guard: SurfaceGuard;
  private readonly lists: ListRefresher;

  constructor(opts: GatewayOptions) {
    this.opts = opts;
    this.config = opts.config;
    this.log = opts.log;
    this.guard = new SurfaceGuard({
      log: this.log,
      config: () => this.config,
      openStore: () => opts.openPinStore?.(this.config),
      onDecisionsChanged: (servers) => this.surfaceChanged(servers),
    });
    this.catalog = new Catalog(this.catalogSettings());
    this.chain = compileChain(opts.filters(this.config), (ex) => route(this.routerCtx, ex));
    this.routerCtx = {
      identity: opts.identity,
      view: (p) => this.catalog.view(p),
      upstream: (n) => this.upstreams.get(n),
      instructions: (p) => this.instructions(p),
      registry: this.registry,
      parked: this.parked,
      tasks: this.tasks,
      subscribe: (s, u, uri, on) => this.subscribe(s, u, uri, on),
      inflight: this.inflight,
      setUpstreamLogLevel: (p, level) => this.setUpstreamLogLevel(p, level),
    };
    this.events = {
      onNotification: (u, n) => this.onUpstreamNotification(u, n),
      onRequest: (u, r) => this.onUpstreamRequest(u, r),
      onStateChange: (u, s, info, reason) => this.onUpstreamState(u, s, info, reason),
      onStderr: (u, line) => this.log.info({ upstream: u, stderr: line.slice(0, 2000) }, 'upstream stderr'),
    };
    this.lists = new ListRefresher({
      log: this.log,
      upstream: (n) => this.upstreams.get(n),
      upstreamNames: () => this.upstreams.keys(),
      current: (n) => this.catalog.upstreamLists(n),
      timeoutMs: () => Math.min(this.config.limits.requestTimeoutMs, 30_000),
      review: (n, l, i) => this.guard.review(n, l, i),
      apply: (n, l, changed) => this.applyLists(n, l, changed),
      done: (n) => this.warmed(n),
    });
    this.listens = new UpstreamListeners(this.log, (u, n) => this.onUpstreamNotification(u, n));
    this.upstreamSubs = new UpstreamSubscriptions((n) => this.upstreams.get(n), this.listens);
  }

  /** The running config. */
  get currentConfig(): GatewayConfig {
    return this.config;
  }

  /** Starts every enabled upstream. */
  start(): void {
    for (const s of Object.values(this.config.servers)) if (!s.disabled) this.addUpstream(s);
    this.guard.start();
    this.lists.schedule(this.config.security.refreshIntervalMs);
  }

  /** Why a tool is hidden in a profile (quarantined or blocked), if it is. */
  hiddenToolReason(profile: string, tool: string): string | undefined {
    return this.catalog.view(profile)?.hiddenTools.get(tool);
  }

  /** Health of every upstream; `listed` says whether its lists are served yet. */
  health(): ReturnType<Upstream['health']>[] {
    return [...this.upstreams.values()].map((u) => ({ ...u.health(), listed: u.state === 'ready' && !this.warming.has(u.name) }));
  }

  /** Counts for the admin API and tests. */
  stats(): { sessions: number; listeners: number; inflight: number; parked: number } {
    return { sessions: this.registry.sinks.size, listeners: this.registry.listeners.size, inflight: this.registry.inflight.size, parked: this.parked.size };
  }

  /**
   * Swaps in a new config: restarts only the servers whose config changed, rebuilds views and the
   * chain, and tells sessions whose lists changed. Sessions stay open.
   */
  reload(next: GatewayConfig): void {
    const prev = this.config;
    this.config = next;
    for (const [name, up] of this.upstreams) {
      const n = next.servers[name];
      if (n === undefined || n.disabled || JSON.stringify(n) !== JSON.stringify(prev.servers[name])) {
        this.upstreams.delete(name);
        this.warmed(name);
        this.listens.stop(name);
        void up.stop().catch((e: unknown) => this.log.warn({ err: e, upstream: name }, 'stopping upstream failed'));
        this.catalog.setUpstream(name, undefined);
        this.guard.forget(name);
      }
    }
    if (next.security.refreshIntervalMs !== prev.security.refreshIntervalMs) this.lists.schedule(next.security.refreshIntervalMs);
    this.catalog.configure(this.catalogSettings());
    this.chain = compileChain(this.opts.filters(next), (ex) => route(this.routerCtx, ex));
    for (const s of Object.values(next.servers)) if (!s.disabled && !this.upstreams.has(s.name)) this.addUpstream(s);
    for (const kind of ['tools', 'prompts', 'resources'] as const) this.broadcast(new Set(Object.keys(next.profiles)), LIST_NOTIFICATIONS[kind]);
  }

  /** Stops everything: cancels parked calls, stops upstreams (and their children). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.lists.stop();
    for (const name of [...this.warming.keys()]) this.warmed(name);
    this.parked.clear();
    this.listens.stopAll();
    for (const c of this.registry.inflight.values()) c.abort();
    await Promise.allSettled([...this.upstreams.values()].map((u) => u.stop()));
    this.upstreams.clear();
    await this.guard.stop();
  }

  /** True if a profile exposes a tool of that (exposed) name. */
  isExposedTool(profile: string, tool: string): boolean {
    return this.catalog.view(profile)?.toolByName.has(tool) ?? false;
  }

  hasProfile(profile: string): boolean {
    return profile in this.config.profiles;
  }

  async handleRequest(client: ClientContext, request: JsonRpcRequest, channel: ClientChannel, signal: AbortSignal): Promise<Outcome> {
    if (this.stopping) return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_SHUTTING_DOWN', 'Portcullis is shutting down')) };
    if (this.warming.size > 0) await this.warmUp(client.profile, signal);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const key = SessionRegistry.key(client.sessionId, request.id);
    this.registry.inflight.set(key, controller);
    const now = Date.now();
    const ex: Exchange = {
      seq: ++this.seq,
      message: request,
      method: request.method,
      id: request.id,
      client,
      channel,
      signal: controller.signal,
      deadline: now + this.config.limits.requestTimeoutMs,
      startedAt: now,
      decisions: [],
      log: this.log,
    };
    try {
      const outcome = await this.chain.run(ex);
      return shapeOutcome(outcome, request.method, client.era, this.opts.identity);
    } catch (err) {
      this.log.error({ err, method: request.method }, 'exchange failed');
      return { error: toWireError(err) };
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.registry.inflight.delete(key);
    }
  }

  handleNotification(client: ClientContext, n: JsonRpcNotification): void {
    if (n.method === 'notifications/cancelled') {
      const id = n.params?.requestId;
      if (typeof id === 'string' || typeof id === 'number') this.registry.inflight.get(SessionRegistry.key(client.sessionId, id))?.abort();
      return;
    }
    if (n.method === 'notifications/roots/list_changed') {
      for (const name of this.catalog.view(client.profile)?.upstreams ?? []) {
        const up = this.upstreams.get(name);
        if (up?.info?.era === 'legacy') void up.notify(n.method, n.params);
      }
    }
  }

  attachSession(session: SessionSink): () => void {
    this.registry.sinks.set(session.sessionId, session);
    return () => {
      if (this.registry.sinks.get(session.sessionId) === session) this.registry.sinks.delete(session.sessionId);
    };
  }

  closeSession(sessionId: string): void {
    const uris = this.registry.close(sessionId);
    for (const uri of uris) this.upstreamSubs.release(uri);
  }

  async listen(client: ClientContext, filter: ListenFilter, subscriptionId: RequestId, send: (n: JsonRpcNotification) => void, signal: AbortSignal): Promise<void> {
    const honored: ListenFilter = {};
    if (filter.toolsListChanged) honored.toolsListChanged = true;
    if (filter.promptsListChanged) honored.promptsListChanged = true;
    if (filter.resourcesListChanged) honored.resourcesListChanged = true;
    const view = this.catalog.view(client.profile);
    if (Array.isArray(filter.resourceSubscriptions)) honored.resourceSubscriptions = filter.resourceSubscriptions.filter((u) => typeof u === 'string').slice(0, 1000);
    send({ jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: { _meta: { [META.subscriptionId]: subscriptionId }, notifications: honored as JsonObject } });
    if (signal.aborted) return;
    const listener = { profile: client.profile, filter: honored, subscriptionId, send };
    this.registry.listeners.add(listener);
    for (const uri of honored.resourceSubscriptions ?? []) {
      const owner = view?.resourceOwner.get(uri) ?? view?.templates.find((t) => t.matcher?.test(uri))?.upstream;
      if (owner) void this.upstreamSubs.acquire(owner, uri);
    }
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.registry.listeners.delete(listener);
    for (const uri of honored.resourceSubscriptions ?? []) this.upstreamSubs.release(uri);
  }

  /**
   * Right after start (or after a server is added or reconnects), a client's request waits a little
   * for the profile's upstreams to finish connecting and listing, so `initialize`, `tools/list` and a
   * call to a server that just came back already see its tools. Bounded: a slow server does not hold
   * clients for long.
   */
  private async warmUp(profile: string, signal: AbortSignal): Promise<void> {
    const pending = (this.config.profiles[profile]?.servers ?? []).map((s) => this.warming.get(s)?.done).filter((p) => p !== undefined);
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(pending),
      new Promise<void>((r) => {
        timer = setTimeout(r, WARMUP_MS);
        signal.addEventListener('abort', () => r(), { once: true });
      }),
    ]);
    clearTimeout(timer);
  }

  /** Marks an upstream as warming (its lists are on their way) unless it already is. */
  private arm(name: string): void {
    if (this.warming.has(name)) return;
    let resolve: () => void = () => {};
    const done = new Promise<void>((r) => (resolve = r));
    this.warming.set(name, { done, resolve });
  }

  private warmed(name: string): void {
    this.warming.get(name)?.resolve();
    this.warming.delete(name);
  }

  private catalogSettings(): ConstructorParameters<typeof Catalog>[0] {
    return {
      separator: this.config.namespaceSeparator,
      servers: this.config.servers,
      profiles: this.config.profiles,
      hidden: (profile, upstream, kind, def) => this.guard.hiddenReason(profile, upstream, kind, def),
    };
  }

  private addUpstream(s: ServerConfig): void {
    this.arm(s.name);
    const up = this.opts.createUpstream(s, this.events);
    this.upstreams.set(s.name, up);
    up.start();
  }

  private instructions(profile: string): string | undefined {
    const view = this.catalog.view(profile);
    const parts: string[] = [];
    for (const name of view?.upstreams ?? []) {
      const text = this.guard.servedInstructions(name, this.upstreams.get(name)?.info?.instructions);
      if (text) parts.push(`## ${name}\n${text}`);
    }
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  }

  private onUpstreamState(name: string, state: UpstreamState, info: UpstreamInfo | undefined, reason?: string): void {
    this.log.info({ upstream: name, state, era: info?.era, version: info?.protocolVersion, reason }, 'upstream state');
    if (this.upstreams.get(name) === undefined) return;
    if (state === 'ready') {
      // Until the (re)connected server's lists are fetched, screened and installed, its tools are
      // unknown: hold requests (bounded, as at start) rather than answer "unknown tool".
      this.arm(name);
      this.lists.refresh(name);
      const up = this.upstreams.get(name);
      if (up && info?.era === 'modern') this.listens.start(up, this.upstreamSubs.urisOf(name));
      this.upstreamSubs.restore(name);
    } else {
      this.listens.stop(name);
      this.applyLists(name, undefined);
      this.guard.forget(name);
      if (state !== 'starting') this.warmed(name);
    }
  }

  private applyLists(name: string, lists: Parameters<Catalog['setUpstream']>[1], decisionsChanged = false): void {
    if (lists) {
      // A tool whose x-mcp-header annotations break the rules is left out (2026-07-28 client duty).
      const tools = lists.tools.filter((t) => {
        const check = paramHeadersOf(t.inputSchema);
        if (check instanceof Error) this.log.warn({ upstream: name, tool: t.name, reason: check.message }, 'tool left out: invalid x-mcp-header');
        return !(check instanceof Error);
      });
      if (tools.length !== lists.tools.length) lists = { ...lists, tools };
    }
    const changed = this.catalog.setUpstream(name, lists);
    // A review may change what is served without changing the lists (a quarantine, a revert).
    if (decisionsChanged && changed.length === 0) {
      this.catalog.invalidate();
      changed.push(...ALL_KINDS);
    }
    const profiles = new Set(this.catalog.profilesOf(name));
    const sent = new Set<string>();
    for (const kind of changed) {
      const method = LIST_NOTIFICATIONS[kind];
      if (sent.has(method)) continue;
      sent.add(method);
      this.broadcast(profiles, method);
    }
  }

  /** The guard's decisions changed (an admin approved or rejected): rebuild views, tell clients. */
  private surfaceChanged(servers: readonly string[]): void {
    this.catalog.invalidate();
    const profiles = new Set(servers.flatMap((s) => this.catalog.profilesOf(s)));
    for (const method of new Set(Object.values(LIST_NOTIFICATIONS))) this.broadcast(profiles, method);
  }

  /** Sends a list-changed notification to every session and listener of the given profiles. */
  private broadcast(profiles: ReadonlySet<string>, method: string): void {
    const n: JsonRpcNotification = { jsonrpc: '2.0', method };
    for (const s of this.registry.sinksOf(profiles)) s.notify(n);
    const flag = LISTEN_FLAG[method];
    for (const l of this.registry.listeners) {
      if (!profiles.has(l.profile) || !flag || !l.filter[flag]) continue;
      l.send({ jsonrpc: '2.0', method, params: { _meta: { [META.subscriptionId]: l.subscriptionId } } });
    }
  }

  private onUpstreamNotification(name: string, n: JsonRpcNotification): void {
    const kind = ({ 'notifications/tools/list_changed': ['tools'], 'notifications/prompts/list_changed': ['prompts'], 'notifications/resources/list_changed': ['resources', 'templates'] } as Record<string, ListKind[]>)[n.method];
    if (kind) {
      this.lists.refresh(name, kind);
      return;
    }
    if (n.method === 'notifications/resources/updated') {
      const uri = n.params?.uri;
      if (typeof uri !== 'string') return;
      for (const [sid, uris] of this.registry.subscriptions) if (uris.has(uri)) this.registry.sinks.get(sid)?.notify({ jsonrpc: '2.0', method: n.method, params: { uri } });
      for (const l of this.registry.listeners) {
        if (l.filter.resourceSubscriptions?.includes(uri)) l.send({ jsonrpc: '2.0', method: n.method, params: { uri, _meta: { [META.subscriptionId]: l.subscriptionId } } });
      }
      return;
    }
    if (n.method === 'notifications/tasks/status') {
      const sid = this.tasks.sessionOf(n.params?.taskId);
      if (sid !== undefined) this.registry.sinks.get(sid)?.notify(n);
      return;
    }
    if (n.method === 'notifications/message') {
      const calls = this.inflight.get(name);
      if (calls?.size === 1) {
        // Exactly one call in flight: the message belongs to it (stdio cannot say so itself).
        for (const c of calls.values()) c.onNotification(n);
        return;
      }
      const profiles = new Set(this.catalog.profilesOf(name));
      for (const s of this.registry.sinksOf(profiles)) if (s.era === 'legacy' && this.registry.wantsLog(s.sessionId, n.params?.level)) s.notify(n);
    }
  }

  private async onUpstreamRequest(name: string, r: JsonRpcRequest): Promise<Outcome> {
    if (r.method === 'ping') return { result: {} };
    // Not related by the transport: most likely caused by the newest call in flight to this server.
    const calls = this.inflight.get(name);
    if (calls !== undefined && calls.size > 0) {
      const newest = [...calls.values()].at(-1)!;
      return newest.onRequest(r);
    }
    const profiles = new Set(this.catalog.profilesOf(name));
    const cap = r.method === 'roots/list' ? 'roots' : r.method === 'sampling/createMessage' ? 'sampling' : r.method === 'elicitation/create' ? 'elicitation' : undefined;
    const candidates = this.registry.sinksOf(profiles).filter((s) => cap !== undefined && isObject(s.clientCapabilities[cap]));
    const target = candidates[candidates.length - 1];
    if (!target) return { error: { code: ErrorCode.MethodNotFound, message: `No connected client can answer ${r.method}` } };
    try {
      return { result: await target.request(r.method, r.params, AbortSignal.timeout(this.config.limits.requestTimeoutMs)) };
    } catch (err) {
      return { error: toWireError(err) };
    }
  }

  private async subscribe(sessionId: string, upstream: string, uri: string, on: boolean): Promise<Outcome> {
    let set = this.registry.subscriptions.get(sessionId);
    if (on) {
      if (!set) this.registry.subscriptions.set(sessionId, (set = new Set()));
      if (set.has(uri)) return { result: {} };
      if (set.size >= 1000) return { error: { code: ErrorCode.InvalidParams, message: 'Too many subscriptions' } };
      set.add(uri);
      return this.upstreamSubs.acquire(upstream, uri);
    }
    if (set?.delete(uri)) this.upstreamSubs.release(uri);
    return { result: {} };
  }

  private setUpstreamLogLevel(profile: string, level: string): void {
    for (const name of this.catalog.view(profile)?.upstreams ?? []) {
      const up = this.upstreams.get(name);
      if (up?.info?.era === 'legacy' && isObject(up.info.capabilities.logging)) {
        void up.request('logging/setLevel', { level }, { signal: AbortSignal.timeout(10_000), deadline: Date.now() + 10_000 });
      }
    }
  }
}
