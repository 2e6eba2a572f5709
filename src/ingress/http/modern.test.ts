import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JsonRpcRequest } from '../../protocol/jsonrpc.js';
import { readBody } from './body.js';
import { checkModernHeaders, listenFilterOf, modernContext, modernVersionOf } from './modern.js';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': { sampling: {} } };
const call: JsonRpcRequest = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'a/b', _meta: META } };
const ok = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'a/b' };

describe('era detection and context', () => {
  it('reads the version from params._meta only', () => {
    expect(modernVersionOf(call)).toBe('2026-07-28');
    expect(modernVersionOf({ params: { _meta: {} } })).toBeUndefined();
    expect(modernVersionOf({ params: { _meta: 'x' } })).toBeUndefined();
    expect(modernVersionOf({})).toBeUndefined();
  });
  it('builds a fresh per-request context from _meta', () => {
    const a = modernContext(call, '2026-07-28', 'p');
    const b = modernContext(call, '2026-07-28', 'p');
    expect(a).toMatchObject({ era: 'modern', profile: 'p', clientInfo: { name: 'c' }, clientCapabilities: { sampling: {} } });
    expect(a.sessionId).not.toBe(b.sessionId);
  });
});

describe('checkModernHeaders', () => {
  it('accepts matching headers', () => {
    expect(checkModernHeaders(req(ok), call, '2026-07-28')).toBeUndefined();
    expect(checkModernHeaders(req({ ...ok, 'mcp-method': 'ping' }), { jsonrpc: '2.0', id: 1, method: 'ping', params: { _meta: META } }, '2026-07-28')).toBeUndefined();
  });
  it('reports each mismatch as -32020 and unknown versions as -32022', () => {
    expect(checkModernHeaders(req({ ...ok, 'mcp-protocol-version': '2025-06-18' }), call, '2026-07-28')?.code).toBe(-32020);
    expect(checkModernHeaders(req({ ...ok, 'mcp-method': 'tools/list' }), call, '2026-07-28')?.code).toBe(-32020);
    expect(checkModernHeaders(req({ ...ok, 'mcp-name': 'a/c' }), call, '2026-07-28')?.code).toBe(-32020);
    const { 'mcp-name': _n, ...noName } = ok;
    expect(checkModernHeaders(req(noName), call, '2026-07-28')?.code).toBe(-32020);
    const v = checkModernHeaders(req({ ...ok, 'mcp-protocol-version': '2099-01-01' }), call, '2099-01-01');
    expect(v).toMatchObject({ code: -32022, data: { requested: '2099-01-01' } });
  });
  it('uses params.uri for resources/read', () => {
    const read: JsonRpcRequest = { jsonrpc: '2.0', id: 2, method: 'resources/read', params: { uri: 'file:///x y', _meta: META } };
    const h = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'resources/read' };
    expect(checkModernHeaders(req({ ...h, 'mcp-name': `=?base64?${Buffer.from('file:///x y').toString('base64')}?=` }), read, '2026-07-28')).toBeUndefined();
    expect(checkModernHeaders(req({ ...h, 'mcp-name': 'file:///x' }), read, '2026-07-28')?.code).toBe(-32020);
  });
});

describe('listenFilterOf', () => {
  it('keeps only known opt-ins and string URIs', () => {
    expect(listenFilterOf({ notifications: { toolsListChanged: true, promptsListChanged: 'yes', resourcesListChanged: true, resourceSubscriptions: ['a', 1, 'b'], other: true } })).toEqual({
      toolsListChanged: true,
      resourcesListChanged: true,
      resourceSubscriptions: ['a', 'b'],
    });
    expect(listenFilterOf(undefined)).toEqual({});
  });
});

describe('readBody', () => {
  const body = (headers: Record<string, string>): PassThrough & { headers: Record<string, string> } => Object.assign(new PassThrough(), { headers });
  it('reads a body under the limit', async () => {
    const r = body({});
    const p = readBody(r as unknown as IncomingMessage, 10);
    r.end('héllo');
    await expect(p).resolves.toEqual({ ok: true, text: 'héllo' });
  });
  it('refuses a declared length over the limit without reading', async () => {
    await expect(readBody(body({ 'content-length': '11' }) as unknown as IncomingMessage, 10)).resolves.toEqual({ ok: false, reason: 'too-large' });
  });
  it('stops at the chunk that crosses the limit', async () => {
    const r = body({});
    const p = readBody(r as unknown as IncomingMessage, 10);
    r.write('123456');
    r.write('7890ab');
    await expect(p).resolves.toEqual({ ok: false, reason: 'too-large' });
  });
});
