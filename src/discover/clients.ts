/**
 * Where each MCP client keeps its servers. Paths were checked against each client's docs or
 * source; docs/discover.md lists them with the sources.
 *
 * Per-user application folders are looked up for every platform at once (macOS
 * `~/Library/Application Support`, Windows `~/AppData/Roaming`, Linux `~/.config`), so a home
 * directory is read the same wherever it came from; `$APPDATA`, `$XDG_CONFIG_HOME`, `$CODEX_HOME`
 * and `$CLAUDE_CONFIG_DIR` add their folders when discovery runs on the real home.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientId, DocPath, FileSpec, SectionSpec } from './types.js';

/** The folders discovery reads. */
export interface DiscoverRoots {
  home: string;
  project: string;
  /** Consulted for APPDATA, XDG_CONFIG_HOME, CODEX_HOME, CLAUDE_CONFIG_DIR; pass `{}` for a fake home. */
  env: NodeJS.ProcessEnv;
}

/** Display names. */
export const CLIENT_NAMES: Record<ClientId, string> = {
  'claude-desktop': 'Claude Desktop',
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  'vscode-insiders': 'VS Code Insiders',
  windsurf: 'Windsurf',
  zed: 'Zed',
  gemini: 'Gemini CLI',
  codex: 'Codex',
  continue: 'Continue',
  cline: 'Cline',
  roo: 'Roo Code',
};

const unique = (xs: readonly (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => x !== undefined && x !== ''))];

/** Per-user application data folders, for all platforms. */
export function appDataRoots(r: DiscoverRoots): string[] {
  return unique([r.env.APPDATA, r.env.XDG_CONFIG_HOME, join(r.home, 'Library', 'Application Support'), join(r.home, 'AppData', 'Roaming'), join(r.home, '.config')]);
}

const map =
  (path: DocPath, scope: SectionSpec['scope']) =>
  (): SectionSpec[] => [{ path, kind: 'map', scope }];
const list =
  (path: DocPath, scope: SectionSpec['scope']) =>
  (): SectionSpec[] => [{ path, kind: 'list', scope }];

const plain = (command: string, args: readonly string[]): Record<string, unknown> => ({ command, args: [...args] });
const typed = (command: string, args: readonly string[]): Record<string, unknown> => ({ type: 'stdio', command, args: [...args] });
const named = (command: string, args: readonly string[]): Record<string, unknown> => ({ name: 'portcullis', command, args: [...args] });

/** Claude Code's `~/.claude.json`: user servers at the top, "local" servers per project. */
function claudeCodeSections(doc: unknown): SectionSpec[] {
  const out: SectionSpec[] = [{ path: ['mcpServers'], kind: 'map', scope: 'user' }];
  const projects = (doc as { projects?: unknown } | undefined)?.projects;
  if (projects !== null && typeof projects === 'object' && !Array.isArray(projects)) {
    for (const [p, v] of Object.entries(projects)) {
      const servers = (v as { mcpServers?: unknown } | null)?.mcpServers;
      if (servers !== null && typeof servers === 'object' && Object.keys(servers).length > 0) {
        out.push({ path: ['projects', p, 'mcpServers'], kind: 'map', scope: 'local', label: `projects[${JSON.stringify(p)}]` });
      }
    }
  }
  return out;
}

