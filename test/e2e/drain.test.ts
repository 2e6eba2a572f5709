/**
 * SIGTERM drains: a call in flight when the gateway is told to stop still gets its result, the
 * health endpoint reports draining meanwhile, and the process exits 0 with its children gone.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, eventually, startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { TSX_IMPORT, descendantsOf, gone, killAll, nodeServer, q } from '../helpers/e2e.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e-slow.ts');
let gw: GatewayProcess | undefined;
let tree: number[] = [];

afterAll(async () => {
  await gw?.stop('SIGKILL');
  killAll(tree);
});

describe('SIGTERM', () => {
  it('lets the call in flight finish, then exits 0 leaving no child', async () => {
    gw = await startGateway(writeConfig(`servers:\n${nodeServer('slowpoke', [...TSX_IMPORT, FIXTURE, '--tag', 'drain'], `    cwd: ${q(ROOT)}\n`)}`));
    const client = new Client({ name: 'e2e-drain', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(gw.url)));
    await eventually(async () => (await client.listTools()).tools.some((t) => t.name === 'slowpoke__slow'));
    tree = descendantsOf(gw.child.pid!);
    expect(tree.length).toBeGreaterThan(0);
    const call = client.callTool({ name: 'slowpoke__slow', arguments: { ms: 2000 } });
    // The call is in flight upstream before the signal goes out.
    await new Promise((r) => setTimeout(r, 300));
    const exited = gw.stop('SIGTERM');
    await eventually(async () => (await fetch(new URL('/healthz', gw!.url))).status === 503, 5_000, 50);
    const result = await call;
    expect(result.isError).not.toBe(true);
    expect(await exited).toBe(0);
    await eventually(() => tree.every(gone), 10_000);
    await client.close().catch(() => undefined);
  });
});
