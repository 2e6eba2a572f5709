/**
 * The terminal of the filter chain: answers what the gateway answers itself (initialize, discover,
 * ping, lists, logging level, subscriptions) and forwards the rest to the upstream that owns the
 * tool, prompt or resource, translating names and progress tokens on the way.
 */
import { PortcullisError, toWireError } from '../errors.js';
import type { Exchange } from '../pipeline/exchange.js';
import { ErrorCode, isObject, type JsonObject, type JsonRpcNotification, type JsonRpcRequest, type Outcome } from '../protocol/jsonrpc.js';
import { META, SUPPORTED_VERSIONS, MODERN_VERSIONS, negotiateLegacy } from '../protocol/versions.js';
import { checkParamHeaders } from '../protocol/param-headers.js';
import type { ProfileView } from '../routing/catalog.js';
import type { Upstream } from '../upstreams/types.js';
import { LIST_METHODS, servePage } from './lists.js';
import { fulfilForLegacyClient, isInputRequired, PARKED_PREFIX, type ParkedCalls } from './mrtr.js';
import type { GatewayIdentity } from './results.js';
import { ownerOf } from './owner.js';
import type { TaskRoutes } from './tasks.js';
import type { SessionRegistry } from './sessions.js';
import { LOG_LEVELS } from './sessions.js';

/** What the router needs from the core. */
export interface RouterContext {
  identity: GatewayIdentity;
  view(profile: string): ProfileView | undefined;
  upstream(name: string): Upstream | undefined;
  instructions(profile: string): string | undefined;
  registry: SessionRegistry;
  parked: ParkedCalls;
  tasks: TaskRoutes;
  /** Adds (or removes) a 2025 session's subscription, subscribing upstream on first use. */
  subscribe(sessionId: string, upstream: string, uri: string, on: boolean): Promise<Outcome>;
  /**
   * Calls in flight per upstream (seq → handlers), so that server messages the transport cannot
   * relate to a request (stdio, legacy SSE) can still reach the call that most likely caused them.
   */
  inflight: Map<string, Map<number, InflightForward>>;
  /** Forwards a client log level to the upstreams of a profile. */
  setUpstreamLogLevel(profile: string, level: string): void;
}

/** The handlers of one forwarded call. */
export interface InflightForward {
  onRequest: (r: JsonRpcRequest) => Promise<Outcome>;
  onNotification: (n: JsonRpcNotification) => void;
}

const ENVELOPE_KEYS = [META.protocolVersion, META.clientInfo, META.clientCapabilities];

/** Methods the 2026-07-28 revision removed: a modern client gets "method not found" (HTTP 404). */
const REMOVED_IN_MODERN = new Set(['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe', 'tasks/result', 'tasks/list']);

/**
 * The capabilities the gateway advertises to clients: everything it can route, plus the task
 * support (2025) or extensions (2026) of the profile's upstreams that are connected now.
 */
export function gatewayCapabilities(modern: boolean, upstreamCaps: readonly JsonObject[] = []): JsonObject {
  const caps: JsonObject = {
    tools: { listChanged: true },
    prompts: { listChanged: true },
    resources: { subscribe: true, listChanged: true },
    completions: {},
  };
  if (!modern) caps.logging = {};
  const key = modern ? 'extensions' : 'tasks';
  let merged: JsonObject | undefined;
  for (const c of upstreamCaps) if (isObject(c[key])) merged = deepMerge(merged ?? {}, c[key]);
  if (merged) caps[key] = merged;
  return caps;
}

function deepMerge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as JsonObject, v) : v;
  return out;
}

function upstreamCapabilities(ctx: RouterContext, view: ProfileView, era: 'legacy' | 'modern'): JsonObject[] {
  const out: JsonObject[] = [];
  for (const u of view.upstreams) {
    const info = ctx.upstream(u)?.info;
    if (info && info.era === era) out.push(info.capabilities);
  }
  return out;
}


