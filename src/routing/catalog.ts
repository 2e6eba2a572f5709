/**
 * The merged catalog: what each upstream lists (tools, prompts, resources, templates), and per
 * profile a view with exposed (namespaced, filtered, renamed) names and O(1) name → upstream lookup.
 * Views are rebuilt only when an upstream's lists or the config change, never per request.
 */
import type { ProfileConfig, ServerConfig } from '../config/types.js';
import type { JsonObject } from '../protocol/jsonrpc.js';
import { compileGlobs } from './glob.js';
import { assignUniqueNames, namespacedName } from './names.js';
import { templateToRegExp } from './uri-template.js';

/** What one upstream lists. Absent kinds are empty arrays. */
export interface UpstreamLists {
  tools: JsonObject[];
  prompts: JsonObject[];
  resources: JsonObject[];
  templates: JsonObject[];
}

/** The list kinds. */
export type ListKind = keyof UpstreamLists;

/** A tool or prompt as a profile exposes it. */
export interface NamedEntry {
  /** Name shown to clients. */
  readonly exposed: string;
  /** Namespaced name before any profile rename (what globs and renames refer to). */
  readonly namespaced: string;
  readonly upstream: string;
  /** Name on the upstream server. */
  readonly original: string;
  /** The definition shown to clients (name and description rewritten). */
  readonly def: JsonObject;
}

/** A resource or template with the server that owns it. */
export interface OwnedEntry {
  readonly upstream: string;
  readonly def: JsonObject;
  readonly matcher?: RegExp;
}

/** A profile's view of the catalog. */
export interface ProfileView {
  readonly profile: string;
  readonly generation: number;
  readonly upstreams: readonly string[];
  readonly tools: readonly NamedEntry[];
  readonly prompts: readonly NamedEntry[];
  readonly resources: readonly OwnedEntry[];
  readonly templates: readonly OwnedEntry[];
  readonly toolByName: ReadonlyMap<string, NamedEntry>;
  readonly promptByName: ReadonlyMap<string, NamedEntry>;
  /** Tools and prompts the surface guard hides in this profile: exposed name → why (for clear call errors). */
  readonly hiddenTools: ReadonlyMap<string, string>;
  readonly hiddenPrompts: ReadonlyMap<string, string>;
  /** Resource URIs hidden in this profile → why. */
  readonly hiddenResources: ReadonlyMap<string, string>;
  readonly resourceOwner: ReadonlyMap<string, string>;
  /** Serialised list pages, filled lazily by the router (bounded by the number of list kinds × pages). */
  readonly pages: Map<string, JsonObject>;
}

/** The catalog settings that come from config. */
export interface CatalogSettings {
  separator: string;
  servers: Readonly<Record<string, ServerConfig>>;
  profiles: Readonly<Record<string, ProfileConfig>>;
  /** Why an item is hidden in a profile (quarantined, blocked), or undefined when it is served. */
  hidden?: (profile: string, upstream: string, kind: ListKind, def: JsonObject) => string | undefined;
}

/** Merged catalog of every upstream, with cached per-profile views. */
export class Catalog {
  private readonly lists = new Map<string, UpstreamLists>();
  private readonly views = new Map<string, ProfileView>();
  private generation = 0;
  private settings: CatalogSettings;

  constructor(settings: CatalogSettings) {
    this.settings = settings;
  }

  /** Replaces the settings (config reload) and drops every view. */
  configure(settings: CatalogSettings): void {
    this.settings = settings;
    for (const name of [...this.lists.keys()]) if (!(name in settings.servers)) this.lists.delete(name);
    this.invalidate();
  }

  /** Sets (or, with undefined, removes) what an upstream lists. Returns the kinds that changed. */
  setUpstream(name: string, lists: UpstreamLists | undefined): ListKind[] {
    const before = this.lists.get(name);
    const changed: ListKind[] = [];
    for (const kind of ['tools', 'prompts', 'resources', 'templates'] as const) {
      const a = before?.[kind] ?? [];
      const b = lists?.[kind] ?? [];
      if (a.length !== b.length || JSON.stringify(a) !== JSON.stringify(b)) changed.push(kind);
    }
    if (lists === undefined) this.lists.delete(name);
    else this.lists.set(name, lists);
    if (changed.length > 0) this.invalidate();
    return changed;
  }

  /** What an upstream lists, if known. */
  upstreamLists(name: string): UpstreamLists | undefined {
    return this.lists.get(name);
  }

