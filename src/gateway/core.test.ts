import { DEFAULT_ACTIONS } from '../config/security.js';
import { describe, expect, it } from 'vitest';
import type { GatewayConfig, ServerConfig } from '../config/types.js';
import { ANONYMOUS, type ClientChannel, type ClientContext } from '../pipeline/exchange.js';
import type { JsonObject, JsonRpcNotification, JsonRpcRequest, Outcome } from '../protocol/jsonrpc.js';
import { silentLogger } from '../telemetry/logger.js';
import type { Upstream, UpstreamEvents, UpstreamInfo, UpstreamRequestOptions } from '../upstreams/types.js';
import { Gateway } from './core.js';
import { defaultFilters } from '../policies/defaults.js';
import type { Filter } from '../pipeline/filter.js';

/** An in-memory upstream: the seam the router talks to, scripted per test. */
class ScriptedUpstream implements Upstream {
  state: Upstream['state'] = 'starting';
  info: UpstreamInfo | undefined;
  calls: { method: string; params: JsonObject | undefined }[] = [];
  constructor(
    readonly name: string,
    private readonly events: UpstreamEvents,
    private readonly era: 'legacy' | 'modern',
    public handler: (method: string, params: JsonObject | undefined, o: UpstreamRequestOptions) => Promise<Outcome>,
  ) {}
  start(): void {
    this.state = 'ready';
    this.info = { era: this.era, protocolVersion: this.era === 'modern' ? '2026-07-28' : '2025-11-25', serverInfo: { name: this.name, version: '1' }, capabilities: { tools: { listChanged: true }, prompts: {}, resources: {} }, instructions: `use ${this.name}` };
    this.events.onStateChange(this.name, 'ready', this.info);
  }
  request(method: string, params: JsonObject | undefined, o: UpstreamRequestOptions): Promise<Outcome> {
    this.calls.push({ method, params });
    return this.handler(method, params, o);
  }
  async notify(): Promise<void> {}
  health() {
    return { name: this.name, transport: 'stdio' as const, state: this.state, restarts: 0, inFlight: 0, since: 0 };
  }
  async stop(): Promise<void> {
    this.state = 'stopped';
  }
}

function server(name: string, prefix = name): ServerConfig {
  return { name, transport: 'stdio', command: 'x', args: [], env: {}, headers: {}, era: 'auto', prefix, timeoutMs: 5000, maxInFlight: 8, restart: { initialDelayMs: 10, maxDelayMs: 100 }, disabled: false, security: { actions: { ...DEFAULT_ACTIONS }, mode: 'tofu', newItems: 'auto-if-clean', pinTls: false } };
}

function config(servers: ServerConfig[], profiles: GatewayConfig['profiles'] = {}): GatewayConfig {
  const s = Object.fromEntries(servers.map((x) => [x.name, x]));
  return {
    listen: { host: '127.0.0.1', port: 0, allowedOrigins: [], allowedHosts: [] },
    limits: { maxBodyBytes: 1 << 20, maxUpstreamMessageBytes: 1 << 22, maxResultBytes: 1 << 20, requestTimeoutMs: 5000, sessionIdleMs: 60000, maxSessions: 10 },
    logging: { level: 'silent' },
    namespaceSeparator: '__',
    filters: ['access-log', 'deadline', 'size-limit', 'profile-tools'],
    servers: s,
    security: { screening: true, classifier: true, pinning: false, actions: { ...DEFAULT_ACTIONS }, mode: 'tofu', newItems: 'auto-if-clean', refreshIntervalMs: 0, pinTls: false },
    state: { dir: '/nonexistent', pins: 'memory' },
    profiles: { default: { name: 'default', servers: Object.keys(s), tools: { allow: [], deny: [] }, rename: {}, descriptions: {} }, ...profiles },
    source: 'test',
  };
}

const tools = (names: string[]) => ({ result: { tools: names.map((n) => ({ name: n, description: `${n} tool`, inputSchema: { type: 'object' } })) } });

function client(era: 'legacy' | 'modern', profile = 'default'): ClientContext {
  return { sessionId: 's1', era, protocolVersion: era === 'modern' ? '2026-07-28' : '2025-11-25', profile, clientCapabilities: { sampling: {} }, principal: ANONYMOUS };
}

function channel(notes: JsonRpcNotification[] = [], answer?: (m: string, p?: JsonObject) => JsonObject): ClientChannel {
  return { canRequest: answer !== undefined, notify: (n) => notes.push(n), request: async (m, p) => answer!(m, p) };
}

