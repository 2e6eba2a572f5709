/**
 * The tool-surface guard: what each upstream lists passes through here before clients see it.
 *
 * On every list refresh of a server (connect, list_changed, periodic refresh) the guard screens each
 * model-visible item (tools, prompts, resources, templates, the server instructions) with the
 * deterministic engine, adds cross-server collision findings, maps findings to actions with the
 * server's policy, and reconciles the result with the pin store (trust on first use or
 * pre-approval; a changed definition waits for an admin). The outcome is a per-item decision the
 * catalog consults when it builds a profile's view: served, or hidden with a reason (calls to a
 * hidden item are refused with that reason). Screening results are cached by definition hash, so
 * the per-call hot path never screens anything.
 *
 * Admin decisions (`portcullis pins approve`, possibly from another process) are picked up by
 * polling the store's revision; the affected servers are re-reconciled from the lists the guard
 * already holds, without asking the upstream again.
 */
import { dirname, isAbsolute } from 'node:path';
import type { GatewayConfig, ServerConfig } from '../config/types.js';
import { SEVERITIES, stricter } from '../config/security.js';
import { verdictOfAction, worstAction } from '../policies/surface-policy.js';
import type { JsonObject } from '../protocol/jsonrpc.js';
import type { ListKind, UpstreamLists } from '../routing/catalog.js';
import type { Logger } from '../telemetry/logger.js';
import { canonicalHash } from '../policies/pinning/hash.js';
import { reconcileServer, type ObservedItem } from '../policies/pinning/reconcile.js';
import { relativeIdentity, resolveIdentity, type IdentityRoots, type ServerIdentity } from '../policies/pinning/identity.js';
import { createHttpJudge, screenItem, skeleton, type Finding, type ItemKind, type Judge, type Verdict } from '../policies/screen/index.js';
import type { PinKind, PinStore } from '../storage/pin-store.js';
import { PACKAGE_ROOT } from '../version.js';
import { mapBounded } from './bounded.js';
import { collisionFindings } from './collisions.js';
import { indexNames, mentioned, tokenSkeletons, type NameIndex } from './mentions.js';

/** The decision for one listed item. */
export interface ItemDecision {
  serve: boolean;
  /** Why it is hidden (shown to clients that call it), when `serve` is false. */
  reason?: string;
  findings: readonly Finding[];
  /** An admin approved this exact definition (profile policies do not hide it again). */
  humanApproved: boolean;
}

const PIN_KIND: Record<ListKind, PinKind> = { tools: 'tool', prompts: 'prompt', resources: 'resource', templates: 'resource-template' };
const SCREEN_KIND: Record<ListKind, ItemKind> = { tools: 'tool', prompts: 'prompt', resources: 'resource', templates: 'resource-template' };
const KINDS: readonly ListKind[] = ['tools', 'prompts', 'resources', 'templates'];
const CACHE_MAX = 20_000;
const POLL_MS = 1000;

/** The key of an item in a server's lists. */
export function itemName(kind: ListKind, def: JsonObject): string | undefined {
  const v = kind === 'resources' ? def.uri : kind === 'templates' ? def.uriTemplate : def.name;
  return typeof v === 'string' ? v : undefined;
}

interface ServerState {
  lists: UpstreamLists;
  /** Tool names by confusable skeleton. */
  skeletons: Map<string, string>;
  instructions: string | undefined;
  decisions: Map<string, ItemDecision>;
  instructionsServed: boolean;
}

/** Options of the guard. */
export interface SurfaceGuardOptions {
  log: Logger;
  config: () => GatewayConfig;
  /** Opens the pin store once (undefined when pinning is off). */
  openStore: () => Promise<PinStore> | undefined;
  /** Called when decisions of these servers changed outside a list refresh (admin approval). */
  onDecisionsChanged: (servers: readonly string[]) => void;
}