/** Routes one exchange to its outcome. */
export async function route(ctx: RouterContext, ex: Exchange): Promise<Outcome> {
  const params = (ex.message.params ?? {}) as JsonObject;
  const view = ctx.view(ex.client.profile);
  if (view === undefined) return err(ErrorCode.InvalidParams, `Unknown profile ${ex.client.profile}`);
  if (ex.client.era === 'modern' && REMOVED_IN_MODERN.has(ex.method)) return err(ErrorCode.MethodNotFound, `Method not found: ${ex.method} is not part of protocol revision ${ex.client.protocolVersion}`);
  switch (ex.method) {
    case 'initialize': {
      const version = negotiateLegacy(params.protocolVersion);
      const result: JsonObject = { protocolVersion: version, capabilities: gatewayCapabilities(false, upstreamCapabilities(ctx, view, 'legacy')), serverInfo: ctx.identity };
      const instructions = ctx.instructions(ex.client.profile);
      if (instructions) result.instructions = instructions;
      return { result };
    }
    case 'server/discover': {
      const result: JsonObject = { supportedVersions: [...MODERN_VERSIONS], capabilities: gatewayCapabilities(true, upstreamCapabilities(ctx, view, 'modern')), ttlMs: 0, cacheScope: 'private' };
      const instructions = ctx.instructions(ex.client.profile);
      if (instructions) result.instructions = instructions;
      return { result };
    }
    case 'ping':
      return { result: {} };
    case 'tools/list':
    case 'prompts/list':
    case 'resources/list':
    case 'resources/templates/list':
      return servePage(view, LIST_METHODS[ex.method]!, params.cursor);
    case 'tools/call':
    case 'prompts/get': {
      const isTool = ex.method === 'tools/call';
      const name = params.name;
      if (typeof name !== 'string') return err(ErrorCode.InvalidParams, 'params.name must be a string');
      const entry = (isTool ? view.toolByName : view.promptByName).get(name);
      if (!entry) {
        const hidden = (isTool ? view.hiddenTools : view.hiddenPrompts).get(name);
        if (hidden !== undefined) return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_QUARANTINED', `${isTool ? 'Tool' : 'Prompt'} ${name.slice(0, 128)} is unavailable: ${hidden}`)) };
        return { error: toWireError(new PortcullisError(isTool ? 'PORTCULLIS_ERR_UNKNOWN_TOOL' : 'PORTCULLIS_ERR_UNKNOWN_PROMPT', `Unknown ${isTool ? 'tool' : 'prompt'}: ${name.slice(0, 128)}`)) };
      }
      if (isTool && ex.client.paramHeaders !== undefined) {
        const mismatch = checkParamHeaders(entry.def.inputSchema, params.arguments, ex.client.paramHeaders);
        if (mismatch !== undefined) return err(ErrorCode.HeaderMismatch, `Header mismatch: ${mismatch}`);
      }
      ex.target = { upstream: entry.upstream, name: entry.original };
      return forward(ctx, ex, entry.upstream, { ...params, name: entry.original });
    }
    case 'resources/read':
    case 'resources/subscribe':
    case 'resources/unsubscribe': {
      const uri = params.uri;
      if (typeof uri !== 'string') return err(ErrorCode.InvalidParams, 'params.uri must be a string');
      const hidden = view.hiddenResources.get(uri);
      if (hidden !== undefined) return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_QUARANTINED', `Resource ${uri.slice(0, 256)} is unavailable: ${hidden}`)) };
      const owner = resourceOwner(ctx, view, uri);
      if (owner === undefined) {
        return ex.client.era === 'modern' ? err(ErrorCode.InvalidParams, `Resource not found: ${uri}`, { uri }) : err(ErrorCode.ResourceNotFound, `Resource not found: ${uri}`, { uri });
      }
      ex.target = { upstream: owner, name: uri };
      if (ex.method === 'resources/read') return forward(ctx, ex, owner, params);
      return ctx.subscribe(ex.client.sessionId, owner, uri, ex.method === 'resources/subscribe');
    }
    case 'completion/complete':
      return complete(ctx, ex, view, params);
    case 'logging/setLevel': {
      const level = params.level;
      const i = typeof level === 'string' ? LOG_LEVELS.indexOf(level) : -1;
      if (i === -1) return err(ErrorCode.InvalidParams, `Invalid log level; expected one of ${LOG_LEVELS.join(', ')}`);
      ctx.registry.logLevels.set(ex.client.sessionId, i);
      ctx.setUpstreamLogLevel(ex.client.profile, level as string);
      return { result: {} };
    }
    case 'tasks/get':
    case 'tasks/result':
    case 'tasks/cancel':
    case 'tasks/update': {
      const upstream = ctx.tasks.lookup(params.taskId, ownerOf(ex));
      if (upstream === undefined) return err(ErrorCode.InvalidParams, 'Unknown task');
      ex.target = { upstream, name: String(params.taskId) };
      return forward(ctx, ex, upstream, params);
    }
    case 'tasks/list':
      return listTasks(ctx, ex, view);
    default:
      return err(ErrorCode.MethodNotFound, `Method not found: ${ex.method}`);
  }
}

