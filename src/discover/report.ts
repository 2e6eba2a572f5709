/**
 * `portcullis discover` without --wrap/--unwrap: find every client config, classify each server
 * (through Portcullis or shadow), optionally scan the shadow ones, and build the report.
 * Nothing secret reaches the report: env and header values never, arguments, URLs and error
 * messages only redacted.
 */
import { ConfigError } from '../config/config-error.js';
import { validateDocument } from '../config/load.js';
import { NO_POSITION } from '../config/positions.js';
import type { ServerConfig, ServerTransport } from '../config/types.js';
import type { Logger } from '../telemetry/logger.js';
import { throughPortcullis, type GatewayAddress } from './classify.js';
import { CLIENT_NAMES, type DiscoverRoots } from './clients.js';
import { portcullisName } from './entries.js';
import { itemsOf, listServers, screenListings, worstVerdict, type ServerListing, type ServerReport } from './inventory.js';
import { discoverFiles } from './read.js';
import { redactArgs, redactText, redactUrl } from '../telemetry/redact.js';
import type { Verdict } from './screen.js';
import type { ClientId, DiscoveredFile, DiscoveredServer, SectionScope } from './types.js';
import { wrapDir } from './wrap.js';

/** What discovery needs. */
export interface DiscoverOptions {
  roots: DiscoverRoots;
  client?: ClientId;
  /** Scan shadow servers (connect, list, screen). */
  scan: boolean;
  /** Per server, for connecting and listing. */
  timeoutMs: number;
  gateways: readonly GatewayAddress[];
  /** Resolves `${env:…}` in entries before they are scanned. */
  env: NodeJS.ProcessEnv;
  log?: Logger;
}

/** A scan summary of one shadow server. */
export interface ScanSummary {
  status: 'ok' | 'error' | 'skipped';
  error?: string;
  verdict?: Verdict;
  tools: number;
  prompts: number;
  resources: number;
  /** Items that are not `allow`, with the rules that fired. */
  flagged: { list: string; name: string; verdict: Verdict; rules: string[] }[];
}

/** One server entry of a client config, as reported. */
export interface ServerEntryReport {
  name: string;
  scope: SectionScope;
  /** Where in the file, for files with several lists (Claude Code projects). */
  section?: string;
  transport: ServerTransport;
  /** The command line, redacted. */
  command?: string;
  /** The URL, redacted. */
  url?: string;
  envKeys: string[];
  headerKeys: string[];
  disabled: boolean;
  route: 'portcullis' | 'shadow';
  scan?: ScanSummary;
}

/** One config file. */
export interface ConfigReport {
  path: string;
  scope: 'user' | 'project';
  status: 'ok' | 'error';
  error?: string;
  servers: ServerEntryReport[];
  /** Entries that could not be read. */
  problems: string[];
}

/** One client with its config files. */
export interface ClientReport {
  client: ClientId;
  name: string;
  configs: ConfigReport[];
}

/** The whole discovery report (`--format json`). */
export interface DiscoverReport {
  clients: ClientReport[];
  summary: { configs: number; servers: number; shadow: number; throughPortcullis: number; scanned: number; blocked: number; verdict: Verdict };
}

