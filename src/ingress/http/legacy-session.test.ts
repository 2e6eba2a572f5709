import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PortcullisError } from '../../errors.js';
import { ANONYMOUS } from '../../pipeline/exchange.js';
import { LegacySession } from './legacy-session.js';
import { SessionStore } from './session-store.js';
import { KeepAlive } from './sse.js';

/** A ServerResponse stand-in that records what is written. */
class FakeRes extends EventEmitter {
  headersSent = false;
  writableEnded = false;
  writableFinished = false;
  destroyed = false;
  status = 0;
  body = '';
  writeHead(status: number): this {
    this.status = status;
    this.headersSent = true;
    return this;
  }
  flushHeaders(): void {}
  write(chunk: string): boolean {
    this.body += chunk;
    return true;
  }
  end(chunk?: string): this {
    if (chunk) this.body += chunk;
    this.writableEnded = this.writableFinished = true;
    this.emit('close');
    return this;
  }
  disconnect(): void {
    this.destroyed = true;
    this.emit('close');
  }
}
const asRes = (r: FakeRes): ServerResponse => r as unknown as ServerResponse;

const newSession = (bounds = { replayEvents: 4, replayBytes: 1 << 20, maxPending: 2 }): LegacySession =>
  new LegacySession('s1', 'streamable', { sessionId: 's1', era: 'legacy', protocolVersion: '2025-11-25', profile: 'default', principal: ANONYMOUS }, new KeepAlive(60_000), bounds);
const note = (i: number) => ({ jsonrpc: '2.0' as const, method: 'notifications/message', params: { i } });

describe('LegacySession', () => {
  it('buffers standalone messages while no GET stream is open and flushes them once, bounded', () => {
    const s = newSession();
    for (let i = 1; i <= 6; i++) s.emit(s.standalone, note(i));
    const res = new FakeRes();
    expect(s.attach(0, undefined, asRes(res))).toBe(true);
    // Only the last 4 survive the bound.
    expect(res.body.match(/^id: /gm)).toHaveLength(4);
    expect(res.body).toContain('id: 0_3');
    expect(res.body).not.toContain('id: 0_2\n');
    // A second live GET is refused; after a disconnect nothing is re-sent without Last-Event-ID.
    expect(s.attach(0, undefined, asRes(new FakeRes()))).toBe(false);
    res.disconnect();
    const again = new FakeRes();
    expect(s.attach(0, undefined, asRes(again))).toBe(true);
    expect(again.body).toBe('');
    s.emit(s.standalone, note(7));
    expect(again.body).toContain('id: 0_7');
  });

  it('answers a POST as JSON unless a message precedes the result, then streams with event ids', () => {
    const s = newSession();
    const plain = new FakeRes();
    s.finish(s.openStream(asRes(plain)), { jsonrpc: '2.0', id: 1, result: {} });
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.body)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    const streamed = new FakeRes();
    const st = s.openStream(asRes(streamed));
    s.emit(st, note(1));
    s.finish(st, { jsonrpc: '2.0', id: 2, result: {} });
    expect(streamed.body).toMatch(/^id: 2_1\ndata: .*\n\nid: 2_2\ndata: .*"id":2.*\n\n$/);
    expect(streamed.writableEnded).toBe(true);
  });

  it('bounds and correlates server-to-client requests; rejects them on close', async () => {
    const s = newSession();
    const res = new FakeRes();
    s.attach(0, undefined, asRes(res));
    const signal = new AbortController().signal;
    const a = s.request(s.standalone, 'roots/list', undefined, signal);
    const b = s.request(s.standalone, 'roots/list', undefined, signal);
    await expect(s.request(s.standalone, 'roots/list', undefined, signal)).rejects.toMatchObject({ code: 'PORTCULLIS_ERR_UPSTREAM_BUSY' });
    const ids = [...res.body.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(2);
    expect(s.resolve({ jsonrpc: '2.0', id: ids[0]!, result: { roots: [] } })).toBe(true);
    expect(s.resolve({ jsonrpc: '2.0', id: ids[0]!, result: {} })).toBe(false);
    await expect(a).resolves.toEqual({ roots: [] });
    s.close();
    await expect(b).rejects.toBeInstanceOf(PortcullisError);
    expect(res.writableEnded).toBe(true);
  });

  it('aborting a server-to-client request sends notifications/cancelled', async () => {
    const s = newSession();
    const res = new FakeRes();
    s.attach(0, undefined, asRes(res));
    const c = new AbortController();
    const p = s.request(s.standalone, 'sampling/createMessage', {}, c.signal);
    c.abort();
    await expect(p).rejects.toMatchObject({ code: 'PORTCULLIS_ERR_CANCELLED' });
    expect(res.body).toContain('notifications/cancelled');
  });

  it('an idle session holds little memory', () => {
    const before = process.memoryUsage().heapUsed;
    const keep: LegacySession[] = [];
    for (let i = 0; i < 2000; i++) keep.push(newSession());
    const per = (process.memoryUsage().heapUsed - before) / keep.length;
    expect(per).toBeLessThan(10_000);
  });
});

describe('SessionStore', () => {
  it('expires idle sessions, spares busy ones, enforces maxSessions', () => {
    const ended: string[] = [];
    const store = new SessionStore({ limits: () => ({ maxBodyBytes: 1, maxUpstreamMessageBytes: 1, maxResultBytes: 1, requestTimeoutMs: 1, sessionIdleMs: 100, maxSessions: 2 }), onEnd: (s) => ended.push(s.id), sweepMs: 60_000 });
    const idle = newSession();
    const busy = new LegacySession('s2', 'streamable', { ...idle.client, sessionId: 's2' }, new KeepAlive(60_000));
    store.add(idle);
    store.add(busy);
    expect(store.hasRoom()).toBe(false);
    busy.active = 1;
    const t = Date.now() + 1_000;
    store.sweep(t);
    expect(ended).toEqual(['s1']);
    expect(store.count).toBe(1);
    busy.active = 0;
    store.sweep(t + 50);
    expect(store.count).toBe(1);
    store.sweep(t + 200);
    expect(ended).toEqual(['s1', 's2']);
    expect(store.hasRoom()).toBe(true);
  });
});
