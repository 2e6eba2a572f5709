/**
 * `portcullis discover` end to end, in-process with `--home` on temporary homes: discovery of the
 * fixture home, scanning real stdio servers found in a client config (shadow vs through
 * Portcullis, verdicts, no secrets, no orphans), and wrap → the wrapped entry really serves the
 * client's servers through `portcullis stdio` (the built CLI, like the other e2e tests) → unwrap
 * restores the file byte for byte.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiscover } from '../../src/cli/discover.js';
import { loadConfigFile } from '../../src/config/load.js';
import type { DiscoverReport } from '../../src/discover/report.js';
import { CLI, ROOT, eventually } from '../helpers/gateway.js';
import { TSX_IMPORT, binOf, childrenRunning, descendantsOf, gone, killedAfterEach } from '../helpers/e2e.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'discover');
const POISONED = join(FIXTURE, 'poisoned-server.ts');
const MEMORY = binOf('@modelcontextprotocol/server-memory');
const node = process.execPath;

/** Every pid a test saw, killed after it whatever happened. */
const seen = killedAfterEach();

async function discover(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDiscover(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, { env: { ...process.env, PORTCULLIS_CONFIG: '' }, cwd: ROOT });
  return { code, stdout, stderr };
}

/** A home with one Cursor config: a poisoned server, the memory server, and an entry through Portcullis. */
function cursorHome(): { home: string; project: string; file: string; pidFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'portcullis-discover-e2e-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(join(home, '.cursor'), { recursive: true });
  mkdirSync(project);
  const pidFile = join(root, 'poisoned.pid');
  const file = join(home, '.cursor', 'mcp.json');
  const config = {
    mcpServers: {
      poisoned: { command: node, args: [...TSX_IMPORT, POISONED, '--pid-file', pidFile], cwd: ROOT },
      memory: { command: node, args: [MEMORY], env: { MEMORY_FILE_PATH: join(root, 'memory.jsonl'), MEMORY_API_TOKEN: 'SECRET-discover-e2e' } },
      gateway: { command: 'npx', args: ['-y', 'portcullis', 'stdio'] },
    },
  };
  writeFileSync(file, `// my Cursor servers\n${JSON.stringify(config, null, 2)}\n`);
  return { home, project, file, pidFile };
}

/** Runs a stdio MCP command line (in `home`, with HOME=`home`, so any state it keeps stays there): initialize, tools/list; returns the tool names. Ends it with stdin EOF. */
async function listToolsOver(command: string, args: string[], home: string): Promise<string[]> {
  const child = spawn(command, args, { cwd: home, stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: { ...process.env, HOME: home, USERPROFILE: home, PORTCULLIS_LOG_LEVEL: 'warn' } });
  seen.push(child.pid!);
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`exited (${String(code)}) early; stderr:\n${err}`))));
  exited.catch(() => undefined);
  const send = (m: object): boolean => child.stdin.write(`${JSON.stringify(m)}\n`);
  const answer = (id: number): Promise<Record<string, unknown> | undefined> =>
    Promise.race([
      eventually(() => lines.find((l) => l.id === id), 60_000).catch(() => {
        throw new Error(`no answer to ${id}; stderr:\n${err}`);
      }),
      exited,
    ]);
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } });
  await answer(1);
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
  const list = (await answer(2)) as { result?: { tools?: { name: string }[] } };
  const tree = [child.pid!, ...descendantsOf(child.pid!)];
  seen.push(...tree);
  child.stdin.end();
  await eventually(() => tree.every(gone), 20_000);
  return (list.result?.tools ?? []).map((t) => t.name);
}