  /** The profiles whose view includes an upstream. */
  profilesOf(upstream: string): string[] {
    return Object.values(this.settings.profiles)
      .filter((p) => p.servers.includes(upstream))
      .map((p) => p.name);
  }

  /** The view of a profile (built on first use after a change). */
  view(profile: string): ProfileView | undefined {
    let v = this.views.get(profile);
    if (v === undefined) {
      const cfg = this.settings.profiles[profile];
      if (cfg === undefined) return undefined;
      v = this.build(cfg);
      this.views.set(profile, v);
    }
    return v;
  }

  /** Drops every view (the surface guard's decisions changed). */
  invalidate(): void {
    this.generation++;
    this.views.clear();
  }

  private build(profile: ProfileConfig): ProfileView {
    const upstreams = profile.servers.filter((s) => this.settings.servers[s] !== undefined && !this.settings.servers[s]!.disabled).sort();
    const allow = profile.tools.allow.length === 0 ? () => true : compileGlobs(profile.tools.allow);
    const deny = compileGlobs(profile.tools.deny);
    const hiddenTools = new Map<string, string>();
    const hiddenPrompts = new Map<string, string>();
    const tools = this.named(upstreams, 'tools', profile, (n) => allow(n) && !deny(n), hiddenTools);
    const prompts = this.named(upstreams, 'prompts', profile, () => true, hiddenPrompts);
    const hiddenResources = new Map<string, string>();
    const hidden = (u: string, kind: ListKind, def: JsonObject): boolean => {
      const why = this.settings.hidden?.(profile.name, u, kind, def);
      if (why !== undefined && kind === 'resources' && typeof def.uri === 'string') hiddenResources.set(def.uri, why);
      return why !== undefined;
    };
    const resources: OwnedEntry[] = [];
    const templates: OwnedEntry[] = [];
    const resourceOwner = new Map<string, string>();
    for (const u of upstreams) {
      const l = this.lists.get(u);
      if (!l) continue;
      for (const r of l.resources) {
        const uri = typeof r.uri === 'string' ? r.uri : undefined;
        if (uri === undefined || resourceOwner.has(uri) || hidden(u, 'resources', r)) continue;
        resourceOwner.set(uri, u);
        resources.push({ upstream: u, def: r });
      }
      for (const t of l.templates) {
        if (typeof t.uriTemplate !== 'string' || hidden(u, 'templates', t)) continue;
        templates.push({ upstream: u, def: t, matcher: templateToRegExp(t.uriTemplate) });
      }
    }
    return {
      profile: profile.name,
      generation: this.generation,
      upstreams,
      tools,
      prompts,
      resources,
      templates,
      toolByName: new Map(tools.map((t) => [t.exposed, t])),
      promptByName: new Map(prompts.map((p) => [p.exposed, p])),
      hiddenTools,
      hiddenPrompts,
      hiddenResources,
      resourceOwner,
      pages: new Map(),
    };
  }

  /** Named entries of a profile; hidden ones take part in naming (names stay stable) and go to `hiddenOut`. */
  private named(upstreams: readonly string[], kind: 'tools' | 'prompts', profile: ProfileConfig, keep: (namespaced: string) => boolean, hiddenOut: Map<string, string>): NamedEntry[] {
    const raw: { upstream: string; original: string; namespaced: string; def: JsonObject; hidden: string | undefined }[] = [];
    for (const u of upstreams) {
      const l = this.lists.get(u);
      const server = this.settings.servers[u];
      if (!l || !server) continue;
      for (const def of l[kind]) {
        if (typeof def.name !== 'string') continue;
        const namespaced = namespacedName(server.prefix, this.settings.separator, def.name);
        if (!keep(namespaced)) continue;
        raw.push({ upstream: u, original: def.name, namespaced, def, hidden: this.settings.hidden?.(profile.name, u, kind, def) });
      }
    }
    const renames = kind === 'tools' ? profile.rename : {};
    const descriptions = kind === 'tools' ? profile.descriptions : {};
    const names = assignUniqueNames(raw.map((r) => ({ wanted: renames[r.namespaced] ?? r.namespaced, key: `${r.upstream}\u0000${r.original}` })));
    const out: NamedEntry[] = [];
    raw.forEach((r, i) => {
      const exposed = names[i]!;
      if (r.hidden !== undefined) {
        hiddenOut.set(exposed, r.hidden);
        return;
      }
      const description = descriptions[r.namespaced];
      const def: JsonObject = { ...r.def, name: exposed };
      if (description !== undefined) def.description = description;
      out.push({ exposed, namespaced: r.namespaced, upstream: r.upstream, original: r.original, def });
    });
    return out;
  }
}