/** Screens and pins what upstreams list; answers the catalog's "is this item served?". */
export class SurfaceGuard {
  private readonly servers = new Map<string, ServerState>();
  private readonly screenCache = new Map<string, Finding[]>();
  /** Token skeletons per definition hash (what other servers' names a definition could mention). */
  private readonly tokenCache = new Map<string, Set<string>>();
  private othersTimer: NodeJS.Timeout | undefined;
  private readonly identities = new Map<string, { key: string; identity: Promise<PinnedIdentity> }>();
  private readonly warned = new Set<string>();
  /** The second-opinion judge and the config it was made from (off unless `security.judge` is set). */
  private judge: { key: string; judge: Judge } | undefined;
  private readonly judged = new Map<string, Finding[]>();
  private store: Promise<PinStore> | undefined;
  private storeFailed = false;
  private poller: NodeJS.Timeout | undefined;
  private revision: number | undefined;
  private polling = false;
  private readonly queue = new Map<string, Promise<void>>();

  constructor(private readonly opts: SurfaceGuardOptions) {}

  /** Reviews a server's lists and instructions; resolves once its decisions are in place, with whether what is served changed. */
  review(server: string, lists: UpstreamLists, instructions: string | undefined): Promise<boolean> {
    return this.enqueue(server, { lists, instructions });
  }

  /** Reviews a server again from the lists it last reviewed (read when the job runs, never stale). */
  private again(server: string): Promise<boolean> {
    return this.enqueue(server, undefined);
  }

  private enqueue(server: string, input: { lists: UpstreamLists; instructions: string | undefined } | undefined): Promise<boolean> {
    const prev = this.queue.get(server) ?? Promise.resolve();
    const next = prev.then(async () => {
      const was = this.servers.get(server);
      const job = input ?? (was ? { lists: was.lists, instructions: was.instructions } : undefined);
      if (!job) return false;
      const before = signature(was);
      const namesBefore = was ? namesOf(was.lists) : '';
      await this.reviewNow(server, job.lists, job.instructions);
      const now = this.servers.get(server);
      // Other servers' shadowing and collision findings depend on this server's names.
      if (now && namesOf(now.lists) !== namesBefore) this.reviewOthers(server);
      return before !== signature(now);
    });
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.queue.set(server, tail);
    void tail.then(() => {
      if (this.queue.get(server) === tail) this.queue.delete(server);
    });
    return next;
  }

  /**
   * Some server's names changed: review every server again (their shadowing and collision findings
   * may change), once per burst — servers connecting together trigger one pass, not one each.
   */
  private reviewOthers(_server: string): void {
    if (this.othersTimer) return;
    this.othersTimer = setTimeout(() => {
      this.othersTimer = undefined;
      for (const name of this.servers.keys()) {
        this.again(name).then(
          (changed) => changed && this.opts.onDecisionsChanged([name]),
          (err: unknown) => this.opts.log.warn({ upstream: name, err: String(err) }, 'review failed'),
        );
      }
    }, 100);
  }

  /** Forgets a server (removed, stopped or disconnected). */
  forget(server: string): void {
    this.servers.delete(server);
  }

  /** Why an item is hidden in a profile, or undefined when it is served there. */
  hiddenReason(profile: string, server: string, kind: ListKind, def: JsonObject): string | undefined {
    const name = itemName(kind, def);
    const d = name === undefined ? undefined : this.servers.get(server)?.decisions.get(`${kind}\u0000${name}`);
    if (d === undefined) return this.enabled() ? 'not reviewed yet' : undefined;
    if (!d.serve) return d.reason ?? 'quarantined';
    if (d.humanApproved || d.findings.length === 0) return undefined;
    const cfg = this.opts.config();
    const actions = cfg.profiles[profile]?.actions;
    const serverActions = cfg.servers[server]?.security.actions;
    if (!actions || !serverActions) return undefined;
    const worst = worstAction(d.findings, (s) => stricter(serverActions[s], actions[s] ?? serverActions[s]));
    return worst === 'block' || worst === 'quarantine' ? `blocked by the policy of profile ${profile}: ${describe(d.findings)}` : undefined;
  }

  /** The server's instructions when they are served, else undefined. */
  servedInstructions(server: string, text: string | undefined): string | undefined {
    const s = this.servers.get(server);
    if (!this.enabled() || text === undefined) return text;
    return s?.instructionsServed === true && s.instructions === text ? text : undefined;
  }

  /** Starts polling the pin store for admin decisions. */
  start(): void {
    if (this.poller || !this.opts.config().security.pinning) return;
    this.poller = setInterval(() => void this.poll(), POLL_MS);
    this.poller.unref();
  }

