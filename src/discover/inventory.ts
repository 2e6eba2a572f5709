/**
 * Inventory: connect to a set of servers with the gateway's own upstream client, list everything
 * they show a model (tools, prompts, resources, resource templates, server instructions), close
 * them, and screen every item with cross-server context. Used by `portcullis scan --config` and
 * `portcullis discover`.
 *
 * Every upstream is stopped (stdio children killed with their process group) before its listing
 * returns — on success, error and timeout alike.
 */
import { DEFAULTS } from '../config/schema.js';
import type { LimitsConfig, ServerConfig, ServerTransport } from '../config/types.js';
import { fetchList } from '../gateway/lists.js';
import type { JsonObject } from '../protocol/jsonrpc.js';
import type { ListKind } from '../routing/catalog.js';
import { silentLogger, type Logger } from '../telemetry/logger.js';
import { createUpstream, type UpstreamDeps } from '../upstreams/client.js';
import type { UpstreamEvents } from '../upstreams/types.js';
import { screenItem, verdictFor, type Finding, type ScreenItem, type Verdict } from './screen.js';

/** How to take an inventory. */
export interface InventoryOptions {
  /** Per server: connecting and listing everything must finish within this many ms. */
  timeoutMs: number;
  /** Servers contacted at once (default 4). */
  concurrency?: number;
  limits?: LimitsConfig;
  log?: Logger;
  /** Replaces the network (tests). */
  transportFactory?: UpstreamDeps['transportFactory'];
}

/** What one server lists, unscreened. */
export interface ServerListing {
  name: string;
  transport: ServerTransport;
  status: 'ok' | 'error';
  error?: string;
  tools: JsonObject[];
  prompts: JsonObject[];
  resources: JsonObject[];
  resourceTemplates: JsonObject[];
  instructions?: string;
  /** The server's self-description from its handshake (name, title, version, …). */
  serverInfo?: JsonObject;
}

/** One screened item. */
export interface ItemReport {
  name: string;
  /** Resources: the URI; templates: the URI template. */
  uri?: string;
  verdict: Verdict;
  findings: Finding[];
}

/** One screened server: the `servers[]` element of `portcullis scan --config --format json`. */
export interface ServerReport {
  name: string;
  transport: ServerTransport;
  status: 'ok' | 'error';
  error?: string;
  tools: ItemReport[];
  prompts: ItemReport[];
  resources: ItemReport[];
  resourceTemplates: ItemReport[];
  /** The server item: its instructions and serverInfo. */
  instructions?: { verdict: Verdict; findings: Finding[] };
}

const KINDS: readonly [ListKind, 'tools' | 'prompts' | 'resources' | 'resourceTemplates'][] = [
  ['tools', 'tools'],
  ['prompts', 'prompts'],
  ['resources', 'resources'],
  ['templates', 'resourceTemplates'],
];

const empty = (config: ServerConfig, error?: string): ServerListing => ({
  name: config.name,
  transport: config.transport,
  status: error === undefined ? 'ok' : 'error',
  ...(error === undefined ? {} : { error }),
  tools: [],
  prompts: [],
  resources: [],
  resourceTemplates: [],
});

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Connects to one server, lists everything, and always stops the upstream before returning. */
export async function listServer(config: ServerConfig, options: InventoryOptions): Promise<ServerListing> {
  const { timeoutMs } = options;
  let settle: (reason: string | undefined) => void = () => undefined;
  const first = new Promise<string | undefined>((resolve) => (settle = resolve));
  const events: UpstreamEvents = {
    onNotification: () => undefined,
    onRequest: () => Promise.resolve({ error: { code: -32601, message: 'not supported while scanning' } }),
    onStateChange: (_name, state, _info, reason) => {
      if (state === 'ready') settle(undefined);
      else if (state === 'down') settle(reason ?? 'connection failed');
    },
  };
  const upstream = createUpstream(config, events, {
    log: options.log ?? silentLogger(),
    limits: options.limits ?? { ...DEFAULTS.limits },
    ...(options.transportFactory ? { transportFactory: options.transportFactory } : {}),
  });
  const deadline = Date.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const listing = empty(config);
  try {
    upstream.start();
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
    });
    const failure = await Promise.race([first, timeout]);
    if (failure !== undefined) return empty(config, failure);
    for (const [kind, field] of KINDS) {
      const left = deadline - Date.now();
      if (left <= 0) return { ...listing, status: 'error', error: `listing did not finish within ${timeoutMs} ms` };
      listing[field] = await fetchList(upstream, kind, left);
    }
    const instructions = upstream.info?.instructions;
    if (typeof instructions === 'string' && instructions !== '') listing.instructions = instructions;
    const serverInfo = upstream.info?.serverInfo;
    if (serverInfo && Object.keys(serverInfo).length > 0) listing.serverInfo = serverInfo;
    return listing;
  } catch (e) {
    return { ...listing, status: 'error', error: message(e) };
  } finally {
    clearTimeout(timer);
    await upstream.stop();
  }
}

