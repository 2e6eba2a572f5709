/**
 * One client server entry → a `DiscoveredServer`: transport, command or URL, the names of its
 * env vars and headers, and the same entry as a Portcullis `servers:` item with the client's
 * variables rewritten as `${env:NAME}` references (literal `${` escaped as `$${`).
 */
import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { NAME_PATTERN } from '../config/schema.js';
import type { ServerTransport } from '../config/types.js';
import { secretsIn } from '../telemetry/redact.js';
import type { DiscoveredServer, EntryDialect, VarSyntax } from './types.js';

/** What variable translation needs to know. */
export interface TranslateContext {
  vars: VarSyntax;
  home: string;
  /** Set for project-scoped files: what `${workspaceFolder}` means. */
  workspace?: string;
}

type Translated = { ok: string } | { why: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const escapeLiteral = (s: string): string => s.split('${').join('$${');

function vscodeVar(inner: string, ctx: TranslateContext): Translated {
  if (inner.startsWith('env:') && NAME.test(inner.slice(4))) return { ok: `\${env:${inner.slice(4)}}` };
  if (inner === 'userHome') return { ok: escapeLiteral(ctx.home) };
  if (inner === 'pathSeparator' || inner === '/') return { ok: sep };
  if (inner === 'workspaceFolder' || inner === 'workspaceRoot') return ctx.workspace === undefined ? { why: `"\${${inner}}" has no meaning outside a workspace` } : { ok: escapeLiteral(ctx.workspace) };
  if (inner.startsWith('input:')) return { why: 'uses a VS Code "${input:…}" prompt' };
  return { why: `uses the client variable "\${${inner}}"` };
}

/** Rewrites one string from the client's variable syntax into Portcullis config syntax. */
export function translateValue(value: string, ctx: TranslateContext): Translated {
  if (ctx.vars === 'literal') return /\$\{\{/.test(value) ? { why: 'uses a "${{ … }}" template' } : { ok: escapeLiteral(value) };
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (value[i + 1] === '{') {
      const end = value.indexOf('}', i + 2);
      if (end < 0) {
        out += '$${';
        i += 2;
        continue;
      }
      const inner = value.slice(i + 2, end);
      i = end + 1;
      if (ctx.vars === 'vscode') {
        const t = vscodeVar(inner, ctx);
        if ('why' in t) return t;
        out += t.ok;
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s.exec(inner);
      if (!m || (ctx.vars === 'dollar' && m[2] !== undefined)) return { why: `uses an unsupported variable "\${${inner}}"` };
      out += m[2] === undefined ? `\${env:${m[1]!}}` : `\${env:${m[1]!}:-${escapeLiteral(m[2])}}`;
      continue;
    }
    const name = ctx.vars === 'dollar' ? /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1))?.[0] : undefined;
    if (name !== undefined) {
      out += `\${env:${name}}`;
      i += 1 + name.length;
    } else {
      out += '$';
      i++;
    }
  }
  return { ok: out };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const scalar = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(scalar).filter((s): s is string => s !== undefined) : []);
function record(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (scalar(x) !== undefined) out[k] = scalar(x)!;
  return out;
}

function transportOf(e: Record<string, unknown>, dialect: EntryDialect, url: string): ServerTransport {
  if (typeof e.httpUrl === 'string') return 'streamable-http';
  const type = scalar(e.type) ?? scalar(e.transportType) ?? scalar(e.transport);
  if (type === 'sse') return 'sse';
  if (type !== undefined && /^(http|streamable[-_]?http)$/i.test(type)) return 'streamable-http';
  if (dialect === 'gemini') return 'sse';
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    // not a URL: the Portcullis schema reports it
  }
  return /\/sse\/?$/.test(path) ? 'sse' : 'streamable-http';
}

/**
 * Normalises one entry. Returns a problem string when the entry is not an object or has neither
 * a command nor a URL. `ctx` translates variables for the Portcullis form.
 */
export function normaliseEntry(name: string, raw: unknown, dialect: EntryDialect, ctx: TranslateContext, key: string | number = name): DiscoveredServer | string {
  if (!isRecord(raw)) return `${name}: not an object`;
  const e: Record<string, unknown> = dialect === 'continue-json' && isRecord(raw.transport) ? { ...raw.transport } : raw;
  const nested = dialect === 'zed' && isRecord(e.command) ? e.command : undefined;
  const command = nested ? scalar(nested.path) : scalar(e.command);
  const args = strings(nested ? nested.args : e.args);
  const env = record(nested ? nested.env : e.env);
  const cwd = scalar(e.cwd);
  const url = scalar(e.url) ?? scalar(e.serverUrl) ?? scalar(e.httpUrl);
  const requestOptions = isRecord(e.requestOptions) ? e.requestOptions : {};
  const headers = record(e.headers ?? e.http_headers ?? requestOptions.headers);
  // Codex: headers and the bearer token named by env var; already Portcullis references.
  const refs: Record<string, string> = {};
  for (const [h, v] of Object.entries(record(e.env_http_headers))) if (NAME.test(v)) refs[h] = `\${env:${v}}`;
  const bearer = scalar(e.bearer_token_env_var);
  if (bearer !== undefined && NAME.test(bearer)) refs.Authorization = `Bearer \${env:${bearer}}`;
  const disabled = e.disabled === true || e.enabled === false;
  if (command === undefined && url === undefined) return `${name}: neither a command nor a url`;
  const transport: ServerTransport = command !== undefined ? 'stdio' : transportOf(e, dialect, url ?? '');

  const server: DiscoveredServer = {
    name,
    key,
    transport,
    args: command !== undefined ? args : [],
    envKeys: Object.keys(env),
    headerKeys: [...new Set([...Object.keys(headers), ...Object.keys(refs)])],
    disabled,
    secrets: [...new Set([...Object.values(env), ...Object.values(headers), ...secretsIn(command !== undefined ? args : [], url)])].filter((s) => s.length >= 4),
  };
  if (command !== undefined) server.command = command;
  else server.url = url;
  if (cwd !== undefined && command !== undefined) server.cwd = cwd;

  let why: string | undefined;
  const t = (s: string): string => {
    const r = translateValue(s, ctx);
    if ('why' in r) why ??= r.why;
    return 'ok' in r ? r.ok : '';
  };
  const tmap = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, t(v)]));
  const entry: Record<string, unknown> =
    command !== undefined
      ? { command: t(command), ...(args.length > 0 ? { args: args.map(t) } : {}), ...(Object.keys(env).length > 0 ? { env: tmap(env) } : {}), ...(cwd !== undefined ? { cwd: t(cwd) } : {}) }
      : { type: transport, url: t(url ?? ''), ...(Object.keys(headers).length + Object.keys(refs).length > 0 ? { headers: { ...tmap(headers), ...refs } } : {}) };
  if (disabled) entry.disabled = true;
  if (why !== undefined) server.untranslatable = why;
  else server.portcullis = entry;
  return server;
}

/** A Portcullis server name (1-32 of `A-Za-z0-9_-`) for a client entry name, unique within `taken` (which it extends). */
export function portcullisName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
  if (base.length > 32) base = `${base.slice(0, 23)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate) || !NAME_PATTERN.test(candidate); n++) candidate = `${base.slice(0, 32 - String(n).length - 1)}-${n}`;
  taken.add(candidate);
  return candidate;
}
