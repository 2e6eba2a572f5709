import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiscoverReport } from '../discover/report.js';
import { runDiscover } from './discover.js';

const FIXTURE = resolve(import.meta.dirname, '../../test/fixtures/discover');

async function run(argv: string[], cwd = tmpdir()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDiscover(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, { env: {}, cwd });
  return { code, stdout, stderr };
}

describe('portcullis discover (arguments, listing without scan, wrap round trip)', () => {
  it('usage errors exit 2', async () => {
    const unknown = await run(['--client', 'cursr']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown client "cursr" (did you mean "cursor"?)');
    expect((await run(['--wrap', 'cursor', '--unwrap', 'cursor'])).stderr).toContain('cannot be used together');
    expect((await run(['--format', 'csv'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });

  it('--no-scan lists every client, classifies servers, and prints no secret', async () => {
    const r = await run(['--no-scan', '--format', 'json', '--home', join(FIXTURE, 'home'), '--project', join(FIXTURE, 'project')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DiscoverReport;
    expect(report.clients.map((c) => c.client)).toEqual(['claude-desktop', 'claude-code', 'cursor', 'vscode', 'vscode-insiders', 'windsurf', 'zed', 'gemini', 'codex', 'continue', 'cline', 'roo']);
    expect(report.summary).toMatchObject({ configs: 24, servers: 40, shadow: 38, throughPortcullis: 2, scanned: 0, blocked: 0 });
    const routes = report.clients.flatMap((c) => c.configs.flatMap((f) => f.servers.filter((s) => s.route === 'portcullis').map((s) => `${c.client}/${s.name}`)));
    expect(routes).toEqual(['claude-desktop/gateway', 'claude-code/through-gateway']);
    expect(r.stdout).not.toMatch(/SECRET-/);
    expect(r.stdout).toContain('--api-key [redacted]');
    const broken = report.clients[0]!.configs[1]!;
    expect(broken).toMatchObject({ status: 'error', error: expect.stringMatching(/^not valid JSON/) });
  });

  it('text output names files and routes; --client filters', async () => {
    const r = await run(['--no-scan', '--client', 'windsurf', '--home', join(FIXTURE, 'home'), '--project', join(FIXTURE, 'project')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Windsurf\n');
    expect(r.stdout).toContain('puppeteer [stdio, disabled]');
    expect(r.stdout).not.toContain('Cursor');
    expect(r.stdout).toMatch(/1 config file, 2 servers: 2 shadow, 0 through Portcullis/);
  });

  it('--wrap then --unwrap through the command line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'portcullis-discover-cli-'));
    cpSync(FIXTURE, root, { recursive: true });
    const home = join(root, 'home');
    const target = join(home, '.config', 'zed', 'settings.json');
    const original = readFileSync(target);
    const w = await run(['--wrap', 'zed', '--home', home, '--portcullis-command', 'portcullis', '--format', 'json']);
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ wrap: { client: 'zed', status: 'wrapped', file: target } });
    expect(readFileSync(target, 'utf8')).toContain('"command": "portcullis"');
    const again = await run(['--wrap', 'zed', '--home', home, '--portcullis-command', 'portcullis']);
    expect(again).toMatchObject({ code: 0, stdout: 'zed: already routed through Portcullis; nothing changed\n' });
    const u = await run(['--unwrap', 'zed', '--home', home]);
    expect(u.code).toBe(0);
    expect(readFileSync(target)).toEqual(original);
    const refused = await run(['--unwrap', 'zed', '--home', home]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('use --force');
  });
});
