/**
 * An upstream stdio server killed (SIGKILL) in the middle of a call: the call ends with a JSON-RPC
 * error instead of hanging, the other server keeps serving, the supervisor restarts the dead one
 * (new pid) and its tools come back, with `notifications/tools/list_changed` sent to the client.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, eventually, startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { EVERYTHING, TSX_IMPORT, descendantsOf, killAll, nodeServer, q } from '../helpers/e2e.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e-slow.ts');
/** The gateway's deadline for one call: the crashed call must end long before it. */
const REQUEST_TIMEOUT_MS = 90_000;

interface Ready {
  upstreams: { name: string; state: string; restarts: number; inFlight: number }[];
}

let gw: GatewayProcess;
let tree: number[] = [];

beforeAll(async () => {
  const config = writeConfig(
    `limits:\n  requestTimeoutMs: ${REQUEST_TIMEOUT_MS}\nservers:\n` +
      nodeServer('crashy', [...TSX_IMPORT, FIXTURE, '--tag', 'crashy'], `    cwd: ${q(ROOT)}\n    restart:\n      initialDelayMs: 1500\n      maxDelayMs: 3000\n`) +
      nodeServer('everything', [EVERYTHING, 'stdio']),
  );
  gw = await startGateway(config);
});

afterAll(async () => {
  tree = [...tree, ...descendantsOf(gw.child.pid!)];
  await gw?.stop();
  killAll(tree);
});

async function readyz(): Promise<Ready> {
  const res = await fetch(new URL('/readyz', gw.url));
  return (await res.json()) as Ready;
}
const upstream = async (name: string): Promise<Ready['upstreams'][number] | undefined> => (await readyz()).upstreams.find((u) => u.name === name);
const textOf = (r: unknown): string => (r as { content: { text: string }[] }).content[0]!.text;

describe('an upstream killed mid-call', () => {
  it('fails the call, keeps the other server, restarts the dead one and announces its tools', async () => {
    await eventually(async () => (await readyz()).upstreams.every((u) => u.state === 'ready'), 30_000);
    const client = new Client({ name: 'e2e-crash', version: '1' });
    let listChanged = 0;
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      listChanged++;
    });
    await client.connect(new StreamableHTTPClientTransport(new URL(gw.url)));
    try {
      // Open the session's GET stream notifications are delivered on before anything changes.
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('crashy__slow');
      const pid = Number(textOf(await client.callTool({ name: 'crashy__pid', arguments: {} })));
      expect(pid).toBeGreaterThan(0);
      tree.push(pid);

      const slow = client.callTool({ name: 'crashy__slow', arguments: { ms: 60_000 } }, { timeout: REQUEST_TIMEOUT_MS * 2 }).then(
        (result) => ({ result, error: undefined }),
        (error: unknown) => ({ result: undefined, error }),
      );
      await eventually(async () => (await upstream('crashy'))?.inFlight === 1, 15_000);
      const before = listChanged;
      process.kill(pid, 'SIGKILL');

      // The call ends with an error well before the gateway's deadline (bounded, not timed).
      const outcome = await Promise.race([slow, new Promise<'hung'>((r) => setTimeout(() => r('hung'), REQUEST_TIMEOUT_MS / 3))]);
      expect(outcome).not.toBe('hung');
      const settled = outcome as Awaited<typeof slow>;
      expect(settled.error, `the crashed call should end with a JSON-RPC error, got ${JSON.stringify(settled.result)}`).toBeDefined();
      expect(typeof (settled.error as { code?: unknown }).code).toBe('number');
      expect(String((settled.error as Error).message)).toMatch(/crashy/);

      // The other server is served meanwhile.
      expect(textOf(await client.callTool({ name: 'everything__echo', arguments: { message: 'still here' } }))).toBe('Echo: still here');

      // Not ready (restart delay 1.5 s), then ready again after a restart.
      await eventually(async () => (await upstream('crashy'))?.state !== 'ready', 10_000, 25);
      await eventually(async () => {
        const u = await upstream('crashy');
        return u?.state === 'ready' && u.restarts >= 1;
      }, 30_000);

      const newPid = Number(textOf(await client.callTool({ name: 'crashy__pid', arguments: {} })));
      tree.push(newPid);
      expect(newPid).not.toBe(pid);
      expect(textOf(await client.callTool({ name: 'crashy__hello', arguments: {} }))).toBe('hello from crashy');
      await eventually(async () => (await client.listTools()).tools.some((t) => t.name === 'crashy__slow'));

      // Its tools left and came back: the client was told (at least once).
      await eventually(() => listChanged > before, 15_000);
    } finally {
      await client.close();
    }
  });
});
