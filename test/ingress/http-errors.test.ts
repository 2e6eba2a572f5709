/** Every rejection of the HTTP ingress, driven with raw HTTP: status code and JSON-RPC error body. */
import { afterEach, describe, expect, it } from 'vitest';
import { start, type Started } from './harness.js';
import { META26, POST_HEADERS, modern, raw } from './raw.js';

let s: Started | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

function expectRpcError(r: { status: number; json(): { jsonrpc?: string; error?: { code: number } } }, status: number, code?: number): void {
  expect(r.status).toBe(status);
  const body = r.json();
  expect(body.jsonrpc).toBe('2.0');
  expect(body.error).toBeDefined();
  if (code !== undefined) expect(body.error!.code).toBe(code);
}

describe('DNS-rebinding guards', () => {
  it('rejects a disallowed Origin with 403 and id null; accepts an allowed one and none', async () => {
    s = await start();
    const m = modern('ping');
    const bad = await raw(`${s.url}/mcp`, { headers: { ...m.headers, origin: 'http://evil.example' }, body: m.body });
    expectRpcError(bad, 403);
    expect(bad.json().id).toBeNull();
    expect((await raw(`${s.url}/mcp`, { headers: { ...m.headers, origin: 'http://localhost:6274' }, body: m.body })).status).toBe(200);
    expect((await raw(`${s.url}/mcp`, { headers: m.headers, body: m.body })).status).toBe(200);
    // GET /sse is guarded too.
    expectRpcError(await raw(`${s.url}/sse`, { method: 'GET', headers: { origin: 'http://evil.example', accept: 'text/event-stream' } }), 403);
  });

  it('rejects a Host outside allowedHosts with 403', async () => {
    s = await start({ listen: { allowedHosts: ['localhost', '127.0.0.1'] } });
    const m = modern('ping');
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...m.headers, host: 'attacker.example:80' }, body: m.body }), 403);
    expect((await raw(`${s.url}/mcp`, { headers: { ...m.headers, host: 'localhost:1234' }, body: m.body })).status).toBe(200);
  });

  it('extra routes bypass the guards', async () => {
    s = await start();
    const r = await raw(`${s.url}/healthz`, { method: 'GET', headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(200);
  });
});

describe('body and content negotiation', () => {
  it('413 for a declared Content-Length over the limit and for a streamed body crossing it', async () => {
    s = await start({ limits: { maxBodyBytes: 1024 } });
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(4096) } });
    expectRpcError(await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: big }), 413, -32600);
    const chunks = Array.from({ length: 8 }, () => Buffer.from('x'.repeat(512)));
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'transfer-encoding': 'chunked' }, body: chunks }), 413);
    // A huge upload is cut off past a bound (413 or a reset, never buffered).
    const huge = await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'transfer-encoding': 'chunked' }, body: Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 0x20)) }).catch((e: NodeJS.ErrnoException) => ({ status: e.code }));
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(huge.status);
    // The server is still healthy afterwards.
    const m = modern('ping');
    expect((await raw(`${s.url}/mcp`, { headers: m.headers, body: m.body })).status).toBe(200);
  });

  it('415 without application/json, 406 without both accept types', async () => {
    s = await start();
    const m = modern('ping');
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...m.headers, 'content-type': 'text/plain' }, body: m.body }), 415);
    const { 'content-type': _ct, ...noCt } = m.headers;
    expectRpcError(await raw(`${s.url}/mcp`, { headers: noCt, body: m.body }), 415);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...m.headers, accept: 'application/json' }, body: m.body }), 406);
    expect((await raw(`${s.url}/mcp`, { headers: { ...m.headers, 'content-type': 'application/json; charset=utf-8', accept: '*/*' }, body: m.body })).status).toBe(200);
    expectRpcError(await raw(`${s.url}/mcp`, { method: 'GET', headers: { accept: 'application/json' } }), 406);
  });

  it('400 parse error for malformed JSON, empty and non-UTF-8 bodies; -32600 for bad envelopes and batches', async () => {
    s = await start();
    for (const body of ['{"jsonrpc":', '', '\u0000', '[1,', Buffer.from([0xff, 0xfe, 0x00])]) {
      expectRpcError(await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body }), 400, -32700);
    }
    for (const body of ['{"jsonrpc":"1.0","id":1,"method":"ping"}', '42', 'null', '{"jsonrpc":"2.0","id":{},"method":"ping"}', '{"jsonrpc":"2.0","id":1,"method":"ping","params":[1]}']) {
      expectRpcError(await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body }), 400, -32600);
    }
    const batch = await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'ping' }]) });
    expectRpcError(batch, 400, -32600);
    expect(batch.json().error!.message).toMatch(/batch/i);
  });
});