describe('portcullis discover', () => {
  it('lists the fixture home as JSON: every client, the malformed file, shadow vs through Portcullis', async () => {
    const root = mkdtempSync(join(tmpdir(), 'portcullis-discover-e2e-'));
    cpSync(FIXTURE, root, { recursive: true });
    const r = await discover(['--no-scan', '--format', 'json', '--home', join(root, 'home'), '--project', join(root, 'project')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DiscoverReport;
    expect(report.clients).toHaveLength(12);
    expect(report.summary).toMatchObject({ servers: 40, shadow: 38, throughPortcullis: 2 });
    const errors = report.clients.flatMap((c) => c.configs.filter((f) => f.status === 'error').map((f) => f.path));
    expect(errors).toEqual([join(root, 'home', 'AppData', 'Roaming', 'Claude', 'claude_desktop_config.json')]);
    expect(r.stdout).not.toContain('SECRET-');
  });

  it('scans the shadow servers it finds (real stdio processes), skips the one through Portcullis, leaves nothing running', async () => {
    const { home, project, pidFile } = cursorHome();
    const r = await discover(['--format', 'json', '--home', home, '--project', project, '--timeout-ms', '60000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('SECRET-');
    const report = JSON.parse(r.stdout) as DiscoverReport;
    const servers = report.clients[0]!.configs[0]!.servers;
    expect(servers.map((s) => [s.name, s.route, s.scan?.status, s.scan?.verdict])).toEqual([
      ['poisoned', 'shadow', 'ok', 'block'],
      ['memory', 'shadow', 'ok', 'allow'],
      ['gateway', 'portcullis', undefined, undefined],
    ]);
    expect(servers[0]!.scan?.flagged.map((f) => [f.list, f.name, f.verdict])).toEqual([['tools', 'add', 'block']]);
    expect(servers[1]!.envKeys).toEqual(['MEMORY_FILE_PATH', 'MEMORY_API_TOKEN']);
    expect(report.summary).toMatchObject({ shadow: 2, throughPortcullis: 1, scanned: 2, blocked: 1, verdict: 'block' });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    seen.push(pid);
    expect(gone(pid)).toBe(true);
    expect(childrenRunning(POISONED, MEMORY)).toEqual([]);
  });

  it('wrap: rewrites with a backup, the YAML is valid, the new entry serves the same tools; idempotent; unwrap is byte-identical', async () => {
    const { home, project, file } = cursorHome();
    const original = readFileSync(file);
    // The default --portcullis-command: this checkout's built CLI, run by this Node.
    const w = await discover(['--wrap', 'cursor', '--home', home, '--project', project, '--format', 'json']);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    const { wrap } = JSON.parse(w.stdout) as { wrap: { file: string; backup: string; yaml: string; moved: { name: string; as: string }[] } };
    expect(wrap.file).toBe(file);
    expect(wrap.moved.map((m) => m.name)).toEqual(['poisoned', 'memory']);
    expect(readFileSync(wrap.backup)).toEqual(original);
    const config = await loadConfigFile(wrap.yaml);
    expect(Object.keys(config.servers)).toEqual(['poisoned', 'memory']);

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('// my Cursor servers\n')).toBe(true);
    const entry = (JSON.parse(text.replace(/^\/\/.*\n/, '')) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers;
    expect(Object.keys(entry)).toEqual(['gateway', 'portcullis']);
    expect([entry.portcullis!.command, entry.portcullis!.args[0]]).toEqual([node, CLI]);
    const tools = await listToolsOver(entry.portcullis!.command, entry.portcullis!.args, home);
    expect(tools).toEqual(expect.arrayContaining(['poisoned__echo', 'memory__read_graph']));

    const listed = await discover(['--no-scan', '--format', 'json', '--home', home, '--project', project]);
    const routes = (JSON.parse(listed.stdout) as DiscoverReport).clients[0]!.configs[0]!.servers.map((s) => [s.name, s.route]);
    expect(routes).toEqual([
      ['gateway', 'portcullis'],
      ['portcullis', 'portcullis'],
    ]);

    const again = await discover(['--wrap', 'cursor', '--home', home, '--project', project]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already routed through Portcullis');
    expect(readFileSync(file, 'utf8')).toBe(text);

    const u = await discover(['--unwrap', 'cursor', '--home', home]);
    expect(u.code).toBe(0);
    expect(readFileSync(file)).toEqual(original);
  });
});
