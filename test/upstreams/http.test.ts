import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonRpcNotification, Outcome } from '../../src/protocol/jsonrpc.js';
import { callText, opts, serverConfig, startHttpFixture, trackedStarts, type HttpFixture } from './helpers.js';

const start = trackedStarts();

describe('streamable-http upstream (real servers)', () => {
  const fixtures: Record<string, HttpFixture> = {};
  beforeAll(async () => {
    [fixtures.legacy, fixtures.both, fixtures.sse] = await Promise.all([startHttpFixture('http', 'legacy'), startHttpFixture('http', 'both'), startHttpFixture('sse', 'legacy')]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(fixtures).map((f) => f.stop()));
  });
  const http = (name: string, over: Parameters<typeof serverConfig>[0] = {}) => serverConfig({ transport: 'streamable-http', url: fixtures[name]!.url, ...over });

  it('legacy (sessionful): auto falls back to initialize, relates server requests to their call', async () => {
    const { up } = await start(http('legacy'));
    expect(up.info).toMatchObject({ era: 'legacy', protocolVersion: '2025-11-25', serverInfo: { name: 'upstream-echo' } });
    expect(await callText(up, 'echo', { text: 'a' })).toBe('echo: a');
    const onRequest = vi.fn(() => Promise.resolve<Outcome>({ result: { action: 'accept', content: { name: 'Ada' } } }));
    expect(await callText(up, 'elicit', {}, opts(10_000, { onRequest }))).toBe('elicit: accept {"name":"Ada"}');
    expect(onRequest).toHaveBeenCalledOnce();
    // An unrelated server request arrives on the session's GET stream and goes to the upstream-wide handler.
    expect(await callText(up, 'elicit_unrelated', {}, opts(10_000, { onRequest }))).toMatch(/no handler for elicitation\/create/);
    expect(onRequest).toHaveBeenCalledOnce();
  });

  it('legacy: progress arrives on the call stream; a deadline sends notifications/cancelled', async () => {
    const { up } = await start(http('legacy', { era: 'legacy' }));
    const seen: JsonRpcNotification[] = [];
    const r = await up.request('tools/call', { name: 'slow', arguments: { ms: 10 }, _meta: { progressToken: 1 } }, opts(10_000, { onNotification: (n) => seen.push(n) }));
    expect(r).toMatchObject({ result: { content: [{ text: 'done' }] } });
    expect(seen.map((n) => n.method)).toEqual(['notifications/progress']);
    const late = await up.request('tools/call', { name: 'slow', arguments: { ms: 20_000 } }, opts(300));
    expect(late).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_DEADLINE' } } });
    await vi.waitFor(async () => expect(Number(await callText(up, 'cancelled'))).toBeGreaterThanOrEqual(1), { timeout: 5000 });
  });

  it('modern: auto picks 2026-07-28, progress is related, aborting cancels the stream', async () => {
    const { up } = await start(http('both'));
    expect(up.info).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', serverInfo: { name: 'upstream-echo' } });
    expect(await callText(up, 'echo', { text: 'ünï' })).toBe('echo: ünï');
    const seen: JsonRpcNotification[] = [];
    const r = await up.request('tools/call', { name: 'slow', arguments: { ms: 10 }, _meta: { progressToken: 'p' } }, opts(10_000, { onNotification: (n) => seen.push(n) }));
    expect(r).toMatchObject({ result: { content: [{ text: 'done' }] } });
    expect(seen.map((n) => n.method)).toEqual(['notifications/progress']);
    const ctl = new AbortController();
    const pending = up.request('tools/call', { name: 'slow', arguments: { ms: 20_000 } }, opts(30_000, { signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 300);
    expect(await pending).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_CANCELLED' } } });
    // The server saw its request stream close and aborted the handler.
    await vi.waitFor(async () => expect(Number(await callText(up, 'cancelled'))).toBeGreaterThanOrEqual(1), { timeout: 5000 });
  });

  it('pins the era when configured; a modern pin against a legacy-only server stays down', async () => {
    const legacy = await start(http('both', { era: 'legacy' }));
    expect(legacy.up.info?.era).toBe('legacy');
    expect(await callText(legacy.up, 'echo', { text: 'l' })).toBe('echo: l');
    const wrong = await start(http('legacy', { era: 'modern' }), false);
    await vi.waitFor(() => expect(wrong.up.health().lastError).toMatch(/server\/discover failed/), { timeout: 5000 });
  });

  it('an unreachable server yields down + unavailable, never a throw', async () => {
    const { up } = await start(serverConfig({ transport: 'streamable-http', url: 'http://127.0.0.1:9/mcp' }), false);
    await vi.waitFor(() => expect(up.health().lastError).toBeDefined(), { timeout: 10_000 });
    expect(await up.request('tools/list', undefined, opts())).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE' } } });
  });

  it('legacy HTTP+SSE: endpoint event, POSTs, answers on the stream', async () => {
    const { up } = await start(serverConfig({ transport: 'sse', url: fixtures.sse!.url }));
    expect(up.info).toMatchObject({ era: 'legacy', serverInfo: { name: 'upstream-echo-sse' } });
    expect(await callText(up, 'echo', { text: 's' })).toBe('echo: s');
  });

  it('legacy HTTP+SSE: losing the stream closes the upstream and fails calls', async () => {
    const f = await startHttpFixture('sse', 'legacy');
    const { up, reasons } = await start(serverConfig({ transport: 'sse', url: f.url }));
    await f.stop();
    await vi.waitFor(() => expect(up.state).not.toBe('ready'), { timeout: 5000 });
    // The first reason is the lost stream; later reconnect attempts fail to connect at all.
    expect(reasons[0]).toMatch(/SSE stream/);
  });
});