/** Lists every server, a few at a time, in input order. */
export async function listServers(configs: readonly ServerConfig[], options: InventoryOptions): Promise<ServerListing[]> {
  const out: ServerListing[] = new Array<ServerListing>(configs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < configs.length) {
      const i = next++;
      out[i] = await listServer(configs[i]!, options);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 4, configs.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Tool and prompt names of a listing: what other servers' descriptions could shadow. */
export function exposedNames(listing: ServerListing): string[] {
  return [...listing.tools, ...listing.prompts].map((d) => str(d.name)).filter((n): n is string => n !== undefined);
}

/** How findings become verdicts, and extra findings for tools (the gateway's collision check). */
export interface ScreenPolicy {
  /** Run the learned screen next to the rules (default true). */
  classifier?: boolean;
  verdict(server: string, findings: readonly Finding[]): Verdict;
  toolFindings?(server: string, tool: string, listings: readonly ServerListing[]): Finding[];
}

const DEFAULT_POLICY: ScreenPolicy = { verdict: (_s, f) => verdictFor(f) };

function screenOne(kind: ScreenItem['kind'], def: JsonObject, server: string, others: ReadonlyMap<string, readonly string[]>, policy: ScreenPolicy, listings: readonly ServerListing[]): ItemReport {
  const uri = kind === 'resource' ? str(def.uri) : kind === 'resource-template' ? str(def.uriTemplate) : undefined;
  const name = str(def.name) ?? uri ?? '';
  const findings = screenItem({ kind, name, def }, { server, otherServers: others, classifier: policy.classifier !== false });
  if (kind === 'tool' && policy.toolFindings) findings.push(...policy.toolFindings(server, name, listings));
  return { name, ...(uri === undefined ? {} : { uri }), verdict: policy.verdict(server, findings), findings };
}

/**
 * Screens listings. Each server's context names every other listed server's tools and prompts
 * (`listings` should be the servers one client loads together).
 */
export function screenListings(listings: readonly ServerListing[], policy: ScreenPolicy = DEFAULT_POLICY): ServerReport[] {
  const names = new Map<string, readonly string[]>();
  for (const l of listings) if (l.status === 'ok' || l.tools.length > 0) names.set(l.name, exposedNames(l));
  return listings.map((l): ServerReport => {
    const others = new Map([...names].filter(([n]) => n !== l.name));
    const report: ServerReport = {
      name: l.name,
      transport: l.transport,
      status: l.status,
      ...(l.error === undefined ? {} : { error: l.error }),
      tools: l.tools.map((d) => screenOne('tool', d, l.name, others, policy, listings)),
      prompts: l.prompts.map((d) => screenOne('prompt', d, l.name, others, policy, listings)),
      resources: l.resources.map((d) => screenOne('resource', d, l.name, others, policy, listings)),
      resourceTemplates: l.resourceTemplates.map((d) => screenOne('resource-template', d, l.name, others, policy, listings)),
    };
    if (l.instructions !== undefined || l.serverInfo !== undefined) {
      const def = { ...(l.instructions === undefined ? {} : { instructions: l.instructions }), ...(l.serverInfo === undefined ? {} : { serverInfo: l.serverInfo }) };
      const findings = screenItem({ kind: 'server', name: l.name, def }, { server: l.name, otherServers: others, classifier: policy.classifier !== false });
      report.instructions = { verdict: policy.verdict(l.name, findings), findings };
    }
    return report;
  });
}

/** Connects to these servers, lists and screens everything, with cross-server context. */
export async function scanServers(configs: readonly ServerConfig[], options: InventoryOptions, policy?: ScreenPolicy): Promise<ServerReport[]> {
  return screenListings(await listServers(configs, options), policy);
}

/** Every screened item of a report, with its list name. */
export function itemsOf(report: ServerReport): { list: string; item: ItemReport }[] {
  const out: { list: string; item: ItemReport }[] = [];
  for (const list of ['tools', 'prompts', 'resources', 'resourceTemplates'] as const) for (const item of report[list]) out.push({ list, item });
  if (report.instructions) out.push({ list: 'instructions', item: { name: report.name, ...report.instructions } });
  return out;
}

/** The worst verdict across reports (`allow` when empty). */
export function worstVerdict(reports: readonly ServerReport[]): Verdict {
  let worst: Verdict = 'allow';
  for (const r of reports) {
    for (const { item } of itemsOf(r)) {
      if (item.verdict === 'block') return 'block';
      if (item.verdict === 'review') worst = 'review';
    }
  }
  return worst;
}
