import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateFiles, type DiscoverRoots } from './clients.js';
import { discoverFiles, parseClientText } from './read.js';
import type { ClientId, DiscoveredFile, DiscoveredServer } from './types.js';

const FIXTURE = resolve(import.meta.dirname, '../../test/fixtures/discover');
const roots: DiscoverRoots = { home: resolve(FIXTURE, 'home'), project: resolve(FIXTURE, 'project'), env: {} };
const files = await discoverFiles(roots);

function file(client: ClientId, suffix: string): DiscoveredFile {
  const f = files.find((x) => x.spec.client === client && x.spec.path.endsWith(suffix));
  if (!f) throw new Error(`no ${client} file ending ${suffix}; found ${files.map((x) => x.spec.path).join(', ')}`);
  return f;
}
const servers = (f: DiscoveredFile): DiscoveredServer[] => f.sections.flatMap((s) => s.servers);
const byName = (f: DiscoveredFile, name: string): DiscoveredServer => {
  const s = servers(f).find((x) => x.name === name);
  if (!s) throw new Error(`${f.spec.path} has no server ${name}`);
  return s;
};

describe('client config discovery over a fake home', () => {
  it('finds a config for every known client, user files before project files', () => {
    const clients = new Set(files.map((f) => f.spec.client));
    expect([...clients].sort()).toEqual(
      ['claude-code', 'claude-desktop', 'cline', 'codex', 'continue', 'cursor', 'gemini', 'roo', 'vscode', 'vscode-insiders', 'windsurf', 'zed'].sort(),
    );
    const cursor = files.filter((f) => f.spec.client === 'cursor').map((f) => f.spec.scope);
    expect(cursor).toEqual(['user', 'project']);
  });

  it('reports a malformed file with its position instead of failing', () => {
    const broken = file('claude-desktop', 'AppData/Roaming/Claude/claude_desktop_config.json');
    expect(broken.error).toMatch(/^not valid JSON at \d+:\d+: /);
    expect(broken.sections).toEqual([]);
    const good = file('claude-desktop', 'Library/Application Support/Claude/claude_desktop_config.json');
    expect(servers(good).map((s) => s.name)).toEqual(['filesystem', 'github', 'gateway']);
  });

  it('Claude Desktop: stdio entries with env names, values kept out of display fields', () => {
    const gh = byName(file('claude-desktop', 'claude_desktop_config.json'), 'github');
    expect(gh).toMatchObject({ transport: 'stdio', command: 'docker', envKeys: ['GITHUB_PERSONAL_ACCESS_TOKEN'] });
    expect(gh.secrets).toEqual(['SECRET-claude-desktop-github']);
    expect(gh.portcullis).toEqual({ command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'SECRET-claude-desktop-github' } });
  });

  it('Claude Code: user servers, per-project local servers, and .mcp.json with ${VAR} expansion', () => {
    const user = file('claude-code', '.claude.json');
    expect(user.sections.map((s) => [s.spec.scope, s.spec.label])).toEqual([
      ['user', undefined],
      ['local', 'projects["/home/me/app"]'],
    ]);
    expect(byName(user, 'sentry')).toMatchObject({ transport: 'streamable-http', url: 'https://mcp.sentry.dev/mcp', headerKeys: ['Authorization'] });
    expect(byName(user, 'db').envKeys).toEqual(['DATABASE_URL']);
    const project = file('claude-code', 'project/.mcp.json');
    expect(byName(project, 'api-server').portcullis).toEqual({
      type: 'sse',
      url: '${env:API_BASE_URL:-https://api.example.com}/mcp',
      headers: { Authorization: 'Bearer ${env:API_KEY}' },
    });
  });

  it('Cursor: JSONC with comments and trailing commas; URL transport inferred from /sse', () => {
    const f = file('cursor', 'home/.cursor/mcp.json');
    expect(f.error).toBeUndefined();
    expect(byName(f, 'zapier').transport).toBe('sse');
    expect(byName(f, 'context7').args).toEqual(['-y', '@upstash/context7-mcp', '--api-key', 'SECRET-cursor-context7']);
    expect(byName(file('cursor', 'project/.cursor/mcp.json'), 'project-tool').portcullis).toEqual({ command: 'node', args: [`${roots.project}/tools/server.js`] });
  });

  it('VS Code: mcp.json `servers`, settings.json `mcp.servers`, ${input:} left untranslatable, Insiders separate', () => {
    const f = file('vscode', 'Code/User/mcp.json');
    expect(byName(f, 'perplexity').untranslatable).toMatch(/input/);
    expect(byName(f, 'fetch').portcullis).toEqual({ command: 'uvx', args: ['mcp-server-fetch'], env: { HOME_DIR: roots.home, TOKEN: '${env:FETCH_TOKEN}' } });
    expect(byName(f, 'github-remote')).toMatchObject({ transport: 'streamable-http', headerKeys: ['Authorization'] });
    expect(servers(file('vscode', 'Code/User/settings.json')).map((s) => s.name)).toEqual(['legacy-settings-server']);
    expect(byName(file('vscode-insiders', 'Code - Insiders/User/mcp.json'), 'insiders-sse').transport).toBe('sse');
  });

  it('Windsurf: serverUrl remote entries and disabled servers', () => {
    const f = file('windsurf', 'mcp_config.json');
    expect(byName(f, 'github')).toMatchObject({ transport: 'streamable-http', url: 'https://api.githubcopilot.com/mcp/' });
    expect(byName(f, 'puppeteer')).toMatchObject({ disabled: true });
    expect(byName(f, 'puppeteer').portcullis).toMatchObject({ disabled: true });
  });

  it('Zed: JSONC context_servers, flat and legacy nested command, remote url', () => {
    const f = file('zed', '.config/zed/settings.json');
    expect(byName(f, 'local-mcp-server')).toMatchObject({ command: 'some-command', args: ['arg-1', 'arg-2'], envKeys: ['API_KEY'] });
    expect(byName(f, 'old-style')).toMatchObject({ command: '/usr/local/bin/old-server', args: ['--stdio'] });
    expect(byName(f, 'remote-mcp-server').transport).toBe('streamable-http');
  });

  it('Gemini CLI: httpUrl is streamable HTTP, url is SSE, $VAR becomes an env reference', () => {
    const f = file('gemini', 'home/.gemini/settings.json');
    expect(byName(f, 'httpServer').transport).toBe('streamable-http');
    expect(byName(f, 'sseServer').transport).toBe('sse');
    expect(byName(f, 'pythonTools').portcullis).toMatchObject({ env: { API_KEY: '${env:MY_API_TOKEN}' }, cwd: './mcp-servers/python' });
  });

  it('Codex: TOML tables, bearer_token_env_var and http_headers, enabled = false', () => {
    const f = file('codex', 'home/.codex/config.toml');
    expect(byName(f, 'docs')).toMatchObject({ command: 'docs-server', args: ['--port', '4000'], envKeys: ['API_KEY'] });
    expect(byName(f, 'figma').portcullis).toEqual({ type: 'streamable-http', url: 'https://mcp.figma.com/mcp', headers: { 'X-Team': 'core', Authorization: 'Bearer ${env:FIGMA_TOKEN}' } });
    expect(byName(f, 'parked').disabled).toBe(true);
  });

  it('Continue: config.yaml list, legacy config.json transport objects, project block files', () => {
    expect(servers(file('continue', '.continue/config.yaml')).map((s) => [s.name, s.transport, s.key])).toEqual([
      ['SQLite MCP', 'stdio', 0],
      ['Remote', 'streamable-http', 1],
    ]);
    expect(byName(file('continue', '.continue/config.json'), '#1')).toMatchObject({ command: 'uvx', args: ['mcp-server-sqlite', '--db-path', '/tmp/test.db'] });
    expect(byName(file('continue', 'playwright-mcp.yaml'), 'Browser search').command).toBe('npx');
    expect(byName(file('continue', 'from-claude.json'), 'copied').command).toBe('copied-tool');
  });

  it('Cline and Roo Code: VS Code globalStorage settings (Windows and Linux layouts), Roo project file', () => {
    const cline = file('cline', 'saoudrizwan.claude-dev/settings/cline_mcp_settings.json');
    expect(byName(cline, 'weather').command).toBe('node');
    expect(byName(cline, 'remote').transport).toBe('streamable-http');
    expect(byName(file('roo', 'rooveterinaryinc.roo-cline/settings/mcp_settings.json'), 'roo-sse')).toMatchObject({ transport: 'sse', headerKeys: ['X-API-Key'] });
    expect(byName(file('roo', 'project/.roo/mcp.json'), 'project-roo').command).toBe('roo-tool');
  });
});

