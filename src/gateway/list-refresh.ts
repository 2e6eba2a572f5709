/**
 * Re-listing upstreams: on connect, on `list_changed`, and every `security.refreshIntervalMs` (to
 * catch a server that changes definitions without telling). One refresh loop runs at a time per
 * upstream; kinds asked for while it runs are queued and fetched by the same loop afterwards, so a
 * notification is never lost and an older fetch never overwrites a newer one. What was fetched goes
 * through the surface guard before it is applied; a fetch whose upstream went away is dropped.
 */
import type { ListKind, UpstreamLists } from '../routing/catalog.js';
import type { Logger } from '../telemetry/logger.js';
import type { Upstream } from '../upstreams/types.js';
import { fetchList } from './lists.js';

const ALL_KINDS: readonly ListKind[] = ['tools', 'prompts', 'resources', 'templates'];

/** What the refresher needs from the core. */
export interface ListRefreshDeps {
  log: Logger;
  upstream(name: string): Upstream | undefined;
  upstreamNames(): Iterable<string>;
  /** What the catalog holds for an upstream now. */
  current(name: string): UpstreamLists | undefined;
  timeoutMs(): number;
  /** Screens and pins; resolves with whether what is served changed. */
  review(name: string, lists: UpstreamLists, instructions: string | undefined): Promise<boolean>;
  apply(name: string, lists: UpstreamLists, decisionsChanged: boolean): void;
  /** The first refresh of an upstream finished (successfully or not). */
  done(name: string): void;
}

/** Runs the per-upstream refresh loops and the periodic re-listing. */
export class ListRefresher {
  private readonly running = new Map<string, { running: boolean; queued: Set<ListKind> }>();
  private periodic: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ListRefreshDeps) {}

  /** Re-lists every ready upstream every `ms` (0 = never); replaces any earlier schedule. */
  schedule(ms: number): void {
    this.stop();
    if (ms <= 0) return;
    this.periodic = setInterval(() => {
      for (const name of this.deps.upstreamNames()) if (this.deps.upstream(name)?.state === 'ready') this.refresh(name);
    }, ms);
    this.periodic.unref();
  }

  /** Stops the periodic re-listing (loops in flight finish on their own). */
  stop(): void {
    if (this.periodic) clearInterval(this.periodic);
    this.periodic = undefined;
  }

  /** Re-fetches some (default: all) of an upstream's lists. */
  refresh(name: string, kinds: readonly ListKind[] = ALL_KINDS): void {
    let state = this.running.get(name);
    if (!state) this.running.set(name, (state = { running: false, queued: new Set() }));
    for (const k of kinds) state.queued.add(k);
    if (state.running) return;
    state.running = true;
    const st = state;
    this.loop(name, st)
      .catch((err: unknown) => this.deps.log.warn({ upstream: name, err: String(err) }, 'refresh failed'))
      .finally(() => {
        st.running = false;
        st.queued.clear();
        if (this.running.get(name) === st) this.running.delete(name);
        this.deps.done(name);
      });
  }

  private async loop(name: string, st: { queued: Set<ListKind> }): Promise<void> {
    const timeout = this.deps.timeoutMs();
    while (st.queued.size > 0) {
      const up = this.deps.upstream(name);
      if (!up || up.state !== 'ready') return;
      const batch = [...st.queued];
      st.queued.clear();
      const fetched = await Promise.all(
        batch.map((k) =>
          fetchList(up, k, timeout).catch((err: unknown) => {
            this.deps.log.warn({ upstream: name, kind: k, err: String(err) }, 'listing failed');
            return undefined;
          }),
        ),
      );
      const gone = (): boolean => this.deps.upstream(name) !== up || up.state !== 'ready';
      if (gone()) return;
      const next: UpstreamLists = { ...(this.deps.current(name) ?? { tools: [], prompts: [], resources: [], templates: [] }) };
      batch.forEach((k, i) => {
        const items = fetched[i];
        if (items !== undefined) next[k] = items;
      });
      const decided = await this.deps.review(name, next, up.info?.instructions);
      if (gone()) return;
      this.deps.apply(name, next, decided);
    }
  }
}
