import { describe, expect, it } from 'vitest';
import { classify, MAX_DEPTH, parseMessage, tooDeep } from './jsonrpc.js';

describe('JSON-RPC envelope', () => {
  it('classifies requests, notifications and responses', () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":1,"method":"ping"}')).toMatchObject({ ok: true });
    expect(parseMessage('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toMatchObject({ ok: true });
    expect(parseMessage('{"jsonrpc":"2.0","id":"a","result":{}}')).toMatchObject({ ok: true });
  });

  it('rejects malformed envelopes with the right codes', () => {
    expect(parseMessage('{')).toMatchObject({ ok: false, error: { code: -32700 } });
    expect(classify([])).toMatchObject({ ok: false, error: { code: -32600 } });
    expect(classify({ jsonrpc: '1.0', id: 1, method: 'x' })).toMatchObject({ ok: false, id: 1 });
    expect(classify({ jsonrpc: '2.0', id: {}, method: 'x' })).toMatchObject({ ok: false, id: null });
    expect(classify({ jsonrpc: '2.0', id: 1, method: 'x', params: [] })).toMatchObject({ ok: false });
    expect(classify({ jsonrpc: '2.0', id: 1, method: 'x', params: { _meta: 1 } })).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(classify({ jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'x' } })).toMatchObject({ ok: false });
  });

  it('refuses hostile nesting without recursion', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(tooDeep(deep, MAX_DEPTH)).toBe(true);
    expect(classify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: deep as Record<string, unknown> })).toMatchObject({ ok: false, error: { code: -32600 } });
    expect(tooDeep({ a: [{ b: 1 }] }, MAX_DEPTH)).toBe(false);
  });
});
