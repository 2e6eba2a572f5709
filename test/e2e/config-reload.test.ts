/**
 * Hot reload of the config file under a live 2025 session: adding a server shows its tools (with a
 * list_changed notification) without dropping the session; an invalid file (YAML syntax error,
 * schema error) is logged with its exact position and the old config keeps serving; `portcullis
 * validate` exits 1 with the same position.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, eventually, startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { EVERYTHING, FILESYSTEM, nodeServer } from '../helpers/e2e.js';

let gw: GatewayProcess;
let config: string;
let files: string;

const serverA = nodeServer('everything', [EVERYTHING, 'stdio']);
const withA = `servers:\n${serverA}`;
const withAB = (): string => `servers:\n${serverA}${nodeServer('filesystem', [FILESYSTEM, files])}`;

beforeAll(async () => {
  files = realpathSync(mkdtempSync(join(tmpdir(), 'portcullis-e2e-reload-')));
  writeFileSync(join(files, 'readme.txt'), 'reloaded\n');
  config = writeConfig(withA);
  gw = await startGateway(config);
});

afterAll(async () => {
  await gw?.stop();
});

const names = async (client: Client): Promise<string[]> => (await client.listTools()).tools.map((t) => t.name);
const textOf = (r: unknown): string => (r as { content: { text: string }[] }).content[0]!.text;

/** Runs `portcullis validate FILE`; returns its exit code and everything it printed. */
function validate(file: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, 'validate', file], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('hot reload', () => {
  it('adds a server under a live session, and rejects invalid files while keeping the old config', async () => {
    const client = new Client({ name: 'e2e-reload', version: '1' });
    let listChanged = 0;
    client.setNotificationHandler('notifications/tools/list_changed', () => {
      listChanged++;
    });
    const transport = new StreamableHTTPClientTransport(new URL(gw.url));
    await client.connect(transport);
    try {
      expect(client.getProtocolEra()).toBe('legacy');
      const session = transport.sessionId;
      expect(session).toBeDefined();
      await eventually(async () => (await names(client)).includes('everything__echo'));
      expect((await names(client)).some((n) => n.startsWith('filesystem__'))).toBe(false);

      // Add server B.
      writeFileSync(config, withAB());
      await eventually(async () => (await names(client)).includes('filesystem__read_text_file'), 30_000);
      await eventually(() => listChanged > 0, 15_000);
      expect(transport.sessionId).toBe(session);
      expect(textOf(await client.callTool({ name: 'filesystem__read_text_file', arguments: { path: join(files, 'readme.txt') } }))).toBe('reloaded\n');
      expect(textOf(await client.callTool({ name: 'everything__echo', arguments: { message: 'same session' } }))).toBe('Echo: same session');

      // A YAML syntax error: logged with its position, nothing changes.
      const yamlBroken = `${withAB()}  broken: [1, 2\n`;
      writeFileSync(config, yamlBroken);
      await eventually(() => /portcullis\.yaml:\d+:\d+ <yaml>/.test(gw.output()), 15_000);
      const v1 = validate(config);
      expect(v1.code).toBe(1);
      expect(v1.out).toMatch(/portcullis\.yaml:\d+:\d+ <yaml>/);

      // A schema error: the exact line and column of the unknown key.
      const good = withAB();
      const schemaBroken = `${good}  broken:\n    comand: node\n`;
      const line = good.split('\n').length + 1; // 1-based line of "comand"
      writeFileSync(config, schemaBroken);
      const expected = `portcullis.yaml:${line}:5 servers.broken.comand: unknown key "comand"`;
      await eventually(() => gw.output().includes(expected.replace(/"/g, '\\"')) || gw.output().includes(expected), 15_000).catch(() => {
        throw new Error(`expected the log to contain ${expected}:\n${gw.output().slice(-3000)}`);
      });
      const v2 = validate(config);
      expect(v2.code).toBe(1);
      expect(v2.out).toContain(expected);

      // The old (A + B) config still serves, in the same session.
      expect(transport.sessionId).toBe(session);
      const now = await names(client);
      expect(now).toContain('everything__echo');
      expect(now).toContain('filesystem__read_text_file');
      expect(textOf(await client.callTool({ name: 'everything__echo', arguments: { message: 'still' } }))).toBe('Echo: still');
      const ready = (await (await fetch(new URL('/readyz', gw.url))).json()) as { upstreams: { name: string }[] };
      expect(ready.upstreams.map((u) => u.name).sort()).toEqual(['everything', 'filesystem']);
    } finally {
      await client.close();
    }
  });
});
