/**
 * The HTTP ingress driven by the official SDK client: modern (2026-07-28, auto negotiation), legacy
 * Streamable HTTP (2025-11-25) and the deprecated HTTP+SSE transport.
 */
import { Client, SSEClientTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start, type Started } from './harness.js';

let s: Started;
beforeEach(async () => {
  s = await start();
});
afterEach(async () => {
  await s.stop();
});

const textOf = (r: unknown): string => ((r as { content: { text: string }[] }).content[0]!.text);

describe('SDK client, modern era (versionNegotiation auto)', () => {
  it('discovers, lists and calls tools statelessly', async () => {
    const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)));
    expect(client.getProtocolEra()).toBe('modern');
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: 'hi' } }))).toBe('modern:default:hi');
    expect(textOf(await client.callTool({ name: 'héllo wörld', arguments: {} }))).toBe('unicode ok');
    expect(s.ingress.sessions.count).toBe(0);
    await client.close();
  });

  it('streams progress before the result (lazy SSE)', async () => {
    const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp/alt`)));
    const seen: number[] = [];
    const r = await client.callTool({ name: 'progress', arguments: {} }, { onprogress: (p) => seen.push(p.progress) });
    expect(textOf(r)).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
    await client.close();
  });

  it('serves subscriptions/listen with ack and notifications', async () => {
    const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)));
    let changed = 0;
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      changed++;
    });
    const sub = await client.listen({ toolsListChanged: true });
    await waitFor(() => s.core.listeners.length === 1);
    expect(s.core.listeners[0]!.filter).toEqual({ toolsListChanged: true });
    const l = s.core.listeners[0]!;
    l.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { _meta: { 'io.modelcontextprotocol/subscriptionId': l.id } } });
    await waitFor(() => changed === 1);
    await sub.close();
    await waitFor(() => s.core.listeners.length === 0);
    await client.close();
  });
});

describe('SDK client, legacy Streamable HTTP (default negotiation)', () => {
  it('initializes a session, calls tools, answers server-to-client requests, deletes on close', async () => {
    const client = new Client({ name: 't', version: '1' }, { capabilities: { roots: {} } });
    client.setRequestHandler('roots/list', async () => ({ roots: [{ uri: 'file:///tmp', name: 'tmp' }] }));
    const transport = new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`));
    await client.connect(transport);
    expect(client.getProtocolEra()).toBe('legacy');
    expect(s.ingress.sessions.count).toBe(1);
    expect(transport.sessionId).toBeDefined();
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: 'x' } }))).toBe('legacy:default:x');
    const seen: number[] = [];
    await client.callTool({ name: 'progress', arguments: {} }, { onprogress: (p) => seen.push(p.progress) });
    expect(seen).toEqual([1, 2, 3]);
    expect(textOf(await client.callTool({ name: 'ask', arguments: {} }))).toContain('file:///tmp');
    // Unsolicited traffic through the session sink reaches the standalone GET stream.
    let changed = 0;
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      changed++;
    });
    const sink = s.core.sinks.get(transport.sessionId!)!;
    expect(sink.clientCapabilities).toEqual({ roots: {} });
    sink.notify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    await waitFor(() => changed === 1);
    const roots = await sink.request('roots/list', undefined, AbortSignal.timeout(5_000));
    expect(roots).toMatchObject({ roots: [{ uri: 'file:///tmp' }] });
    const id = transport.sessionId!;
    await transport.terminateSession();
    await client.close();
    expect(s.ingress.sessions.count).toBe(0);
    expect(s.core.closed).toContain(id);
  });
});

describe('SDK client, deprecated HTTP+SSE', () => {
  it('opens /sse, posts to the announced endpoint, gets answers on the stream', async () => {
    const client = new Client({ name: 't', version: '1' }, { capabilities: { roots: {} } });
    client.setRequestHandler('roots/list', async () => ({ roots: [{ uri: 'file:///sse', name: 'sse' }] }));
    await client.connect(new SSEClientTransport(new URL(`${s.url}/sse/alt`)));
    expect(s.ingress.sessions.count).toBe(1);
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: 'old' } }))).toBe('legacy:alt:old');
    expect(textOf(await client.callTool({ name: 'ask', arguments: {} }))).toContain('file:///sse');
    await client.close();
    await waitFor(() => s.ingress.sessions.count === 0);
    expect(s.core.closed.length).toBe(1);
  });
});

async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