describe('routing', () => {
  it('404 for unknown profiles and paths, 405 for other methods', async () => {
    s = await start();
    const m = modern('ping');
    expectRpcError(await raw(`${s.url}/mcp/nope`, { headers: m.headers, body: m.body }), 404);
    expectRpcError(await raw(`${s.url}/mcp/%E0%A4%A`, { headers: m.headers, body: m.body }), 404);
    expectRpcError(await raw(`${s.url}/elsewhere`, { headers: m.headers, body: m.body }), 404);
    expectRpcError(await raw(`${s.url}/mcp/alt/x`, { headers: m.headers, body: m.body }), 404);
    const put = await raw(`${s.url}/mcp`, { method: 'PUT', headers: m.headers, body: m.body });
    expectRpcError(put, 405);
    expect(put.headers.allow).toBe('GET, POST, DELETE');
    expect((await raw(`${s.url}/mcp/alt`, { headers: m.headers, body: m.body })).status).toBe(200);
  });
});

describe('2026 header validation', () => {
  it('HeaderMismatch (-32020) for missing or mismatched MCP-Protocol-Version, Mcp-Method, Mcp-Name', async () => {
    s = await start();
    const m = modern('tools/call', { name: 'echo', arguments: { text: 'a' } });
    const without = (h: string): Record<string, string> => Object.fromEntries(Object.entries(m.headers).filter(([k]) => k !== h));
    for (const headers of [
      without('mcp-protocol-version'),
      { ...m.headers, 'mcp-protocol-version': '2025-11-25' },
      without('mcp-method'),
      { ...m.headers, 'mcp-method': 'tools/list' },
      without('mcp-name'),
      { ...m.headers, 'mcp-name': 'other' },
      { ...m.headers, 'mcp-name': '=?base64?not base64!?=' },
    ]) {
      const r = await raw(`${s.url}/mcp`, { headers, body: m.body });
      expectRpcError(r, 400, -32020);
      expect(r.json().id).toBe(1);
    }
    expect(s.core.requests).toHaveLength(0);
    expect((await raw(`${s.url}/mcp`, { headers: m.headers, body: m.body })).json().result).toBeDefined();
  });

  it('decodes the Base64 sentinel form of Mcp-Name', async () => {
    s = await start();
    const m = modern('tools/call', { name: 'héllo wörld', arguments: {} });
    const headers = { ...m.headers, 'mcp-name': `=?base64?${Buffer.from('héllo wörld').toString('base64')}?=` };
    const r = await raw(`${s.url}/mcp`, { headers, body: m.body });
    expect(r.status).toBe(200);
    expect(r.json().result).toMatchObject({ content: [{ text: 'unicode ok' }] });
  });

  it('UnsupportedProtocolVersion (-32022) with supported and requested', async () => {
    s = await start();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'ping', params: { _meta: { ...META26, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' } } });
    const r = await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-protocol-version': '1900-01-01', 'mcp-method': 'ping' }, body });
    expectRpcError(r, 400, -32022);
    expect(r.json().error!.data).toMatchObject({ requested: '1900-01-01', supported: expect.arrayContaining(['2026-07-28']) });
  });

  it('unknown methods are 404 with -32601; notifications are 202', async () => {
    s = await start();
    const m = modern('does/not/exist');
    expectRpcError(await raw(`${s.url}/mcp`, { headers: m.headers, body: m.body }), 404, -32601);
    const n = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/whatever', params: { _meta: META26 } });
    const r = await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: n });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    expect(s.core.notifications).toHaveLength(1);
  });

  it('ignores Mcp-Session-Id and mints no session', async () => {
    s = await start();
    const m = modern('ping');
    const r = await raw(`${s.url}/mcp`, { headers: { ...m.headers, 'mcp-session-id': 'bogus' }, body: m.body });
    expect(r.status).toBe(200);
    expect(r.headers['mcp-session-id']).toBeUndefined();
    expect(r.headers['content-type']).toBe('application/json');
  });
});

