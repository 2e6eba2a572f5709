/**
 * Server identity across a moved directory, end to end: a real gateway process, a fixture server
 * over stdio, one state directory kept across runs.
 *
 * - A config directory that moves (a checkout renamed, a second clone sharing the state directory)
 *   runs the same server: paths under the config's directory and under Portcullis's own are pinned
 *   relative to them, so nothing is quarantined.
 * - The pin still tells servers apart: pointing the server at another file quarantines it as
 *   `identity-changed` until an admin approves.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, eventually, startGateway, type GatewayProcess } from '../helpers/gateway.js';
import { TSX_IMPORT, nodeServer, q } from '../helpers/e2e.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'surface-server.ts');
const TOOLS = [{ name: 'echo', description: 'Echo the text back.', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } }];

const base = mkdtempSync(join(tmpdir(), 'portcullis-move-'));
const state = join(base, 'state');
let gw: GatewayProcess | undefined;

afterAll(async () => {
  await gw?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** Writes `dir/portcullis.yaml` running the fixture with `dir/<toolsFile>` (absolute paths). */
function writeProject(dir: string, toolsFile: string): string {
  writeFileSync(join(dir, toolsFile), JSON.stringify(TOOLS));
  const config = join(dir, 'portcullis.yaml');
  writeFileSync(config, `servers:\n${nodeServer('srv', [...TSX_IMPORT, FIXTURE, '--tools', join(dir, toolsFile)], `    cwd: ${q(ROOT)}\n`)}`);
  return config;
}

/** The tool names the gateway serves, once the server is ready and listed. */
async function servedTools(config: string): Promise<string[]> {
  gw = await startGateway(config, [], { PORTCULLIS_STATE_DIR: state });
  const url = gw.url;
  await eventually(async () => {
    const ready = (await (await fetch(new URL('/readyz', url))).json()) as { upstreams: { name: string; state: string; listed?: boolean }[] };
    const srv = ready.upstreams.find((u) => u.name === 'srv');
    if (srv?.state !== 'ready' || srv.listed === false) throw new Error(`srv: ${JSON.stringify(srv)}`);
    return true;
  }, 30_000);
  const client = new Client({ name: 'e2e-identity-move', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close();
    await gw.stop();
    gw = undefined;
  }
}

function pins(...args: string[]): { status: string; reason: string; def: { args?: string[] } } {
  const r = spawnSync(process.execPath, [CLI, 'pins', ...args, '--db', join(state, 'pins.db'), '--format', 'json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const pin = (JSON.parse(r.stdout) as { pin: { status: string; reason: string; currentDef: { args?: string[] } } }).pin;
  return { status: pin.status, reason: pin.reason, def: pin.currentDef };
}

describe('server identity when the config directory moves', () => {
  it('serves the same server from a moved directory, pins paths relative to it, and still quarantines another file', async () => {
    const first = join(base, 'checkout-a');
    const moved = join(base, 'checkout-b');
    mkdirSync(first);
    expect(await servedTools(writeProject(first, 'tools.json'))).toEqual(['srv__echo']);
    const pinned = pins('show', 'srv', 'identity');
    expect(pinned.status).toBe('approved');
    expect(pinned.def.args).toEqual(['--import', 'tsx', '{portcullis}/test/fixtures/surface-server.ts', '--tools', '{config}/tools.json']);

    // The whole directory moves; the state directory stays where it was. The config names the
    // files at their new place, as the embedded default does (it finds its server where it is).
    renameSync(first, moved);
    expect(await servedTools(writeProject(moved, 'tools.json'))).toEqual(['srv__echo']);
    expect(pins('show', 'srv', 'identity')).toMatchObject({ status: 'approved' });

    // Another file is another server: its identity waits for an admin, and nothing of it is served.
    expect(await servedTools(writeProject(moved, 'other-tools.json'))).toEqual([]);
    expect(pins('show', 'srv', 'identity')).toMatchObject({ status: 'pending', reason: 'identity-changed' });
  }, 120_000);
});