const quote = (a: string): string => (a === '' || /[\s"']/.test(a) ? JSON.stringify(a) : a);

function entryReport(s: DiscoveredServer, scope: SectionScope, label: string | undefined, route: ServerEntryReport['route']): ServerEntryReport {
  return {
    name: s.name,
    scope,
    ...(label === undefined ? {} : { section: label }),
    transport: s.transport,
    ...(s.command !== undefined ? { command: redactArgs([s.command, ...s.args], s.secrets).map(quote).join(' ') } : {}),
    ...(s.url !== undefined ? { url: redactUrl(s.url, s.secrets) } : {}),
    envKeys: s.envKeys,
    headerKeys: s.headerKeys,
    disabled: s.disabled,
    route,
  };
}

function summarise(report: ServerReport, secrets: readonly string[]): ScanSummary {
  const flagged = itemsOf(report)
    .filter(({ item }) => item.verdict !== 'allow')
    .slice(0, 50)
    .map(({ list, item }) => ({ list, name: item.name, verdict: item.verdict, rules: [...new Set(item.findings.map((f) => f.rule))] }));
  return {
    status: report.status,
    ...(report.error === undefined ? {} : { error: redactText(report.error, secrets) }),
    ...(report.status === 'ok' ? { verdict: worstVerdict([report]) } : {}),
    tools: report.tools.length,
    prompts: report.prompts.length,
    resources: report.resources.length + report.resourceTemplates.length,
    flagged,
  };
}

const skipped = (error: string): ScanSummary => ({ status: 'skipped', error, tools: 0, prompts: 0, resources: 0, flagged: [] });

/** A discovered shadow server waiting for its scan. */
interface Pending {
  server: DiscoveredServer;
  report: ServerEntryReport;
  group: string;
  key?: string;
}

/** Turns each distinct runnable entry into a ServerConfig (deduplicated by its translated form). */
function planScans(pending: readonly Pending[], env: NodeJS.ProcessEnv): { configs: ServerConfig[]; byKey: Map<string, string> } {
  const byKey = new Map<string, string>();
  const configs: ServerConfig[] = [];
  const taken = new Set<string>();
  for (const p of pending) {
    const s = p.server;
    if (s.disabled) p.report.scan = skipped('disabled in the client config');
    else if (s.portcullis === undefined) p.report.scan = skipped(`not scanned: ${s.untranslatable ?? 'cannot be translated'}`);
    if (p.report.scan) continue;
    const key = JSON.stringify(s.portcullis);
    p.key = key;
    if (byKey.has(key)) continue;
    const name = portcullisName(s.name, taken);
    try {
      const config = validateDocument({ servers: { [name]: s.portcullis } }, 'client config', NO_POSITION, env).servers[name];
      if (!config) throw new Error('not a server');
      configs.push(config);
      byKey.set(key, name);
    } catch (e) {
      const why = e instanceof ConfigError ? e.issues.map((i) => `${i.problem}`).join('; ') : String(e);
      p.report.scan = skipped(`not scanned: ${redactText(why, s.secrets)}`);
      p.key = undefined;
    }
  }
  return { configs, byKey };
}

/** Scans the pending servers; each client file's servers are screened together (cross-server context). */
async function scanPending(pending: readonly Pending[], opts: DiscoverOptions): Promise<void> {
  const { configs, byKey } = planScans(pending, opts.env);
  const listings = await listServers(configs, { timeoutMs: opts.timeoutMs, ...(opts.log ? { log: opts.log } : {}) });
  const listingByName = new Map<string, ServerListing>(listings.map((l) => [l.name, l]));
  const groups = new Map<string, Pending[]>();
  for (const p of pending) if (p.key !== undefined) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const members of groups.values()) {
    const names = [...new Set(members.map((m) => byKey.get(m.key!)!))];
    const reports = new Map(screenListings(names.map((n) => listingByName.get(n)!)).map((r) => [r.name, r]));
    for (const m of members) m.report.scan = summarise(reports.get(byKey.get(m.key!)!)!, m.server.secrets);
  }
}

function configReport(file: DiscoveredFile, opts: DiscoverOptions, pending: Pending[]): ConfigReport {
  const dir = wrapDir(opts.roots.home);
  const report: ConfigReport = { path: file.spec.path, scope: file.spec.scope, status: file.error === undefined ? 'ok' : 'error', servers: [], problems: [] };
  if (file.error !== undefined) report.error = file.error;
  for (const section of file.sections) {
    report.problems.push(...section.problems);
    for (const s of section.servers) {
      const route = throughPortcullis(s, opts.gateways, dir) ? 'portcullis' : 'shadow';
      const r = entryReport(s, section.spec.scope, section.spec.label, route);
      report.servers.push(r);
      if (route === 'shadow') pending.push({ server: s, report: r, group: `${file.spec.path}#${section.spec.path.join('.')}` });
    }
  }
  return report;
}

/** Finds client configs, classifies their servers, scans the shadow ones (unless `scan` is false). */
export async function discover(opts: DiscoverOptions): Promise<DiscoverReport> {
  const files = await discoverFiles(opts.roots, opts.client);
  const pending: Pending[] = [];
  const byClient = new Map<ClientId, ClientReport>();
  for (const file of files) {
    const id = file.spec.client;
    const client = byClient.get(id) ?? { client: id, name: CLIENT_NAMES[id], configs: [] };
    byClient.set(id, client);
    client.configs.push(configReport(file, opts, pending));
  }
  if (opts.scan && pending.length > 0) await scanPending(pending, opts);
  const all = [...byClient.values()].flatMap((c) => c.configs.flatMap((f) => f.servers));
  const scans = all.map((s) => s.scan).filter((s): s is ScanSummary => s !== undefined && s.status === 'ok');
  const blocked = scans.filter((s) => s.verdict === 'block').length;
  const verdict: Verdict = blocked > 0 ? 'block' : scans.some((s) => s.verdict === 'review') ? 'review' : 'allow';
  return {
    clients: [...byClient.values()],
    summary: {
      configs: files.length,
      servers: all.length,
      shadow: all.filter((s) => s.route === 'shadow').length,
      throughPortcullis: all.filter((s) => s.route === 'portcullis').length,
      scanned: scans.length,
      blocked,
      verdict,
    },
  };
}