describe('candidate paths', () => {
  it('adds APPDATA and XDG_CONFIG_HOME folders only when given in the environment', () => {
    const plain = candidateFiles({ home: '/h', project: '/p', env: {} }).map((s) => s.path);
    expect(plain).toContain('/h/Library/Application Support/Claude/claude_desktop_config.json');
    expect(plain).toContain('/h/AppData/Roaming/Code/User/mcp.json');
    expect(plain).toContain('/h/.config/zed/settings.json');
    expect(plain.some((p) => p.startsWith('/appdata'))).toBe(false);
    const withEnv = candidateFiles({ home: '/h', project: '/p', env: { APPDATA: '/appdata', XDG_CONFIG_HOME: '/xdg', CODEX_HOME: '/cx' } }).map((s) => s.path);
    expect(withEnv).toContain('/appdata/Claude/claude_desktop_config.json');
    expect(withEnv).toContain('/xdg/zed/settings.json');
    expect(withEnv).toContain('/cx/config.toml');
  });
});

describe('parseClientText', () => {
  it('accepts JSONC comments and trailing commas, reports syntax errors per format', () => {
    expect(parseClientText('// c\n{ "a": [1,], }', 'jsonc')).toEqual({ doc: { a: [1] } });
    expect(parseClientText('{ "a": ', 'jsonc')).toMatchObject({ error: expect.stringMatching(/^not valid JSON at 1:/) });
    expect(parseClientText('[x\n', 'toml')).toMatchObject({ error: expect.stringMatching(/^not valid TOML/) });
    expect(parseClientText('a: [\n', 'yaml')).toMatchObject({ error: expect.stringMatching(/^not valid YAML/) });
  });
});
