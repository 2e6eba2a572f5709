import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/load.js';
import { DEFAULT_GATEWAY } from './classify.js';
import type { DiscoverRoots } from './clients.js';
import { parseClientText } from './read.js';
import { unwrapClient } from './unwrap.js';
import { WrapError, splitCommand, wrapClient, wrapDir } from './wrap.js';
import { readWraps } from './wrap-state.js';
import type { ClientId } from './types.js';

const FIXTURE = resolve(import.meta.dirname, '../../test/fixtures/discover');
const COMMAND = ['/usr/bin/node', '/opt/portcullis/dist/cli/main.js'];

function fakeMachine(): DiscoverRoots {
  const root = mkdtempSync(join(tmpdir(), 'portcullis-wrap-'));
  cpSync(FIXTURE, root, { recursive: true });
  return { home: join(root, 'home'), project: join(root, 'project'), env: {} };
}
const wrap = (roots: DiscoverRoots, client: ClientId, now?: () => Date) => wrapClient({ roots, client, command: COMMAND, gateways: [DEFAULT_GATEWAY], ...(now ? { now } : {}) });
const siblings = (file: string): string[] => readdirSync(dirname(file)).sort();

describe('wrap and unwrap', () => {
  it('Cursor (JSONC with comments): rewrite, backup, valid 0600 YAML, idempotent, byte-identical unwrap', async () => {
    const roots = fakeMachine();
    const file = join(roots.home, '.cursor', 'mcp.json');
    const original = readFileSync(file);
    const r = await wrap(roots, 'cursor');
    expect(r).toMatchObject({ status: 'wrapped', file, moved: [{ name: 'zapier', as: 'zapier' }, { name: 'context7', as: 'context7' }], skipped: [] });
    expect(readFileSync(r.backup!)).toEqual(original);

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('// Cursor MCP servers (comments are allowed here)');
    const yaml = join(wrapDir(roots.home), 'cursor.yaml');
    expect(parseClientText(text, 'jsonc')).toEqual({ doc: { mcpServers: { portcullis: { command: COMMAND[0], args: [COMMAND[1], 'stdio', '--config', yaml] } } } });
    expect(statSync(yaml).mode & 0o777).toBe(0o600);
    const config = await loadConfigFile(yaml, {});
    expect(config.servers.context7?.args).toEqual(['-y', '@upstash/context7-mcp', '--api-key', 'SECRET-cursor-context7']);
    expect(config.servers.zapier?.transport).toBe('sse');

    const again = await wrap(roots, 'cursor');
    expect(again.status).toBe('already-wrapped');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(siblings(file).filter((f) => f.includes('portcullis-backup'))).toHaveLength(1);

    const u = await unwrapClient({ roots, client: 'cursor' });
    expect(u).toMatchObject({ file, backup: r.backup, yaml });
    expect(readFileSync(file)).toEqual(original);
    expect(await readWraps(wrapDir(roots.home), 'cursor')).toEqual([]);
    await expect(unwrapClient({ roots, client: 'cursor' })).rejects.toThrow(/no record .* use --force/);
    await unwrapClient({ roots, client: 'cursor', force: true });
    expect(readFileSync(file)).toEqual(original);
  });

  it('a server added after the wrap joins the same YAML; the Portcullis entry is not duplicated', async () => {
    const roots = fakeMachine();
    const file = join(roots.home, '.cursor', 'mcp.json');
    const first = await wrap(roots, 'cursor');
    const wrapped = (parseClientText(readFileSync(file, 'utf8'), 'jsonc') as { doc: { mcpServers: Record<string, unknown> } }).doc;
    wrapped.mcpServers.added = { command: 'new-tool', args: ['--serve'] };
    writeFileSync(file, JSON.stringify(wrapped, null, 2));
    const second = await wrap(roots, 'cursor');
    expect(second).toMatchObject({ status: 'wrapped', moved: [{ name: 'added', as: 'added' }], yaml: first.yaml });
    const doc = parseClientText(readFileSync(file, 'utf8'), 'jsonc') as { doc: { mcpServers: Record<string, unknown> } };
    expect(Object.keys(doc.doc.mcpServers)).toEqual(['portcullis']);
    expect(Object.keys((await loadConfigFile(first.yaml!, {})).servers)).toEqual(['zapier', 'context7', 'added']);
  });

  it('refuses to unwrap a file edited after the wrap, unless forced', async () => {
    const roots = fakeMachine();
    const file = join(roots.home, '.codeium', 'windsurf', 'mcp_config.json');
    const original = readFileSync(file);
    await wrap(roots, 'windsurf');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    await expect(unwrapClient({ roots, client: 'windsurf' })).rejects.toThrow(/changed since Portcullis wrapped it/);
    await unwrapClient({ roots, client: 'windsurf', force: true });
    expect(readFileSync(file)).toEqual(original);
  });

  it('refuses to write when the client file changes between reading and writing', async () => {
    const roots = fakeMachine();
    const file = join(roots.home, '.gemini', 'settings.json');
    const before = siblings(file);
    const now = (): Date => {
      writeFileSync(file, '{ "mcpServers": {} }');
      return new Date();
    };
    await expect(wrap(roots, 'gemini', now)).rejects.toThrow(/changed since it was read/);
    expect(readFileSync(file, 'utf8')).toBe('{ "mcpServers": {} }');
    expect(siblings(file)).toEqual(before);
    expect(existsSync(join(wrapDir(roots.home), 'gemini.yaml'))).toBe(false);
  });

  it('VS Code: leaves ${input:} servers in place and names the other file it did not touch', async () => {
    const roots = fakeMachine();
    const r = await wrap(roots, 'vscode');
    expect(r.file).toBe(join(roots.home, '.config', 'Code', 'User', 'mcp.json'));
    expect(r.moved.map((m) => m.name)).toEqual(['fetch', 'github-remote']);
    expect(r.skipped).toEqual([{ name: 'perplexity', reason: expect.stringContaining('input') }]);
    expect(r.otherFiles).toEqual([join(roots.home, '.config', 'Code', 'User', 'settings.json')]);
    const doc = parseClientText(readFileSync(r.file!, 'utf8'), 'jsonc') as { doc: { servers: Record<string, unknown>; inputs: unknown[] } };
    expect(Object.keys(doc.doc.servers)).toEqual(['perplexity', 'portcullis']);
    expect(doc.doc.servers.portcullis).toMatchObject({ type: 'stdio' });
    expect(doc.doc.inputs).toHaveLength(1);
  });

  it('Codex (TOML): moves the tables, keeps other settings and the disabled flag', async () => {
    const roots = fakeMachine();
    const r = await wrap(roots, 'codex');
    const doc = parseToml(readFileSync(r.file!, 'utf8')) as { model: string; mcp_servers: Record<string, unknown> };
    expect(doc.model).toBe('gpt-5');
    expect(Object.keys(doc.mcp_servers)).toEqual(['portcullis']);
    const yaml = parseYaml(readFileSync(r.yaml!, 'utf8')) as { servers: Record<string, Record<string, unknown>> };
    expect(yaml.servers.parked).toMatchObject({ disabled: true });
    expect(yaml.servers.figma).toMatchObject({ headers: { Authorization: 'Bearer ${env:FIGMA_TOKEN}' } });
  });

  it('Continue (YAML list) and Claude Code (user servers only, projects untouched)', async () => {
    const roots = fakeMachine();
    const c = await wrap(roots, 'continue');
    const text = readFileSync(c.file!, 'utf8');
    expect(text).toContain('# MCP servers for agent mode');
    expect((parseYaml(text) as { mcpServers: { name: string }[] }).mcpServers.map((s) => s.name)).toEqual(['portcullis']);
    expect(c.moved.map((m) => m.as)).toEqual(['SQLite-MCP', 'Remote']);

    const cc = await wrap(roots, 'claude-code');
    const doc = (parseClientText(readFileSync(cc.file!, 'utf8'), 'jsonc') as { doc: { numStartups: number; mcpServers: object; projects: Record<string, { mcpServers: object }> } }).doc;
    expect(Object.keys(doc.mcpServers)).toEqual(['portcullis']);
    expect(Object.keys(doc.projects['/home/me/app']!.mcpServers)).toEqual(['db']);
    expect(doc.numStartups).toBe(12);
  });

  it('unset env references are fine (the client supplies them); a schema problem refuses the wrap', async () => {
    const roots = fakeMachine();
    const file = join(roots.home, '.claude.json');
    writeFileSync(file, JSON.stringify({ mcpServers: { remote: { type: 'http', url: '${BASE_URL_UNSET:-https://h.example}/mcp', headers: { Authorization: 'Bearer ${TOKEN_UNSET}' } } } }));
    const r = await wrap(roots, 'claude-code');
    const config = await loadConfigFile(r.yaml!, { TOKEN_UNSET: 'tok' });
    expect(config.servers.remote).toMatchObject({ url: 'https://h.example/mcp', headers: { Authorization: 'Bearer tok' } });

    const bad = JSON.stringify({ mcpServers: { local: { command: 'x', cwd: '' } } });
    writeFileSync(join(roots.home, '.cursor', 'mcp.json'), bad);
    await expect(wrap(roots, 'cursor')).rejects.toThrow(/generated Portcullis config is not valid[\s\S]*servers\.local\.cwd/);
    expect(readFileSync(join(roots.home, '.cursor', 'mcp.json'), 'utf8')).toBe(bad);
    expect(existsSync(join(wrapDir(roots.home), 'cursor.yaml'))).toBe(false);
  });

  it('says so when there is nothing to wrap', async () => {
    const roots = fakeMachine();
    roots.home = join(roots.home, 'nowhere');
    await expect(wrap(roots, 'zed')).rejects.toBeInstanceOf(WrapError);
  });
});

describe('splitCommand', () => {
  it('splits on spaces with quotes', () => {
    expect(splitCommand('npx -y portcullis')).toEqual(['npx', '-y', 'portcullis']);
    expect(splitCommand(`"C:\\Program Files\\node.exe" 'a b' ""`)).toEqual(['C:\\Program Files\\node.exe', 'a b', '']);
  });
});
