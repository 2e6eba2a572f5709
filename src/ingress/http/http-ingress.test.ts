import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayCore } from '../../gateway/types.js';
import { silentLogger } from '../../telemetry/logger.js';
import { createHttpIngress } from './http-ingress.js';

/** The smallest core: answers every request with its method name, knows one profile. */
function tinyCore(): GatewayCore & { closed: string[] } {
  const closed: string[] = [];
  return {
    closed,
    hasProfile: (p) => p === 'default',
    handleRequest: async (_c, req) => (req.method === 'initialize' ? { result: { protocolVersion: '2025-06-18', capabilities: {}, serverInfo: { name: 't', version: '1' } } } : { result: { method: req.method } }),
    handleNotification: () => {},
    attachSession: () => () => {},
    closeSession: (id) => void closed.push(id),
    listen: async () => {},
  };
}

const listen = { host: '127.0.0.1', port: 0, allowedOrigins: [], allowedHosts: [] };
const limits = { maxBodyBytes: 4096, maxUpstreamMessageBytes: 4096, maxResultBytes: 4096, requestTimeoutMs: 1000, sessionIdleMs: 60_000, maxSessions: 10 };
const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
let outer: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (outer ? outer.close(r) : r(undefined)));
  outer = undefined;
});

describe('createHttpIngress', () => {
  it('exposes a handler that mounts on another server, with extra routes and hot settings', async () => {
    const core = tinyCore();
    let maxBodyBytes = 4096;
    const ingress = createHttpIngress({
      core,
      listen,
      limits,
      log: silentLogger(),
      getConfig: () => ({ listen, limits: { ...limits, maxBodyBytes } }),
      extraRoutes: { '/readyz': (_q, res) => void res.writeHead(204).end() },
    });
    outer = createServer(ingress.handler);
    await new Promise<void>((r) => outer!.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(outer.address() as AddressInfo).port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(204);
    const init = await fetch(`${base}/mcp`, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18' } }) });
    expect(init.status).toBe(200);
    const sid = init.headers.get('mcp-session-id')!;
    expect(ingress.sessions.count).toBe(1);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { pad: 'x'.repeat(200) } });
    const ok = await fetch(`${base}/mcp`, { method: 'POST', headers: { ...headers, 'mcp-session-id': sid }, body });
    expect(await ok.json()).toEqual({ jsonrpc: '2.0', id: 2, result: { method: 'tools/list' } });
    maxBodyBytes = 100;
    const tooBig = await fetch(`${base}/mcp`, { method: 'POST', headers: { ...headers, 'mcp-session-id': sid }, body });
    expect(tooBig.status).toBe(413);
    ingress.sessions.closeAll();
    expect(core.closed).toEqual([sid]);
    await ingress.close();
  });

  it('close() works on a server that never listened', async () => {
    const ingress = createHttpIngress({ core: tinyCore(), listen, limits, log: silentLogger() });
    await expect(ingress.close()).resolves.toBeUndefined();
  });
});
