/**
 * Shared shapes of `portcullis discover`: where MCP clients keep their server lists, what one
 * entry looks like once normalised, and what discovery reports per config file.
 */
import type { ServerTransport } from '../config/types.js';

/** The MCP clients discovery knows. */
export const CLIENT_IDS = [
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'vscode-insiders',
  'windsurf',
  'zed',
  'gemini',
  'codex',
  'continue',
  'cline',
  'roo',
] as const;

/** One known MCP client. */
export type ClientId = (typeof CLIENT_IDS)[number];

/** How a config file is written. `jsonc` also covers strict JSON. */
export type ConfigFormat = 'jsonc' | 'toml' | 'yaml';

/** Whose servers a section holds: every session of the user, one project, or one project but private (Claude Code "local"). */
export type SectionScope = 'user' | 'project' | 'local';

/**
 * How a client writes variables in its server entries, so wrap can turn them into Portcullis
 * `${env:NAME}` references: `literal` (none), `vscode` (`${env:NAME}`, `${userHome}`,
 * `${workspaceFolder}`, `${input:…}`), `shell` (`${NAME}`, `${NAME:-default}`; Claude Code),
 * `dollar` (`$NAME`, `${NAME}`; Gemini CLI).
 */
export type VarSyntax = 'literal' | 'vscode' | 'shell' | 'dollar';

/** Entry dialects that need more than the common keys. */
export type EntryDialect = 'common' | 'gemini' | 'codex' | 'zed' | 'continue-yaml' | 'continue-json';

/** A JSON path into a parsed document. */
export type DocPath = readonly (string | number)[];

/** One server list inside a config file. */
export interface SectionSpec {
  /** Where the servers are: a map name → entry, or (Continue) a list of entries with `name`. */
  path: DocPath;
  kind: 'map' | 'list';
  scope: SectionScope;
  /** Shown next to the file, e.g. `projects["/home/me/app"]`. */
  label?: string;
}

/** A config file a client may have, and how to read it. */
export interface FileSpec {
  client: ClientId;
  scope: 'user' | 'project';
  path: string;
  format: ConfigFormat;
  dialect: EntryDialect;
  vars: VarSyntax;
  /** The server lists in a parsed document (most files have one, fixed). */
  sections(doc: unknown): SectionSpec[];
  /** What a Portcullis entry looks like in this client (for wrap); undefined when wrap is not supported. */
  entry?: (command: string, args: readonly string[]) => Record<string, unknown>;
}

/** One client server entry, normalised. Raw client values are kept for display; `portcullis` is the translated entry. */
export interface DiscoveredServer {
  /** The key (or `name`) in the client's config. */
  name: string;
  /** Where it is in its section: the map key, or the list index. */
  key: string | number;
  transport: ServerTransport;
  command?: string;
  args: string[];
  cwd?: string;
  url?: string;
  /** Names only: values may be secrets and are never shown. */
  envKeys: string[];
  headerKeys: string[];
  disabled: boolean;
  /** The entry as a Portcullis `servers:` item (variables translated), or why it cannot be. */
  portcullis?: Record<string, unknown>;
  untranslatable?: string;
  /** Literal secret values of this entry (env, headers), for redaction of free text. Never printed. */
  secrets: string[];
}

/** One section of one config file, with its servers. */
export interface DiscoveredSection {
  spec: SectionSpec;
  servers: DiscoveredServer[];
  /** Entries that could not be read at all (not an object, no command or url). */
  problems: string[];
}

/** One config file found on disk. */
export interface DiscoveredFile {
  spec: FileSpec;
  /** The bytes read (wrap compares them before writing). */
  text: string;
  /** Parsed document; undefined when the file is malformed. */
  doc?: unknown;
  error?: string;
  sections: DiscoveredSection[];
}
