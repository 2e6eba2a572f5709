import { describe, expect, it, vi } from 'vitest';
import type { JsonRpcMessage } from '../protocol/jsonrpc.js';
import { silentLogger } from '../telemetry/logger.js';
import { StreamableHttpTransport } from './streamable-http.js';
import type { TransportMessageContext } from './types.js';

interface Seen {
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(handler: (req: Seen, n: number) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fn = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req: Seen = { method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    seen.push(req);
    return handler(req, seen.length);
  };
  return { fetch: fn as typeof fetch, seen };
}

function transport(f: typeof fetch, max = 1e6) {
  const t = new StreamableHttpTransport({ url: 'http://up/mcp', headers: { authorization: 'Bearer x' }, maxMessageBytes: max, log: silentLogger(), fetch: f, reconnectDelayMs: 1 });
  const got: { m: JsonRpcMessage; ctx: TransportMessageContext }[] = [];
  t.onmessage = (m, ctx) => got.push({ m, ctx });
  const onclose = vi.fn();
  t.onclose = onclose;
  return { t, got, onclose };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function sseBody(chunks: string[], fail = false): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < chunks.length) c.enqueue(enc.encode(chunks[i++]!));
      else if (fail) c.error(new Error('dropped'));
      else c.close();
    },
  });
}
const sse = (body: ReadableStream<Uint8Array>) => new Response(body, { headers: { 'content-type': 'text/event-stream' } });