  /** Stops polling and closes the store. */
  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
    if (this.othersTimer) clearTimeout(this.othersTimer);
    this.othersTimer = undefined;
    const store = this.store;
    this.store = undefined;
    if (store) await (await store.catch(() => undefined))?.close();
  }

  private enabled(): boolean {
    const s = this.opts.config().security;
    return s.screening || s.pinning;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const store = await this.getStore();
      if (!store) return;
      const rev = await store.revision();
      if (this.revision === rev) return;
      this.revision = rev;
      const changed: string[] = [];
      for (const name of [...this.servers.keys()]) if (await this.again(name)) changed.push(name);
      this.revision = await store.revision();
      if (changed.length > 0) this.opts.onDecisionsChanged(changed);
    } catch (err) {
      this.opts.log.warn({ err: String(err) }, 'pin store poll failed');
    } finally {
      this.polling = false;
    }
  }

  private getStore(): Promise<PinStore | undefined> {
    if (!this.opts.config().security.pinning || this.storeFailed) return Promise.resolve(undefined);
    this.store ??= this.opts.openStore();
    const s = this.store;
    if (!s) return Promise.resolve(undefined);
    return s.catch((err: unknown) => {
      this.storeFailed = true;
      this.opts.log.error({ err: String(err) }, 'pin store unavailable: definitions are not pinned');
      return undefined;
    });
  }

  private async reviewNow(server: string, lists: UpstreamLists, instructions: string | undefined): Promise<void> {
    const cfg = this.opts.config();
    const sc = cfg.servers[server];
    if (!sc) return;
    const others = this.otherIndex(server);
    const otherTools = new Map<string, ReadonlyMap<string, string>>();
    for (const [name, st] of this.servers) if (name !== server) otherTools.set(name, st.skeletons);
    const skeletons = new Map<string, string>();
    const observed: (ObservedItem & { list?: ListKind })[] = [];
    const items: { kind: ListKind; name: string; def: JsonObject }[] = [];
    for (const kind of KINDS) {
      for (const def of lists[kind]) {
        const name = itemName(kind, def);
        if (name !== undefined) items.push({ kind, name, def });
      }
    }
    // A judge answers over the network: ask it about several items at once (the engine is synchronous).
    const screened = await mapBounded(items, cfg.security.judge?.concurrency ?? 1, (it) => this.screenWithJudge({ kind: SCREEN_KIND[it.kind], name: it.name, def: it.def }, server, others));
    items.forEach(({ kind, name, def }, i) => {
      const findings = screened[i] ?? [];
      if (kind === 'tools') {
        skeletons.set(skeleton(name), name);
        findings.push(...collisionFindings(server, name, sc, cfg, otherTools));
      }
      observed.push({ list: kind, kind: PIN_KIND[kind], name, def, findings, verdict: this.verdict(findings, sc, server, kind, name) });
    });
    if (instructions !== undefined) {
      const findings = await this.screenWithJudge({ kind: 'server', name: server, def: { instructions } }, server, others);
      observed.push({ kind: 'instructions', name: '', def: { instructions }, findings, verdict: this.verdict(findings, sc, server, 'instructions', '') });
    }
    const store = await this.getStore();
    const decisions = new Map<string, ItemDecision>();
    let instructionsServed = instructions !== undefined;
    if (!store) {
      for (const o of observed) {
        const serve = !cfg.security.screening || o.verdict === 'allow';
        if (o.kind === 'instructions') instructionsServed = serve;
        else decisions.set(`${o.list}\u0000${o.name}`, { serve, ...(serve ? {} : { reason: hiddenBecause(o.verdict, o.findings) }), findings: o.findings, humanApproved: false });
      }
    } else {
      const { identity, absolute } = await this.identity(sc);
      const withIdentity: ObservedItem[] = [{ kind: 'identity', name: '', def: identity, ...(absolute ? { aliases: [absolute] } : {}), findings: [], verdict: 'allow' }, ...observed];
      const out = await reconcileServer(store, server, withIdentity, { mode: sc.security.mode, newItems: sc.security.newItems });
      out.forEach((d, i) => {
        if (i === 0) return;
        const o = observed[i - 1]!;
        const serve = d.serve !== null;
        const reason = serve ? undefined : pinReason(d.identityApproved ? d.record.reason : 'identity-changed', d.record.status, o.findings, server, o.kind, o.name);
        if (d.changed && !serve) this.opts.log.warn({ upstream: server, kind: o.kind, name: o.name, status: d.record.status, reason: d.record.reason }, 'definition quarantined');
        if (o.kind === 'instructions') instructionsServed = serve;
        else decisions.set(`${o.list}\u0000${o.name}`, { serve, ...(reason ? { reason } : {}), findings: o.findings, humanApproved: d.record.decidedBy !== null && d.record.decidedBy !== 'tofu' && serve });
      });
    }
    this.servers.set(server, { lists, skeletons, instructions, decisions, instructionsServed });
  }

  /** The engine's findings plus, when `security.judge` is set, the judge's (cached like the engine's). */
  private async screenWithJudge(item: { kind: ItemKind; name: string; def: JsonObject }, server: string, index: NameIndex): Promise<Finding[]> {
    const hash = canonicalHash(item.def);
    const others = mentioned(this.tokens(hash, item.def), index);
    const findings = this.screen(item, server, hash, others);
    const cfg = this.opts.config().security;
    if (!cfg.screening || !cfg.judge) return findings;
    const jkey = JSON.stringify([cfg.judge.url, cfg.judge.timeoutMs, cfg.judge.headers]);
    if (this.judge?.key !== jkey) {
      this.judge = { key: jkey, judge: createHttpJudge({ url: cfg.judge.url, headers: cfg.judge.headers, timeoutMs: cfg.judge.timeoutMs }) };
      this.judged.clear();
    }
    const classifier = this.opts.config().security.classifier;
    const key = `${server}\u0000${item.kind}\u0000${hash}\u0000${others.key}\u0000${classifier ? 'c' : ''}`;
    let extra = this.judged.get(key);
    if (extra === undefined) {
      extra = await this.judge.judge.review(item, { server, otherServers: others.map }, findings, AbortSignal.timeout(cfg.judge.timeoutMs + 1000));
      // An unavailable judge is not cached: the next review asks again.
      if (!extra.some((f) => f.rule === 'judge.unavailable')) {
        if (this.judged.size >= CACHE_MAX) this.judged.clear();
        this.judged.set(key, extra);
      }
    }
    return [...findings, ...extra];
  }

  /** Findings of one item, cached by its definition hash and the other servers' names. */
  private screen(item: { kind: ItemKind; name: string; def: JsonObject }, server: string, hash: string, others: { key: string; map: ReadonlyMap<string, readonly string[]> }): Finding[] {
    if (!this.opts.config().security.screening) return [];
    const classifier = this.opts.config().security.classifier;
    const key = `${server}\u0000${item.kind}\u0000${hash}\u0000${others.key}\u0000${classifier ? 'c' : ''}`;
    let f = this.screenCache.get(key);
    if (f === undefined) {
      try {
        f = screenItem(item, { server, otherServers: others.map, classifier });
      } catch (err) {
        this.opts.log.error({ upstream: server, item: item.name, err: String(err) }, 'screening failed');
        f = [{ rule: 'engine.error', severity: 'medium', field: '', evidence: '', message: 'The screening engine failed on this definition; it is held for review.' }];
      }
      if (this.screenCache.size >= CACHE_MAX) this.screenCache.clear();
      this.screenCache.set(key, f);
    }
    return [...f];
  }

  private verdict(findings: readonly Finding[], sc: ServerConfig, server: string, kind: string, name: string): Verdict {
    const worst = worstAction(findings, (s) => sc.security.actions[s]);
    if (worst === 'warn') {
      const key = `${server}\u0000${kind}\u0000${name}\u0000${findings.map((f) => f.rule).join(',')}`;
      if (!this.warned.has(key) && this.warned.size < 10_000) {
        this.warned.add(key);
        this.opts.log.warn({ upstream: server, kind, name, findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, field: f.field })) }, 'screening warning');
      }
    }
    return verdictOfAction(worst);
  }

  /** The other servers' tool and prompt names, indexed by skeleton. */
  private otherIndex(server: string): NameIndex {
    const others: [string, string[]][] = [];
    for (const [name, st] of this.servers) {
      if (name === server) continue;
      others.push([name, [...st.lists.tools, ...st.lists.prompts].map((d) => d.name).filter((n): n is string => typeof n === 'string')]);
    }
    return indexNames(others);
  }

  private tokens(hash: string, def: JsonObject): Set<string> {
    let t = this.tokenCache.get(hash);
    if (t === undefined) {
      t = tokenSkeletons(def);
      if (this.tokenCache.size >= CACHE_MAX) this.tokenCache.clear();
      this.tokenCache.set(hash, t);
    }
    return t;
  }


  /**
   * A server's identity as pinned: paths under Portcullis's install directory and the config
   * file's directory are relative (see `relativeIdentity`); `absolute` is the form earlier versions
   * pinned, when it differs, so their pins carry over.
   */
  private identity(sc: ServerConfig): Promise<PinnedIdentity> {
    const roots = identityRoots(this.opts.config().source);
    const key = JSON.stringify([sc.transport, sc.command, sc.args, sc.cwd, sc.url, sc.security.pinTls, roots]);
    const known = this.identities.get(sc.name);
    if (known?.key === key) return known.identity;
    const identity = resolveIdentity(
      { transport: sc.transport, ...(sc.command === undefined ? {} : { command: sc.command }), args: sc.args, ...(sc.cwd === undefined ? {} : { cwd: sc.cwd }), ...(sc.url === undefined ? {} : { url: sc.url }) },
      { pinTls: sc.security.pinTls, signal: AbortSignal.timeout(10_000) },
    ).then((absolute): PinnedIdentity => {
      const relative = relativeIdentity(absolute, roots);
      return canonicalHash(relative) === canonicalHash(absolute) ? { identity: absolute } : { identity: relative, absolute };
    });
    this.identities.set(sc.name, { key, identity });
    return identity;
  }
}

