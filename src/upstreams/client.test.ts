import { DEFAULT_ACTIONS } from '../config/security.js';
import { describe, expect, it, vi } from 'vitest';
import type { ServerConfig } from '../config/types.js';
import type { JsonRpcMessage, JsonRpcNotification, JsonRpcRequest, Outcome } from '../protocol/jsonrpc.js';
import { silentLogger } from '../telemetry/logger.js';
import { createUpstream } from './client.js';
import type { TransportMessageContext, TransportSendOptions, Upstream, UpstreamEvents, UpstreamState, UpstreamTransport } from './types.js';

type Script = (t: FakeTransport, m: JsonRpcMessage, options?: TransportSendOptions) => void;

class FakeTransport implements UpstreamTransport {
  onmessage?: (message: JsonRpcMessage, context: TransportMessageContext) => void;
  onclose?: (reason?: Error) => void;
  sent: JsonRpcMessage[] = [];
  signals = new Map<unknown, AbortSignal>();
  closed = false;
  version: string | undefined;
  constructor(
    readonly kind: UpstreamTransport['kind'],
    private readonly script: Script,
  ) {}
  start(): Promise<void> {
    return Promise.resolve();
  }
  send(m: JsonRpcMessage, options?: TransportSendOptions): Promise<void> {
    this.sent.push(m);
    if ('id' in m && options?.signal) this.signals.set(m.id, options.signal);
    queueMicrotask(() => this.script(this, m, options));
    return Promise.resolve();
  }
  setProtocolVersion(v: string): void {
    this.version = v;
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
  reply(id: unknown, result: Record<string, unknown>, ctx: TransportMessageContext = {}): void {
    this.onmessage?.({ jsonrpc: '2.0', id: id as number, result }, ctx);
  }
  methods(): string[] {
    return this.sent.map((m) => ('method' in m ? m.method : 'response'));
  }
}

const INIT = { protocolVersion: '2025-11-25', serverInfo: { name: 's', version: '1' }, capabilities: { tools: {} }, instructions: 'hi' };
const DISCOVER = { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'm', version: '2' } } };

/** A server that speaks `era` (legacy answers discover with -32601) and runs `tools` for other requests. */
function server(era: 'legacy' | 'modern', tools?: (t: FakeTransport, m: JsonRpcRequest, o?: TransportSendOptions) => void): Script {
  return (t, m, o) => {
    if (!('method' in m) || !('id' in m)) return;
    if (m.method === 'initialize') return t.reply(m.id, INIT);
    if (m.method === 'server/discover') {
      if (era === 'modern') return t.reply(m.id, DISCOVER);
      return t.onmessage?.({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }, {});
    }
    if (tools) tools(t, m, o);
    else t.reply(m.id, { echoed: m.params ?? null });
  };
}

function config(over: Partial<ServerConfig> = {}): ServerConfig {
  return { name: 'up', transport: 'stdio', command: 'x', args: [], env: {}, headers: {}, era: 'auto', prefix: '', timeoutMs: 5000, maxInFlight: 4, restart: { initialDelayMs: 10, maxDelayMs: 20 }, disabled: false, security: { actions: { ...DEFAULT_ACTIONS }, mode: 'tofu', newItems: 'auto-if-clean', pinTls: false }, ...over };
}

function harness(script: Script | Script[], over: Partial<ServerConfig> = {}, kind: UpstreamTransport['kind'] = 'stdio') {
  const transports: FakeTransport[] = [];
  const states: UpstreamState[] = [];
  const events: UpstreamEvents = {
    onNotification: vi.fn(),
    onRequest: vi.fn(() => Promise.resolve<Outcome>({ result: { from: 'events' } })),
    onStateChange: (_n, s) => void states.push(s),
  };
  const scripts = Array.isArray(script) ? script : [script];
  const up = createUpstream(config(over), events, {
    log: silentLogger(),
    limits: { maxBodyBytes: 1e6, maxUpstreamMessageBytes: 1e6, maxResultBytes: 1e6, requestTimeoutMs: 5000, sessionIdleMs: 1e5, maxSessions: 10 },
    transportFactory: () => {
      const t = new FakeTransport(kind, scripts[Math.min(transports.length, scripts.length - 1)]!);
      transports.push(t);
      return t;
    },
    probeTimeoutMs: 200,
  });
  return { up, transports, states, events };
}

async function ready(up: Upstream): Promise<void> {
  up.start();
  await vi.waitFor(() => expect(up.state).toBe('ready'));
}

const opts = (over: Record<string, unknown> = {}) => ({ signal: new AbortController().signal, deadline: Date.now() + 5000, ...over });