async function setup(profiles: GatewayConfig['profiles'] = {}, modernB = false) {
  const ups = new Map<string, ScriptedUpstream>();
  const gw: Gateway = new Gateway({
    config: config([server('a'), server('b')], profiles),
    log: silentLogger(),
    identity: { name: 'portcullis', version: 'test' },
    createUpstream: (cfg, events) => {
      const names = cfg.name === 'a' ? ['echo', 'add'] : ['echo', 'x'.repeat(70)];
      const u = new ScriptedUpstream(cfg.name, events, cfg.name === 'b' && modernB ? 'modern' : 'legacy', async (m, p) => {
        if (m === 'tools/list') return tools(names);
        if (m === 'tools/call') return { result: { content: [{ type: 'text', text: `${cfg.name}:${String(p?.name)}` }] } };
        return { result: m.endsWith('/list') ? { prompts: [], resources: [], resourceTemplates: [] } : {} };
      });
      ups.set(cfg.name, u);
      return u;
    },
    filters: (c): Filter[] => defaultFilters(c, { isExposed: (p, t) => gw.isExposedTool(p, t), hiddenReason: (p, t) => gw.hiddenToolReason(p, t) }),
  });
  gw.start();
  await new Promise((r) => setTimeout(r, 20));
  return { gw, ups };
}

const req = (method: string, params?: JsonObject, id = 1): JsonRpcRequest => ({ jsonrpc: '2.0', id, method, params });

describe('Gateway core', () => {
  it('merges namespaced tools from every upstream in a deterministic order, within 64 characters', async () => {
    const { gw } = await setup();
    const out = await gw.handleRequest(client('legacy'), req('tools/list'), channel(), new AbortController().signal);
    expect('result' in out).toBe(true);
    const names = ((out as { result: JsonObject }).result.tools as { name: string }[]).map((t) => t.name);
    expect(names.slice(0, 3)).toEqual(['a__echo', 'a__add', 'b__echo']);
    expect(names[3]!.length).toBe(64);
    await gw.stop();
  });

  it('routes a call to the owning upstream under its original name', async () => {
    const { gw, ups } = await setup();
    const out = await gw.handleRequest(client('legacy'), req('tools/call', { name: 'b__echo', arguments: {} }), channel(), new AbortController().signal);
    expect(out).toEqual({ result: { content: [{ type: 'text', text: 'b:echo' }] } });
    expect(ups.get('b')!.calls.at(-1)).toMatchObject({ method: 'tools/call', params: { name: 'echo' } });
    const unknown = await gw.handleRequest(client('legacy'), req('tools/call', { name: 'nope' }), channel(), new AbortController().signal);
    expect('error' in unknown && unknown.error.code).toBe(-32602);
    await gw.stop();
  });

  it('applies profile allow/deny globs, rename and description override, and refuses calls outside', async () => {
    const { gw } = await setup({ dev: { name: 'dev', servers: ['a'], tools: { allow: ['a__*'], deny: ['a__add'] }, rename: { a__echo: 'say' }, descriptions: { a__echo: 'Says it' } } });
    const out = await gw.handleRequest(client('legacy', 'dev'), req('tools/list'), channel(), new AbortController().signal);
    expect((out as { result: JsonObject }).result.tools).toEqual([{ name: 'say', description: 'Says it', inputSchema: { type: 'object' } }]);
    const denied = await gw.handleRequest(client('legacy', 'dev'), req('tools/call', { name: 'a__add' }), channel(), new AbortController().signal);
    expect('error' in denied).toBe(true);
    await gw.stop();
  });

  it('answers modern clients with resultType, cache fields and its own serverInfo', async () => {
    const { gw } = await setup();
    const out = await gw.handleRequest(client('modern'), req('tools/list'), channel(), new AbortController().signal);
    expect((out as { result: JsonObject }).result).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'portcullis' } } });
    const d = await gw.handleRequest(client('modern'), req('server/discover'), channel(), new AbortController().signal);
    expect((d as { result: JsonObject }).result).toMatchObject({ supportedVersions: ['2026-07-28'], instructions: expect.stringContaining('use a') });
    await gw.stop();
  });

  it('tells sessions when an upstream list changes and when an upstream goes down', async () => {
    const { gw, ups } = await setup();
    const notes: JsonRpcNotification[] = [];
    gw.attachSession({ sessionId: 's1', profile: 'default', era: 'legacy', clientCapabilities: {}, notify: (n) => notes.push(n), request: async () => ({}) });
    ups.get('a')!.handler = async (m) => (m === 'tools/list' ? tools(['echo', 'add', 'new']) : { result: {} });
    (gw as unknown as { events: UpstreamEvents }).events.onNotification('a', { jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    await new Promise((r) => setTimeout(r, 20));
    expect(notes.map((n) => n.method)).toContain('notifications/tools/list_changed');
    const out = await gw.handleRequest(client('legacy'), req('tools/list'), channel(), new AbortController().signal);
    expect(((out as { result: JsonObject }).result.tools as { name: string }[]).map((t: { name: string }) => t.name)).toContain('a__new');
    await gw.stop();
  });

  it('holds a call to a server that just reconnected until its lists are served, and is not ready meanwhile', async () => {
    const { gw, ups } = await setup();
    const a = ups.get('a')!;
    const events = (gw as unknown as { events: UpstreamEvents }).events;
    a.state = 'down';
    events.onStateChange('a', 'down', a.info, 'crashed');
    const gone = await gw.handleRequest(client('legacy'), req('tools/call', { name: 'a__echo', arguments: {} }), channel(), new AbortController().signal);
    expect('error' in gone).toBe(true);
    // It comes back, but listing takes a while.
    let release: () => void = () => {};
    const listed = new Promise<void>((r) => (release = r));
    const plain = a.handler;
    a.handler = async (m, p, o) => {
      if (m === 'tools/list') await listed;
      return plain(m, p, o);
    };
    a.state = 'ready';
    events.onStateChange('a', 'ready', a.info);
    expect(gw.health().find((h) => h.name === 'a')).toMatchObject({ state: 'ready', listed: false });
    const call = gw.handleRequest(client('legacy'), req('tools/call', { name: 'a__echo', arguments: {} }), channel(), new AbortController().signal);
    const early = await Promise.race([call.then(() => 'answered'), new Promise((r) => setTimeout(() => r('held'), 50))]);
    expect(early).toBe('held');
    release();
    expect(await call).toEqual({ result: { content: [{ type: 'text', text: 'a:echo' }] } });
    expect(gw.health().find((h) => h.name === 'a')).toMatchObject({ state: 'ready', listed: true });
    await gw.stop();
  });

  it('relays a 2025 server-to-client request of a 2025 server to a 2026 client as input_required, then resumes', async () => {
    const { gw, ups } = await setup();
    ups.get('a')!.handler = async (m, _p, o) => {
      if (m !== 'tools/call') return { result: {} };
      const answer = await o.onRequest!({ jsonrpc: '2.0', id: 9, method: 'sampling/createMessage', params: { messages: [] } });
      return { result: { content: [{ type: 'text', text: JSON.stringify(answer) }] } };
    };
    const first = await gw.handleRequest(client('modern'), req('tools/call', { name: 'a__echo' }), channel(), new AbortController().signal);
    const r1 = (first as { result: JsonObject }).result;
    expect(r1.resultType).toBe('input_required');
    const [key] = Object.keys(r1.inputRequests as JsonObject);
    const second = await gw.handleRequest(client('modern'), req('tools/call', { name: 'a__echo', inputResponses: { [key!]: { role: 'assistant', content: { type: 'text', text: 'hi' } } }, requestState: r1.requestState }, 2), channel(), new AbortController().signal);
    expect(JSON.stringify((second as { result: JsonObject }).result.content)).toContain('hi');
    await gw.stop();
  });

  it('fulfils a 2026 server input_required for a 2025 client by asking the client, then retries', async () => {
    const { gw, ups } = await setup({}, true);
    ups.get('b')!.handler = async (m, p) => {
      if (m !== 'tools/call') return { result: {} };
      if (p?.inputResponses) return { result: { content: [{ type: 'text', text: JSON.stringify(p.inputResponses) }], resultType: 'complete' } };
      return { result: { resultType: 'input_required', inputRequests: { s: { method: 'sampling/createMessage', params: { messages: [] } } }, requestState: 'st' } };
    };
    const asked: string[] = [];
    const out = await gw.handleRequest(client('legacy'), req('tools/call', { name: 'b__echo' }), channel([], (m) => (asked.push(m), { role: 'assistant', content: { type: 'text', text: 'ok' } })), new AbortController().signal);
    expect(asked).toEqual(['sampling/createMessage']);
    expect((out as { result: JsonObject }).result.resultType).toBeUndefined();
    expect(JSON.stringify(out)).toContain('ok');
    expect(ups.get('b')!.calls.at(-1)!.params).toMatchObject({ requestState: 'st' });
    await gw.stop();
  });
});