describe('StreamableHttpTransport', () => {
  it('modern: sends MCP-Protocol-Version, Mcp-Method, Mcp-Name (base64 when not plain ASCII), no session', async () => {
    const { fetch, seen } = fakeFetch((req) => json({ jsonrpc: '2.0', id: (req.body as { id: number }).id, result: { ok: 1 } }));
    const { t, got } = transport(fetch);
    await t.start();
    t.setProtocolVersion('2026-07-28', 'modern');
    await t.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'wëather', _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } } });
    await t.send({ jsonrpc: '2.0', id: 2, method: 'resources/read', params: { uri: 'file:///a b' } });
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(seen[0]!.headers).toMatchObject({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': `=?base64?${Buffer.from('wëather').toString('base64')}?=`, authorization: 'Bearer x' });
    expect(seen[1]!.headers).toMatchObject({ 'mcp-method': 'resources/read', 'mcp-name': 'file:///a b' });
    expect(seen[0]!.headers['mcp-session-id']).toBeUndefined();
    expect(got[0]).toEqual({ m: { jsonrpc: '2.0', id: 1, result: { ok: 1 } }, ctx: { relatedRequestId: 1 } });
  });

  it('modern: mirrors x-mcp-header arguments into Mcp-Param-* headers after tools/list', async () => {
    const tools = [{ name: 'sql', inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } } }, { name: 'bad', inputSchema: { type: 'object', properties: { r: { type: 'number', 'x-mcp-header': 'R' } } } }];
    const { fetch, seen } = fakeFetch((req) => {
      const body = req.body as { id: number; method: string };
      return json({ jsonrpc: '2.0', id: body.id, result: body.method === 'tools/list' ? { tools } : {} });
    });
    const { t, got } = transport(fetch);
    t.setProtocolVersion('2026-07-28', 'modern');
    await t.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect((got[0]!.m as unknown as { result: { tools: { name: string }[] } }).result.tools.map((x) => x.name)).toEqual(['sql']);
    await t.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'sql', arguments: { region: 'us-west1' } } });
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(seen[1]!.headers).toMatchObject({ 'mcp-name': 'sql', 'mcp-param-region': 'us-west1' });
  });

  it('legacy: captures the session id, sends it with the version, opens the GET stream, DELETEs on close', async () => {
    const { fetch, seen } = fakeFetch((req) => {
      if (req.method === 'GET') return new Response(null, { status: 405 });
      if (req.method === 'DELETE') return new Response(null, { status: 200 });
      const body = req.body as { id?: number; method: string };
      if (body.id === undefined) return new Response(null, { status: 202 });
      return json({ jsonrpc: '2.0', id: body.id, result: { protocolVersion: '2025-11-25' } }, 200, { 'mcp-session-id': 'S1' });
    });
    const { t, got } = transport(fetch);
    await t.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    t.setProtocolVersion('2025-11-25', 'legacy');
    await t.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await vi.waitFor(() => expect(seen.map((s) => s.method)).toContain('GET'));
    expect(seen[0]!.headers['mcp-session-id']).toBeUndefined();
    expect(seen[1]!.headers).toMatchObject({ 'mcp-session-id': 'S1', 'mcp-protocol-version': '2025-11-25' });
    expect(seen[1]!.headers['mcp-method']).toBeUndefined();
    await t.close();
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', headers: { 'mcp-session-id': 'S1' } });
  });

  it('turns HTTP failures into JSON-RPC errors for the request (server error body preferred)', async () => {
    const { fetch } = fakeFetch((_req, n) =>
      n === 1 ? json({ jsonrpc: '2.0', id: null, error: { code: -32022, message: 'Unsupported protocol version' } }, 400) : n === 2 ? new Response('oops', { status: 500 }) : json({ not: 'rpc' }),
    );
    const { t, got } = transport(fetch);
    await t.send({ jsonrpc: '2.0', id: 'a', method: 'server/discover' });
    await t.send({ jsonrpc: '2.0', id: 'b', method: 'tools/list' });
    await t.send({ jsonrpc: '2.0', id: 'c', method: 'tools/list' });
    await vi.waitFor(() => expect(got).toHaveLength(3));
    const byId = Object.fromEntries(got.map((g) => [String((g.m as { id: string }).id), g.m]));
    expect(byId.a).toEqual({ jsonrpc: '2.0', id: 'a', error: { code: -32022, message: 'Unsupported protocol version' } });
    expect(byId.b).toMatchObject({ id: 'b', error: { message: 'upstream answered HTTP 500', data: { httpStatus: 500 } } });
    expect(byId.c).toMatchObject({ id: 'c', error: { message: expect.stringMatching(/not JSON-RPC/) } });
  });

  it('a 404 on a request with a session means the session expired: error response + onclose', async () => {
    const { fetch } = fakeFetch((req, n) => (n === 1 ? json({ jsonrpc: '2.0', id: 1, result: {} }, 200, { 'mcp-session-id': 'S' }) : new Response('gone', { status: 404 })));
    const { t, got, onclose } = transport(fetch);
    await t.send({ jsonrpc: '2.0', id: 1, method: 'initialize' });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    await t.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(got[1]!.m).toMatchObject({ id: 2, error: { data: { httpStatus: 404 } } });
    expect(String(onclose.mock.calls[0]![0])).toMatch(/session expired/);
  });

  it('delivers SSE messages with the related id and resumes a dropped stream with Last-Event-ID', async () => {
    const { fetch, seen } = fakeFetch((req, n) => {
      if (n === 1) return json({ jsonrpc: '2.0', id: 0, result: {} }, 200, { 'mcp-session-id': 'S' });
      if (req.method === 'POST') return sse(sseBody(['id: e1\ndata: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1}}\n\n'], true));
      return sse(sseBody(['id: e2\ndata: {"jsonrpc":"2.0","id":5,"result":{"done":true}}\n\n']));
    });
    const { t, got } = transport(fetch);
    await t.send({ jsonrpc: '2.0', id: 0, method: 'initialize' });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    t.setProtocolVersion('2025-11-25', 'legacy');
    await t.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'x' } });
    await vi.waitFor(() => expect(got).toHaveLength(3));
    expect(got[1]).toEqual({ m: { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } }, ctx: { relatedRequestId: 5 } });
    expect(got[2]).toEqual({ m: { jsonrpc: '2.0', id: 5, result: { done: true } }, ctx: { relatedRequestId: 5 } });
    expect(seen[2]).toMatchObject({ method: 'GET', headers: { 'last-event-id': 'e1', 'mcp-session-id': 'S' } });
  });

  it('bounds message size and answers a stream that ends without a response', async () => {
    const { fetch } = fakeFetch((req) =>
      (req.body as { id: number }).id === 1 ? json({ jsonrpc: '2.0', id: 1, result: { big: 'x'.repeat(500) } }) : sse(sseBody([': keepalive\n\n'])),
    );
    const { t, got } = transport(fetch, 200);
    await t.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    await t.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await vi.waitFor(() => expect(got).toHaveLength(2));
    const byId = Object.fromEntries(got.map((g) => [String((g.m as { id: number }).id), g.m]));
    expect(byId['1']).toMatchObject({ error: { message: expect.stringMatching(/over 200 bytes/) } });
    expect(byId['2']).toMatchObject({ error: { message: 'upstream ended the response without answering' } });
  });

  it('aborting the send signal aborts the POST without an answer', async () => {
    let aborted = false;
    const f = ((_u: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      })) as unknown as typeof fetch;
    const { t, got } = transport(f);
    const ctl = new AbortController();
    await t.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } }, { signal: ctl.signal });
    ctl.abort();
    await vi.waitFor(() => expect(aborted).toBe(true));
    expect(got).toHaveLength(0);
  });
});