/** Merges the caller's tasks from every upstream of the profile that lists tasks. */
async function listTasks(ctx: RouterContext, ex: Exchange, view: ProfileView): Promise<Outcome> {
  const owner = ownerOf(ex);
  const lists = await Promise.all(
    view.upstreams.map(async (u) => {
      const up = ctx.upstream(u);
      const tasksCap = up?.info?.capabilities.tasks;
      if (!up || !isObject(tasksCap) || !tasksCap.list) return [];
      const out = await up.request('tasks/list', {}, { signal: ex.signal, deadline: ex.deadline });
      return 'result' in out ? ctx.tasks.filterOwned(out.result.tasks, owner) : [];
    }),
  );
  return { result: { tasks: lists.flat() } };
}

function err(code: number, message: string, data?: unknown): Outcome {
  return data === undefined ? { error: { code, message } } : { error: { code, message, data } };
}

function resourceOwner(ctx: RouterContext, view: ProfileView, uri: string): string | undefined {
  const direct = view.resourceOwner.get(uri);
  if (direct) return direct;
  for (const t of view.templates) if (t.matcher?.test(uri)) return t.upstream;
  // A resource neither listed nor templated: the only upstream that serves resources may still own it.
  const withResources = view.upstreams.filter((u) => isObject(ctx.upstream(u)?.info?.capabilities?.resources));
  return withResources.length === 1 ? withResources[0] : undefined;
}

async function complete(ctx: RouterContext, ex: Exchange, view: ProfileView, params: JsonObject): Promise<Outcome> {
  const ref = params.ref;
  if (!isObject(ref)) return err(ErrorCode.InvalidParams, 'params.ref must be an object');
  if (ref.type === 'ref/prompt' && typeof ref.name === 'string') {
    const entry = view.promptByName.get(ref.name);
    if (!entry) return err(ErrorCode.InvalidParams, `Unknown prompt: ${ref.name}`);
    ex.target = { upstream: entry.upstream, name: entry.original };
    return forward(ctx, ex, entry.upstream, { ...params, ref: { ...ref, name: entry.original } });
  }
  if (ref.type === 'ref/resource' && typeof ref.uri === 'string') {
    const owner = view.templates.find((t) => t.def.uriTemplate === ref.uri)?.upstream ?? resourceOwner(ctx, view, ref.uri);
    if (!owner) return err(ErrorCode.InvalidParams, `Unknown resource template: ${ref.uri}`);
    ex.target = { upstream: owner, name: ref.uri };
    return forward(ctx, ex, owner, params);
  }
  return err(ErrorCode.InvalidParams, 'Unsupported completion reference');
}