describe('2025 sessions', () => {
  it('400 without a session id, 404 for an unknown one, 400 for an unsupported version header', async () => {
    s = await start();
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' });
    expectRpcError(await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: ping }), 400);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': 'nope' }, body: ping }), 404);
    expectRpcError(await raw(`${s.url}/mcp`, { method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': 'nope' } }), 404);
    expectRpcError(await raw(`${s.url}/mcp`, { method: 'DELETE', headers: { 'mcp-session-id': 'nope' } }), 404);
    expectRpcError(await raw(`${s.url}/mcp`, { method: 'GET', headers: { accept: 'text/event-stream' } }), 400);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-protocol-version': '1999-01-01' }, body: INIT }), 400, -32022);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-protocol-version': '2026-07-28' }, body: INIT }), 400, -32602); // a 2026 header on a body without the 2026 _meta envelope: invalid params (conformance sep-2575)
  });

  it('mints a session on initialize, binds it to the profile, deletes it', async () => {
    s = await start();
    const init = await raw(`${s.url}/mcp/alt`, { headers: POST_HEADERS, body: INIT });
    expect(init.status).toBe(200);
    const sid = init.headers['mcp-session-id'] as string;
    expect(sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.json().result).toMatchObject({ protocolVersion: '2025-11-25' });
    const h = { ...POST_HEADERS, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25' };
    const initialized = await raw(`${s.url}/mcp/alt`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
    expect(initialized.status).toBe(202);
    expect((await raw(`${s.url}/mcp/alt`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) })).json().result).toEqual({});
    // The session is bound to its profile.
    expectRpcError(await raw(`${s.url}/mcp`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'ping' }) }), 404);
    // A response nobody waits for is still accepted.
    expect((await raw(`${s.url}/mcp/alt`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 'x', result: {} }) })).status).toBe(202);
    expect((await raw(`${s.url}/mcp/alt`, { method: 'DELETE', headers: { 'mcp-session-id': sid } })).status).toBe(204);
    expect(s.core.closed).toEqual([sid]);
    expectRpcError(await raw(`${s.url}/mcp/alt`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'ping' }) }), 404);
  });

  it('503 beyond maxSessions', async () => {
    s = await start({ limits: { maxSessions: 2 } });
    expect((await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: INIT })).status).toBe(200);
    expect((await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: INIT })).status).toBe(200);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: INIT }), 503);
    expectRpcError(await raw(`${s.url}/sse`, { method: 'GET', headers: { accept: 'text/event-stream' } }), 503);
    expect(s.ingress.sessions.count).toBe(2);
  });

  it('a failed initialize leaves no session', async () => {
    s = await start();
    s.core.handleRequest = async () => ({ error: { code: -32603, message: 'nope' } });
    const r = await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: INIT });
    expect(r.json().error).toBeDefined();
    expect(r.headers['mcp-session-id']).toBeUndefined();
    expect(s.ingress.sessions.count).toBe(0);
  });
});

describe('2025-03-26 batches', () => {
  it('answers a batch in a 2025-03-26 session with one JSON array; rejects batches for later versions', async () => {
    s = await start();
    const init = await raw(`${s.url}/mcp`, { headers: POST_HEADERS, body: INIT.replace('2025-11-25', '2025-03-26') });
    const sid = init.headers['mcp-session-id'] as string;
    const batch = JSON.stringify([
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '1.0', id: 3, method: 'ping' },
      { jsonrpc: '2.0', id: 4, method: 'initialize', params: {} },
    ]);
    const r = await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': sid }, body: batch });
    expect(r.status).toBe(200);
    const answers = JSON.parse(r.text) as { id: number; result?: unknown; error?: { code: number } }[];
    expect(answers.map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(answers[0]!.result).toEqual({});
    expect(answers[2]!.error!.code).toBe(-32600);
    expect(answers[3]!.error!.code).toBe(-32600);
    const notes = JSON.stringify([{ jsonrpc: '2.0', method: 'notifications/initialized' }]);
    expect((await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-03-26' }, body: notes })).status).toBe(202);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': sid }, body: '[]' }), 400, -32600);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' }, body: notes }), 400, -32600);
    expectRpcError(await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, 'mcp-session-id': 'nope' }, body: notes }), 404);
  });
});

describe('legacy HTTP+SSE endpoint errors', () => {
  it('rejects posts without or with an unknown sessionId, and non-POST methods', async () => {
    s = await start();
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expectRpcError(await raw(`${s.url}/messages`, { headers: POST_HEADERS, body: ping }), 400);
    expectRpcError(await raw(`${s.url}/messages?sessionId=nope`, { headers: POST_HEADERS, body: ping }), 404);
    expectRpcError(await raw(`${s.url}/messages?sessionId=nope`, { method: 'GET' }), 405);
    expectRpcError(await raw(`${s.url}/sse`, { method: 'POST', headers: POST_HEADERS, body: ping }), 405);
  });
});

describe('CORS for allowed browser origins', () => {
  it('answers preflights and exposes Mcp-Session-Id', async () => {
    s = await start();
    const pre = await raw(`${s.url}/mcp`, { method: 'OPTIONS', headers: { origin: 'http://localhost:6274', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, mcp-session-id' } });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('http://localhost:6274');
    expect(pre.headers['access-control-allow-methods']).toBe('GET, POST, DELETE');
    const init = await raw(`${s.url}/mcp`, { headers: { ...POST_HEADERS, origin: 'http://localhost:6274' }, body: INIT });
    expect(init.headers['access-control-expose-headers']).toContain('mcp-session-id');
    expectRpcError(await raw(`${s.url}/mcp`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } }), 403);
  });
});
