/** SSE behaviour of the HTTP ingress: lazy upgrade, cancellation, listen, GET stream, resumption, expiry, shutdown. */
import { afterEach, describe, expect, it } from 'vitest';
import { start, type Started } from './harness.js';
import { POST_HEADERS, modern, openStream, raw, sseData, waitFor } from './raw.js';

let s: Started | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: { roots: {} }, clientInfo: { name: 'raw', version: '1' } } });

async function session(st: Started, profile = ''): Promise<Record<string, string>> {
  const r = await raw(`${st.url}/mcp${profile}`, { headers: POST_HEADERS, body: INIT });
  return { ...POST_HEADERS, 'mcp-session-id': r.headers['mcp-session-id'] as string, 'mcp-protocol-version': '2025-11-25' };
}

describe('2026 requests', () => {
  it('switches to SSE when progress precedes the result', async () => {
    s = await start();
    const m = modern('tools/call', { name: 'progress', arguments: {}, _meta: undefined });
    const body = JSON.parse(m.body) as { params: { _meta: Record<string, unknown> } };
    body.params._meta.progressToken = 'p1';
    const r = await raw(`${s.url}/mcp`, { headers: m.headers, body: JSON.stringify(body) });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/event-stream');
    expect(r.headers['x-accel-buffering']).toBe('no');
    const msgs = sseData(r.text) as { method?: string; result?: unknown }[];
    expect(msgs.map((x) => x.method ?? 'result')).toEqual(['notifications/progress', 'notifications/progress', 'notifications/progress', 'result']);
  });

  it('treats closing the response as cancellation', async () => {
    s = await start();
    const m = modern('tools/call', { name: 'slow', arguments: {} });
    const st = openStream(`${s.url}/mcp`, { method: 'POST', headers: m.headers, body: m.body });
    await waitFor(() => s!.core.requests.length === 1);
    st.close();
    await waitFor(() => s!.core.aborted.length === 1);
    expect(s.core.aborted[0]).toMatch(/^req-/);
  });

  it('serves subscriptions/listen: ack first, keep-alives, notifications, graceful completion on shutdown', async () => {
    s = await start({ keepAliveMs: 30 });
    const m = modern('subscriptions/listen', { notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a', 3], bogus: true } }, 'L1');
    const st = openStream(`${s.url}/mcp`, { method: 'POST', headers: m.headers, body: m.body });
    expect(await st.status).toBe(200);
    expect((await st.headers)['content-type']).toBe('text/event-stream');
    await waitFor(() => s!.core.listeners.length === 1);
    expect(s.core.listeners[0]!.filter).toEqual({ toolsListChanged: true, resourceSubscriptions: ['file:///a'] });
    s.core.listeners[0]!.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 'L1' } } });
    await waitFor(() => st.text().includes('list_changed') && st.text().includes(':\n\n'));
    await s.stop();
    await st.ended;
    const msgs = sseData(st.text()) as { method?: string; id?: string; result?: Record<string, unknown> }[];
    expect(msgs[0]!.method).toBe('notifications/subscriptions/acknowledged');
    expect(msgs[1]!.method).toBe('notifications/tools/list_changed');
    expect(msgs[2]).toEqual({ jsonrpc: '2.0', id: 'L1', result: { resultType: 'complete', _meta: { 'io.modelcontextprotocol/subscriptionId': 'L1' } } });
    s = undefined;
  });

  it('ends the listen when the client disconnects', async () => {
    s = await start();
    const m = modern('subscriptions/listen', { notifications: { promptsListChanged: true } });
    const st = openStream(`${s.url}/mcp`, { method: 'POST', headers: m.headers, body: m.body });
    await waitFor(() => s!.core.listeners.length === 1);
    st.close();
    await waitFor(() => s!.core.listeners.length === 0);
  });
});