describe('createUpstream', () => {
  it('negotiates legacy with initialize + notifications/initialized', async () => {
    const { up, transports, states } = harness(server('legacy'), { era: 'legacy' });
    await ready(up);
    expect(transports[0]!.methods()).toEqual(['initialize', 'notifications/initialized']);
    const init = transports[0]!.sent[0] as JsonRpcRequest;
    expect(init.params).toMatchObject({ protocolVersion: '2025-11-25', clientInfo: { name: 'portcullis' }, capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: { form: {}, url: {} } } });
    expect(up.info).toEqual({ era: 'legacy', protocolVersion: '2025-11-25', serverInfo: INIT.serverInfo, capabilities: INIT.capabilities, instructions: 'hi' });
    expect(transports[0]!.version).toBe('2025-11-25');
    expect(states).toEqual(['starting', 'ready']);
    const r = await up.request('tools/list', { cursor: 'c' }, opts());
    expect(r).toEqual({ result: { echoed: { cursor: 'c' } } });
    await up.stop();
  });

  it('negotiates modern and wraps every request in the _meta envelope', async () => {
    const { up, transports } = harness(server('modern'), { era: 'modern' });
    await ready(up);
    expect(up.info).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', serverInfo: { name: 'm', version: '2' } });
    const r = await up.request('tools/call', { name: 'a', _meta: { progressToken: 7 } }, opts({ clientInfo: { name: 'cli', version: '9' } }));
    const meta = ((r as { result: { echoed: { _meta: Record<string, unknown> } } }).result.echoed._meta);
    expect(meta).toMatchObject({ progressToken: 7, 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'cli', version: '9' } });
    expect(meta['io.modelcontextprotocol/clientCapabilities']).toBeDefined();
    expect(transports[0]!.methods()[0]).toBe('server/discover');
    await up.stop();
  });

  it('auto falls back to initialize when discover fails, on the same connection', async () => {
    const { up, transports } = harness(server('legacy'));
    await ready(up);
    expect(transports).toHaveLength(1);
    expect(transports[0]!.methods()).toEqual(['server/discover', 'initialize', 'notifications/initialized']);
    expect(up.info?.era).toBe('legacy');
    await up.stop();
  });

  it('auto falls back on a probe timeout, and restarts a child that died on the probe', async () => {
    const silent: Script = (t, m) => {
      if ('method' in m && m.method === 'server/discover') return; // never answers
      server('legacy')(t, m);
    };
    const dies: Script = (t, m) => {
      if ('method' in m && m.method === 'server/discover') return t.onclose?.(new Error('exited'));
      server('legacy')(t, m);
    };
    const a = harness(silent);
    await ready(a.up);
    expect(a.up.info?.era).toBe('legacy');
    await a.up.stop();
    const b = harness([dies, server('legacy')]);
    await ready(b.up);
    expect(b.transports).toHaveLength(2);
    expect(b.transports[0]!.closed).toBe(true);
    expect(b.transports[1]!.methods()).toEqual(['initialize', 'notifications/initialized']);
    await b.up.stop();
  });

  it('relates notifications and server requests to their call; unrelated ones go to events', async () => {
    const { up, transports, events } = harness(
      server('legacy', (t, m) => {
        t.onmessage?.({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info' } }, { relatedRequestId: m.id });
        t.onmessage?.({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'p1', progress: 1 } }, {});
        t.onmessage?.({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }, {});
        t.onmessage?.({ jsonrpc: '2.0', id: 'srv-1', method: 'elicitation/create', params: {} }, { relatedRequestId: m.id });
        t.onmessage?.({ jsonrpc: '2.0', id: 'srv-2', method: 'roots/list' }, {});
        setTimeout(() => t.reply(m.id, { ok: true }), 20);
      }),
      { era: 'legacy' },
    );
    await ready(up);
    const seen: JsonRpcNotification[] = [];
    const onRequest = vi.fn(() => Promise.resolve<Outcome>({ result: { action: 'accept' } }));
    const r = await up.request('tools/call', { name: 'x', _meta: { progressToken: 'p1' } }, opts({ onNotification: (n: JsonRpcNotification) => seen.push(n), onRequest }));
    expect(r).toEqual({ result: { ok: true } });
    expect(seen.map((n) => n.method)).toEqual(['notifications/message', 'notifications/progress']);
    expect(events.onNotification).toHaveBeenCalledWith('up', { jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    expect(onRequest).toHaveBeenCalledOnce();
    expect(events.onRequest).toHaveBeenCalledOnce();
    await vi.waitFor(() => {
      const responses = transports[0]!.sent.filter((m) => !('method' in m));
      expect(responses).toEqual(
        expect.arrayContaining([
          { jsonrpc: '2.0', id: 'srv-1', result: { action: 'accept' } },
          { jsonrpc: '2.0', id: 'srv-2', result: { from: 'events' } },
        ]),
      );
    });
    await up.stop();
  });

  it('times out at the deadline and cancels upstream (legacy: notifications/cancelled)', async () => {
    const { up, transports } = harness(server('legacy', () => undefined), { era: 'legacy' });
    await ready(up);
    const r = await up.request('tools/call', { name: 'slow' }, opts({ deadline: Date.now() + 30 }));
    expect(r).toMatchObject({ error: { code: -32001, data: { portcullis: 'PORTCULLIS_ERR_DEADLINE' } } });
    const cancel = transports[0]!.sent.find((m) => 'method' in m && m.method === 'notifications/cancelled') as JsonRpcNotification;
    const call = transports[0]!.sent.find((m) => 'method' in m && m.method === 'tools/call') as JsonRpcRequest;
    expect(cancel.params).toMatchObject({ requestId: call.id });
    expect(up.health().inFlight).toBe(0);
    await up.stop();
  });

  it('an open-ended call (deadline Infinity) waits for its answer', async () => {
    const { up, transports } = harness(server('legacy', (t, m) => setTimeout(() => t.reply(m.id, { late: true }), 50)), { era: 'legacy' });
    await ready(up);
    expect(await up.request('subscriptions/listen', {}, opts({ deadline: Number.POSITIVE_INFINITY }))).toEqual({ result: { late: true } });
    expect(transports[0]!.methods()).not.toContain('notifications/cancelled');
    await up.stop();
  });

  it('an aborted signal cancels; modern HTTP cancels by aborting the stream only', async () => {
    const { up, transports } = harness(server('modern', () => undefined), { era: 'modern', transport: 'streamable-http', url: 'http://x' }, 'streamable-http');
    await ready(up);
    const ctl = new AbortController();
    const p = up.request('tools/call', { name: 'slow' }, opts({ signal: ctl.signal }));
    await vi.waitFor(() => expect(transports[0]!.methods()).toContain('tools/call'));
    ctl.abort();
    expect(await p).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_CANCELLED' } } });
    const call = transports[0]!.sent.find((m) => 'method' in m && m.method === 'tools/call') as JsonRpcRequest;
    expect(transports[0]!.signals.get(call.id)?.aborted).toBe(true);
    expect(transports[0]!.methods()).not.toContain('notifications/cancelled');
    await up.stop();
  });

  it('bounds calls in flight and refuses calls while not ready', async () => {
    const { up } = harness(server('legacy', () => undefined), { era: 'legacy', maxInFlight: 2 });
    expect(await up.request('tools/list', undefined, opts())).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE' } } });
    await ready(up);
    const ctl = new AbortController();
    const pending = [up.request('a', undefined, opts({ signal: ctl.signal })), up.request('b', undefined, opts({ signal: ctl.signal }))];
    expect(await up.request('c', undefined, opts())).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_BUSY' } } });
    expect(up.health().inFlight).toBe(2);
    ctl.abort();
    await Promise.all(pending);
    await up.stop();
  });

  it('fails in-flight calls when the connection closes, then restarts and becomes ready again', async () => {
    const { up, transports, states } = harness(server('legacy', () => undefined), { era: 'legacy' });
    await ready(up);
    const p = up.request('tools/call', { name: 'x' }, opts());
    await vi.waitFor(() => expect(transports[0]!.methods()).toContain('tools/call'));
    transports[0]!.onclose?.(new Error('process exited (code 1)'));
    expect(await p).toMatchObject({ error: { message: 'upstream up closed the connection', data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_CLOSED' } } });
    expect(up.state).not.toBe('ready');
    await vi.waitFor(() => expect(up.state).toBe('ready'));
    expect(transports).toHaveLength(2);
    expect(transports[0]!.closed).toBe(true);
    expect(states).toEqual(['starting', 'ready', 'down', 'starting', 'ready']);
    expect(up.health()).toMatchObject({ restarts: 1, lastError: 'process exited (code 1)', state: 'ready', era: 'legacy' });
    await up.stop();
  });

  it('stop() is final: fails calls, closes the transport, does not restart', async () => {
    const { up, transports } = harness(server('legacy', () => undefined), { era: 'legacy' });
    await ready(up);
    const p = up.request('x', undefined, opts());
    await up.stop();
    expect(await p).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_SHUTTING_DOWN' } } });
    expect(transports[0]!.closed).toBe(true);
    expect(up.state).toBe('stopped');
    up.start();
    expect(up.state).toBe('stopped');
  });
});