function filesIn(dir: string, exts: readonly string[]): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => exts.some((e) => f.endsWith(e)))
      .sort()
      .slice(0, 100)
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Every config file any known client may read, user files first. Files that do not exist are skipped later. */
export function candidateFiles(r: DiscoverRoots): FileSpec[] {
  const { home, project } = r;
  const apps = appDataRoots(r);
  const out: FileSpec[] = [];
  const add = (spec: FileSpec): void => void out.push(spec);

  for (const a of apps) {
    add({ client: 'claude-desktop', scope: 'user', path: join(a, 'Claude', 'claude_desktop_config.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'user'), entry: plain });
  }

  for (const dir of unique([r.env.CLAUDE_CONFIG_DIR, home])) {
    add({ client: 'claude-code', scope: 'user', path: join(dir, '.claude.json'), format: 'jsonc', dialect: 'common', vars: 'shell', sections: claudeCodeSections, entry: typed });
  }
  add({ client: 'claude-code', scope: 'project', path: join(project, '.mcp.json'), format: 'jsonc', dialect: 'common', vars: 'shell', sections: map(['mcpServers'], 'project') });

  add({ client: 'cursor', scope: 'user', path: join(home, '.cursor', 'mcp.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['mcpServers'], 'user'), entry: plain });
  add({ client: 'cursor', scope: 'project', path: join(project, '.cursor', 'mcp.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['mcpServers'], 'project') });

  for (const [client, folder] of [['vscode', 'Code'], ['vscode-insiders', 'Code - Insiders']] as const) {
    const userDirs = [...apps.map((a) => join(a, folder, 'User')), join(home, client === 'vscode' ? '.vscode-server' : '.vscode-server-insiders', 'data', 'User')];
    for (const u of userDirs) {
      add({ client, scope: 'user', path: join(u, 'mcp.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['servers'], 'user'), entry: typed });
      add({ client, scope: 'user', path: join(u, 'settings.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['mcp', 'servers'], 'user'), entry: typed });
    }
  }
  add({ client: 'vscode', scope: 'project', path: join(project, '.vscode', 'mcp.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['servers'], 'project') });
  add({ client: 'vscode', scope: 'project', path: join(project, '.vscode', 'settings.json'), format: 'jsonc', dialect: 'common', vars: 'vscode', sections: map(['mcp', 'servers'], 'project') });

  add({ client: 'windsurf', scope: 'user', path: join(home, '.codeium', 'windsurf', 'mcp_config.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'user'), entry: plain });

  const zedDirs = unique([r.env.XDG_CONFIG_HOME && join(r.env.XDG_CONFIG_HOME, 'zed'), join(home, '.config', 'zed'), r.env.APPDATA && join(r.env.APPDATA, 'Zed'), join(home, 'AppData', 'Roaming', 'Zed')]);
  for (const z of zedDirs) {
    add({ client: 'zed', scope: 'user', path: join(z, 'settings.json'), format: 'jsonc', dialect: 'zed', vars: 'literal', sections: map(['context_servers'], 'user'), entry: (c, a) => ({ source: 'custom', command: c, args: [...a], env: {} }) });
  }
  add({ client: 'zed', scope: 'project', path: join(project, '.zed', 'settings.json'), format: 'jsonc', dialect: 'zed', vars: 'literal', sections: map(['context_servers'], 'project') });

  add({ client: 'gemini', scope: 'user', path: join(home, '.gemini', 'settings.json'), format: 'jsonc', dialect: 'gemini', vars: 'dollar', sections: map(['mcpServers'], 'user'), entry: plain });
  add({ client: 'gemini', scope: 'project', path: join(project, '.gemini', 'settings.json'), format: 'jsonc', dialect: 'gemini', vars: 'dollar', sections: map(['mcpServers'], 'project') });

  for (const c of unique([r.env.CODEX_HOME, join(home, '.codex')])) {
    add({ client: 'codex', scope: 'user', path: join(c, 'config.toml'), format: 'toml', dialect: 'codex', vars: 'literal', sections: map(['mcp_servers'], 'user'), entry: plain });
  }
  add({ client: 'codex', scope: 'project', path: join(project, '.codex', 'config.toml'), format: 'toml', dialect: 'codex', vars: 'literal', sections: map(['mcp_servers'], 'project') });

  add({ client: 'continue', scope: 'user', path: join(home, '.continue', 'config.yaml'), format: 'yaml', dialect: 'continue-yaml', vars: 'literal', sections: list(['mcpServers'], 'user'), entry: named });
  add({ client: 'continue', scope: 'user', path: join(home, '.continue', 'config.json'), format: 'jsonc', dialect: 'continue-json', vars: 'literal', sections: list(['experimental', 'modelContextProtocolServers'], 'user') });
  for (const f of filesIn(join(project, '.continue', 'mcpServers'), ['.yaml', '.yml'])) {
    add({ client: 'continue', scope: 'project', path: f, format: 'yaml', dialect: 'continue-yaml', vars: 'literal', sections: list(['mcpServers'], 'project') });
  }
  for (const f of filesIn(join(project, '.continue', 'mcpServers'), ['.json'])) {
    add({ client: 'continue', scope: 'project', path: f, format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'project') });
  }

  const hosts = apps.flatMap((a) => ['Code', 'Code - Insiders', 'Cursor', 'Windsurf'].map((h) => join(a, h, 'User', 'globalStorage')));
  for (const g of [...hosts, join(home, '.vscode-server', 'data', 'User', 'globalStorage')]) {
    add({ client: 'cline', scope: 'user', path: join(g, 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'user'), entry: plain });
    add({ client: 'roo', scope: 'user', path: join(g, 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'user'), entry: plain });
  }
  add({ client: 'cline', scope: 'user', path: join(home, '.cline', 'data', 'settings', 'cline_mcp_settings.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'user'), entry: plain });
  add({ client: 'roo', scope: 'project', path: join(project, '.roo', 'mcp.json'), format: 'jsonc', dialect: 'common', vars: 'literal', sections: map(['mcpServers'], 'project') });

  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.path) ? false : (seen.add(s.path), true)));
}
