import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { JsonRpcNotification, Outcome } from '../../src/protocol/jsonrpc.js';
import { alive, callText, FIXTURE, opts, ROOT, startUpstream, stdioFixture, trackedStarts } from './helpers.js';

const start = trackedStarts();

describe('stdio upstream (real processes)', () => {
  it('auto-negotiates a legacy-only server; its server-to-client requests (unrelatable on stdio) go to events', async () => {
    const { up, stderr } = await start(stdioFixture('legacy'));
    expect(up.info).toMatchObject({ era: 'legacy', protocolVersion: '2025-11-25', serverInfo: { name: 'upstream-echo' }, instructions: 'echo fixture' });
    expect(await callText(up, 'echo', { text: 'hi' })).toBe('echo: hi');
    const onRequest = vi.fn(() => Promise.resolve<Outcome>({ result: { action: 'accept', content: { name: 'Ada' } } }));
    // stdio carries no relation for server-to-client requests: the upstream-wide handler answers (here with an error).
    expect(await callText(up, 'elicit', {}, opts(10_000, { onRequest }))).toMatch(/no handler for elicitation\/create/);
    expect(onRequest).not.toHaveBeenCalled();
    expect(stderr).toContain('upstream-echo: serving stdio');
  });

  it('auto-negotiates the modern era, sends the envelope, relates progress by token', async () => {
    const { up } = await start(stdioFixture('both'));
    expect(up.info).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', serverInfo: { name: 'upstream-echo', version: '1.0.0' } });
    const seen: JsonRpcNotification[] = [];
    const r = await up.request('tools/call', { name: 'slow', arguments: { ms: 10 }, _meta: { progressToken: 'tok' } }, opts(10_000, { onNotification: (n) => seen.push(n) }));
    expect(r).toMatchObject({ result: { content: [{ text: 'done' }] } });
    expect(seen).toEqual([expect.objectContaining({ method: 'notifications/progress', params: expect.objectContaining({ progressToken: 'tok' }) })]);
  });

  it('pins legacy or modern when configured', async () => {
    const legacy = await start(stdioFixture('both', { era: 'legacy' }));
    expect(legacy.up.info?.era).toBe('legacy');
    const modern = await start(stdioFixture('modern', { era: 'modern' }));
    expect(modern.up.info?.era).toBe('modern');
    expect(await callText(modern.up, 'echo', { text: 'm' })).toBe('echo: m');
  });

  it.each(['legacy', 'modern'])('a deadline cancels the call upstream (%s)', async (era) => {
    const { up } = await start(stdioFixture(era === 'legacy' ? 'legacy' : 'modern', { era: era as 'legacy' | 'modern' }));
    const r = await up.request('tools/call', { name: 'slow', arguments: { ms: 20_000 } }, opts(300));
    expect(r).toMatchObject({ error: { code: -32001, data: { portcullis: 'PORTCULLIS_ERR_DEADLINE' } } });
    await vi.waitFor(async () => expect(Number(await callText(up, 'cancelled'))).toBe(1), { timeout: 5000 });
  });

  it('a child killed mid-call fails that call at once, then restarts and is ready again', async () => {
    const { up, states } = await start(stdioFixture('legacy'));
    const pid = Number(await callText(up, 'pid'));
    const call = up.request('tools/call', { name: 'slow', arguments: { ms: 30_000 } }, opts(30_000));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    process.kill(pid, 'SIGKILL');
    expect(await call).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_CLOSED' } } });
    expect(Date.now() - t0).toBeLessThan(5000);
    await vi.waitFor(() => expect(up.state).toBe('ready'), { timeout: 20_000 });
    const pid2 = Number(await callText(up, 'pid'));
    expect(pid2).not.toBe(pid);
    expect(states).toEqual(['starting', 'ready', 'down', 'starting', 'ready']);
    expect(up.health()).toMatchObject({ restarts: 1, state: 'ready' });
  });

  it('a crash on the call itself gives an error outcome and the upstream comes back', async () => {
    const { up } = await start(stdioFixture('modern', { era: 'modern' }));
    expect(await up.request('tools/call', { name: 'crash', arguments: {} }, opts())).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_CLOSED' } } });
    await vi.waitFor(() => expect(up.state).toBe('ready'), { timeout: 20_000 });
    expect(await callText(up, 'echo', { text: 'back' })).toBe('echo: back');
  });

  it('stop() kills the whole process group, including a grandchild behind a shell', async () => {
    const command = `node --import tsx ${FIXTURE} --transport stdio --era legacy; echo done`;
    const { up } = await startUpstream(stdioFixture('legacy', { command: 'sh', args: ['-c', command] }));
    const pid = Number(await callText(up, 'pid'));
    expect(alive(pid)).toBe(true);
    await up.stop();
    expect(up.state).toBe('stopped');
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 5000 });
  });

  it('a command that does not exist reports a clear error and keeps retrying', async () => {
    const { up } = await start(stdioFixture('legacy', { command: 'portcullis-no-such-command-xyz', args: [] }), false);
    await vi.waitFor(() => expect(up.health().lastError).toMatch(/command not found/), { timeout: 5000 });
    expect(up.state).not.toBe('ready');
    expect(await up.request('tools/list', undefined, opts())).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE' } } });
  });
});

describe('process exit hook', () => {
  it('SIGKILLs every live child process group when the gateway process exits', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'fixtures', 'upstream-exit-hook.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    const pids = [/child (\d+)/, /grandchild (\d+)/].map((re) => Number(re.exec(out)?.[1]));
    expect(pids.every((p) => p > 0)).toBe(true);
    await vi.waitFor(() => expect(pids.map(alive)).toEqual([false, false]), { timeout: 5000 });
  });
});
