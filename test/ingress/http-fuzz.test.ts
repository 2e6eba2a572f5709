/** Never crash on any input: random methods, paths, headers and bodies always get a well-formed answer. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Started } from './harness.js';
import { modern, raw } from './raw.js';

let s: Started;
beforeAll(async () => {
  s = await start({ limits: { maxBodyBytes: 2048 } });
});
afterAll(async () => {
  await s.stop();
});

const jsonish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.record({
    jsonrpc: fc.constantFrom('2.0', '1.0', 2),
    id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.constant({})),
    method: fc.oneof(fc.constantFrom('ping', 'initialize', 'tools/list', 'tools/call', 'server/discover', 'notifications/cancelled'), fc.string()),
    params: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string(), fc.json()), fc.record({ _meta: fc.record({ 'io.modelcontextprotocol/protocolVersion': fc.constantFrom('2026-07-28', '2025-11-25', 'x') }) })),
  }).map((o) => JSON.stringify(o)),
);

describe('fuzz', () => {
  it('answers every request with a sane status and a JSON-RPC body, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'),
        fc.constantFrom('/mcp', '/mcp/alt', '/mcp/nope', '/messages', '/messages?sessionId=x', '/', '/mcp/%zz', '/mcp//'),
        fc.record({
          'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
          accept: fc.constantFrom('application/json, text/event-stream', 'application/json', '*/*', ''),
          'mcp-protocol-version': fc.constantFrom('2026-07-28', '2025-11-25', '2025-03-26', 'garbage', ''),
          'mcp-session-id': fc.constantFrom('', 'unknown', 'x'.repeat(300)),
          'mcp-method': fc.constantFrom('', 'ping', 'tools/call'),
          'last-event-id': fc.constantFrom('', '1_1', 'abc', '999999999_1'),
        }),
        jsonish,
        async (method, path, hdrs, body) => {
          const headers = Object.fromEntries(Object.entries(hdrs).filter(([, v]) => v !== ''));
          const r = await raw(`${s.url}${path}`, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : body });
          expect([200, 202, 204, 400, 404, 405, 406, 409, 413, 415, 503]).toContain(r.status);
          if (r.text !== '' && !String(r.headers['content-type']).startsWith('text/event-stream')) {
            const parsed = r.json();
            expect(parsed.jsonrpc).toBe('2.0');
            expect(parsed.result !== undefined || parsed.error !== undefined).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    const m = modern('ping');
    expect((await raw(`${s.url}/mcp`, { headers: m.headers, body: m.body })).status).toBe(200);
  });
});
