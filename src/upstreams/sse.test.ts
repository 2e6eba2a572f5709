import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../telemetry/logger.js';
import { SseTransport } from './sse.js';

function stream(text: string, keepOpen = true): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      if (!keepOpen) c.close();
    },
  });
}
const sse = (body: ReadableStream<Uint8Array>) => new Response(body, { headers: { 'content-type': 'text/event-stream' } });

function make(handler: (url: string, init?: RequestInit) => Response) {
  const posts: { url: string; body: unknown }[] = [];
  const f = ((url: string | URL, init?: RequestInit) => {
    if (init?.method === 'POST') posts.push({ url: String(url), body: JSON.parse(String(init.body)) });
    return Promise.resolve(handler(String(url), init));
  }) as typeof fetch;
  const t = new SseTransport({ url: 'http://up:1/sse', headers: {}, maxMessageBytes: 1e5, log: silentLogger(), fetch: f, endpointTimeoutMs: 500 });
  return { t, posts };
}

describe('SseTransport', () => {
  it('POSTs to the endpoint named by the stream (resolved against the SSE URL)', async () => {
    const { t, posts } = make((_url, init) => (init?.method === 'POST' ? new Response('Accepted', { status: 202 }) : sse(stream('event: endpoint\ndata: /messages?sessionId=1\n\n'))));
    await t.start();
    await t.send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(posts[0]!.url).toBe('http://up:1/messages?sessionId=1');
    await t.close();
  });

  it('refuses an endpoint on another origin', async () => {
    const { t } = make(() => sse(stream('event: endpoint\ndata: http://evil:1/messages\n\n')));
    await expect(t.start()).rejects.toThrow(/another origin/);
  });

  it('answers a failed POST with an error response and reports a lost stream', async () => {
    const { t } = make((_url, init) => (init?.method === 'POST' ? new Response('no', { status: 503 }) : sse(stream('event: endpoint\ndata: /m\n\n', false))));
    const got = vi.fn();
    const onclose = vi.fn();
    t.onmessage = got;
    t.onclose = onclose;
    await t.start();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledOnce());
    expect(String(onclose.mock.calls[0]![0])).toMatch(/SSE stream ended/);
  });
});