describe('task routing', () => {
  it('routes tasks/get to the upstream that created the task, and only for the task owner', async () => {
    const { gw, ups } = await setup();
    ups.get('b')!.handler = async (m, p) => {
      if (m === 'tools/call') return { result: { task: { taskId: 't-1', status: 'working', ttl: 60000 } } };
      if (m === 'tasks/get') return { result: { taskId: p?.taskId, status: 'completed' } };
      return { result: {} };
    };
    const created = await gw.handleRequest(client('legacy'), req('tools/call', { name: 'b__echo', task: { ttl: 60000 } }), channel(), new AbortController().signal);
    expect(created).toMatchObject({ result: { task: { taskId: 't-1' } } });
    const got = await gw.handleRequest(client('legacy'), req('tasks/get', { taskId: 't-1' }), channel(), new AbortController().signal);
    expect(got).toMatchObject({ result: { status: 'completed' } });
    expect(ups.get('b')!.calls.at(-1)).toMatchObject({ method: 'tasks/get' });
    const stranger = { ...client('legacy'), principal: { id: 'mallory', kind: 'api-key' as const } };
    const denied = await gw.handleRequest(stranger, req('tasks/get', { taskId: 't-1' }), channel(), new AbortController().signal);
    expect('error' in denied && denied.error.code).toBe(-32602);
    await gw.stop();
  });
});