/** Forwards a request to an upstream and brings its outcome back in the client's terms. */
export async function forward(ctx: RouterContext, ex: Exchange, upstreamName: string, params: JsonObject): Promise<Outcome> {
  const up = ctx.upstream(upstreamName);
  if (!up) return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE', `Server ${upstreamName} is not available`)) };
  const modernClient = ex.client.era === 'modern';
  const legacyUpstream = up.info?.era === 'legacy';
  if (modernClient && typeof params.requestState === 'string' && (legacyUpstream || params.requestState.startsWith(PARKED_PREFIX))) {
    // A 2025 server never mints requestState: any state sent towards one must be the gateway's own.
    return ctx.parked.resume(ex, params);
  }
  const meta = isObject(params._meta) ? { ...params._meta } : undefined;
  const sent: JsonObject = { ...params };
  let progressToken: unknown;
  if (meta) {
    if (legacyUpstream) for (const k of [...ENVELOPE_KEYS, META.logLevel]) delete meta[k];
    if (meta.progressToken !== undefined) {
      progressToken = meta.progressToken;
      meta.progressToken = `p${ex.seq}`;
    }
    if (Object.keys(meta).length === 0) delete sent._meta;
    else sent._meta = meta;
  }
  if (!modernClient && !legacyUpstream) {
    // A 2026 server logs only when the request asks for a level; a 2025 client sets one per session.
    const level = ctx.registry.logLevels.get(ex.client.sessionId);
    sent._meta = { ...(isObject(sent._meta) ? sent._meta : {}), [META.logLevel]: LOG_LEVELS[level ?? 0] };
  }
  const wantsLogs = !modernClient || (isObject(params._meta) && params._meta[META.logLevel] !== undefined);
  const onNotification = (n: JsonRpcNotification): void => {
    if (n.method === 'notifications/progress') {
      if (progressToken === undefined) return;
      ex.channel.notify({ jsonrpc: '2.0', method: n.method, params: { ...(n.params ?? {}), progressToken } as JsonObject });
      return;
    }
    if (n.method === 'notifications/message' && !wantsLogs) return;
    ex.channel.notify(n);
  };
  const base = { deadline: ex.deadline, clientInfo: ex.client.clientInfo, clientCapabilities: ex.client.clientCapabilities, onNotification };
  let calls = ctx.inflight.get(upstreamName);
  if (!calls) ctx.inflight.set(upstreamName, (calls = new Map()));
  const track = <T>(onRequest: (r: JsonRpcRequest) => Promise<Outcome>, p: () => Promise<T>): Promise<T> => {
    calls.set(ex.seq, { onRequest, onNotification });
    return p().finally(() => calls.delete(ex.seq));
  };
  if (modernClient && legacyUpstream) {
    return ctx.parked.start(ex, ex.deadline, (signal, onRequest) => track(onRequest, () => up.request(ex.method, sent, { ...base, signal, onRequest })));
  }
  const onRequest = async (r: JsonRpcRequest): Promise<Outcome> => {
    if (!ex.channel.canRequest) return err(ErrorCode.MethodNotFound, `The client cannot receive ${r.method}`);
    try {
      return { result: await ex.channel.request(r.method, r.params, ex.signal) };
    } catch (e) {
      return { error: toWireError(e) };
    }
  };
  const call = (extra: JsonObject): Promise<Outcome> => up.request(ex.method, { ...sent, ...extra }, { ...base, signal: ex.signal, onRequest });
  let outcome = await track(onRequest, () => call({}));
  if (!modernClient && isInputRequired(outcome)) outcome = await fulfilForLegacyClient(outcome, ex, call);
  ctx.tasks.record(outcome, upstreamName, ownerOf(ex), ex.client.sessionId);
  return outcome;
}

/** Versions a client may ask for, for error data. */
export const ALL_VERSIONS = SUPPORTED_VERSIONS;