/** A server's identity as pinned, and its absolute form when that differs. */
interface PinnedIdentity {
  identity: ServerIdentity;
  absolute?: ServerIdentity;
}

/** The directories whose location is not part of a server's identity: Portcullis's own, and the config file's. */
export function identityRoots(source: string): IdentityRoots {
  return {
    ...(PACKAGE_ROOT === undefined ? {} : { portcullis: PACKAGE_ROOT }),
    ...(isAbsolute(source) ? { config: dirname(source) } : {}),
  };
}

/** The tool and prompt names of a server's lists, as a comparable string. */
function namesOf(lists: UpstreamLists): string {
  return JSON.stringify([...lists.tools, ...lists.prompts].map((d) => d.name));
}

/** What a server serves, as a comparable string. */
function signature(s: ServerState | undefined): string {
  if (!s) return '';
  return JSON.stringify([s.instructionsServed, ...[...s.decisions].map(([k, d]) => [k, d.serve, d.reason ?? '', d.humanApproved])]);
}

function describe(findings: readonly Finding[]): string {
  const top = [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)).slice(0, 3);
  return top.map((f) => `${f.rule} (${f.severity}) in ${f.field || 'definition'}`).join('; ');
}

function hiddenBecause(verdict: Verdict, findings: readonly Finding[]): string {
  return `${verdict === 'block' ? 'blocked' : 'held for review'} by screening: ${describe(findings)}`;
}

function pinReason(reason: string, status: string, findings: readonly Finding[], server: string, kind: PinKind, name: string): string {
  const how = `an admin must approve it (portcullis pins show ${server} ${kind} ${JSON.stringify(name)})`;
  switch (reason) {
    case 'changed':
      return `quarantined: its definition changed since it was approved; ${how}`;
    case 'identity-changed':
      return `quarantined: the identity of server ${server} changed (command, package version or URL); an admin must approve it (portcullis pins show ${server} identity "")`;
    case 'new':
      return `quarantined: new since the server was approved; ${how}`;
    case 'preapproval':
      return `waiting for approval (pre-approval mode); ${how}`;
    default:
      return status === 'blocked' ? `blocked by screening: ${describe(findings)}` : `held for review by screening: ${describe(findings)}; ${how}`;
  }
}