describe('2025 streams', () => {
  it('one standalone GET stream at a time (409), with messages buffered while none is open', async () => {
    s = await start();
    const h = await session(s);
    const sink = [...s.core.sinks.values()][0]!;
    sink.notify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    const get = { accept: 'text/event-stream', 'mcp-session-id': h['mcp-session-id']! };
    const first = openStream(`${s.url}/mcp`, { headers: get });
    expect(await first.status).toBe(200);
    await waitFor(() => first.text().includes('list_changed'));
    expect(first.text()).toContain('id: 0_1');
    const second = await raw(`${s.url}/mcp`, { method: 'GET', headers: get });
    expect(second.status).toBe(409);
    sink.notify({ jsonrpc: '2.0', method: 'notifications/prompts/list_changed' });
    await waitFor(() => first.text().includes('prompts/list_changed'));
    first.close();
    await first.ended;
    await new Promise((r) => setTimeout(r, 20));
    // Resume after the first event: only the second is replayed.
    const resumed = openStream(`${s.url}/mcp`, { headers: { ...get, 'last-event-id': '0_1' } });
    await waitFor(() => resumed.text().includes('prompts/list_changed'));
    expect(resumed.text()).not.toContain('tools/list_changed');
    resumed.close();
  });

  it('resumes a POST stream with Last-Event-ID and delivers a server-to-client request and the result', async () => {
    s = await start();
    const h = await session(s);
    const call = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'ask', arguments: {} } });
    const post = openStream(`${s.url}/mcp`, { method: 'POST', headers: h, body: call });
    await waitFor(() => post.text().includes('roots/list'));
    const req = sseData(post.text())[0] as { id: string; method: string };
    expect(req.method).toBe('roots/list');
    expect(req.id).toMatch(/^portcullis-/);
    const eventId = /id: (\S+)/.exec(post.text())![1]!;
    post.close();
    await post.ended;
    const answered = await raw(`${s.url}/mcp`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: req.id, result: { roots: [{ uri: 'file:///r' }] } }) });
    expect(answered.status).toBe(202);
    const resumed = openStream(`${s.url}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': h['mcp-session-id']!, 'last-event-id': eventId } });
    await resumed.ended;
    const msgs = sseData(resumed.text()) as { id?: number; result?: { content: { text: string }[] } }[];
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.id).toBe(9);
    expect(msgs[0]!.result!.content[0]!.text).toContain('file:///r');
  });

  it('notifications/cancelled aborts the request in flight', async () => {
    s = await start();
    const h = await session(s);
    const call = JSON.stringify({ jsonrpc: '2.0', id: 'slow-1', method: 'tools/call', params: { name: 'slow', arguments: {} } });
    const pending = raw(`${s.url}/mcp`, { headers: h, body: call });
    await waitFor(() => s!.core.requests.some((r) => r.req.method === 'tools/call'));
    const cancel = await raw(`${s.url}/mcp`, { headers: h, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'slow-1' } }) });
    expect(cancel.status).toBe(202);
    await waitFor(() => s!.core.aborted.length === 1);
    expect((await pending).json().error).toBeDefined();
  });

  it('expires idle sessions with one sweep timer', async () => {
    s = await start({ limits: { sessionIdleMs: 40 }, sweepMs: 10 });
    const h = await session(s);
    expect(s.ingress.sessions.count).toBe(1);
    await waitFor(() => s!.ingress.sessions.count === 0);
    expect(s.core.closed).toEqual([h['mcp-session-id']]);
    expect(s.core.sinks.size).toBe(0);
  });

  it('close() ends open streams and closes every session with the core', async () => {
    s = await start();
    const h = await session(s);
    const h2 = await session(s, '/alt');
    const get = openStream(`${s.url}/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': h['mcp-session-id']! } });
    const sse = openStream(`${s.url}/sse`, { headers: { accept: 'text/event-stream' } });
    await waitFor(() => sse.text().includes('event: endpoint'));
    expect(await get.status).toBe(200);
    expect(s.ingress.sessions.count).toBe(3);
    await s.stop();
    await get.ended;
    await sse.ended;
    expect(s.core.closed).toEqual(expect.arrayContaining([h['mcp-session-id'], h2['mcp-session-id']]));
    expect(s.core.closed).toHaveLength(3);
    expect(s.ingress.sessions.count).toBe(0);
    s = undefined;
  });
});

describe('HTTP+SSE', () => {
  it('announces the message endpoint and answers posts on the stream', async () => {
    s = await start();
    const sse = openStream(`${s.url}/sse`, { headers: { accept: 'text/event-stream' } });
    await waitFor(() => sse.text().includes('event: endpoint'));
    const endpoint = /data: (\/messages\?sessionId=\S+)/.exec(sse.text())![1]!;
    const r = await raw(`${s.url}${endpoint}`, { headers: { 'content-type': 'application/json' }, body: INIT });
    expect(r.status).toBe(202);
    await waitFor(() => sse.text().includes('"protocolVersion"'));
    expect(sse.text()).toContain('event: message');
    const big = await raw(`${s.url}${endpoint}`, { headers: { 'content-type': 'application/json' }, body: '{' });
    expect(big.status).toBe(400);
    sse.close();
    await waitFor(() => s!.ingress.sessions.count === 0);
  });
});
