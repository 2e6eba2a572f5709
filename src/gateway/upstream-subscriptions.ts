/**
 * Resource subscriptions held upstream on behalf of clients. Many client sessions (and 2026 listen
 * streams) may subscribe to one URI; the gateway subscribes upstream once per (server, URI), counts
 * its holders, unsubscribes when the last one leaves, and re-subscribes after a reconnect. A 2025
 * server gets `resources/subscribe`; a 2026 server gets its listen stream re-opened with the URIs.
 */
import type { Outcome } from '../protocol/jsonrpc.js';
import type { Upstream } from '../upstreams/types.js';
import type { UpstreamListeners } from './upstream-listen.js';

const TIMEOUT_MS = 30_000;

/** Reference-counted upstream subscriptions. */
export class UpstreamSubscriptions {
  /** upstream → URI → number of holders. */
  private readonly subs = new Map<string, Map<string, number>>();

  constructor(
    private readonly upstream: (name: string) => Upstream | undefined,
    private readonly listens: UpstreamListeners,
  ) {}

  /** The URIs held upstream on a server (for its listen stream). */
  urisOf(upstream: string): string[] {
    return [...(this.subs.get(upstream)?.keys() ?? [])];
  }

  /** Adds a holder of a URI, subscribing upstream for the first one. */
  async acquire(upstream: string, uri: string): Promise<Outcome> {
    let subs = this.subs.get(upstream);
    if (!subs) this.subs.set(upstream, (subs = new Map()));
    const n = subs.get(uri) ?? 0;
    subs.set(uri, n + 1);
    if (n > 0) return { result: {} };
    const up = this.upstream(upstream);
    if (!up || up.state !== 'ready') return { result: {} };
    if (up.info?.era === 'modern') {
      this.listens.start(up, [...subs.keys()]);
      return { result: {} };
    }
    const out = await up.request('resources/subscribe', { uri }, { signal: AbortSignal.timeout(TIMEOUT_MS), deadline: Date.now() + TIMEOUT_MS });
    return 'error' in out ? out : { result: {} };
  }

  /** Removes a holder of a URI, unsubscribing upstream with the last one. */
  release(uri: string): void {
    for (const [upstream, subs] of this.subs) {
      const n = subs.get(uri);
      if (n === undefined) continue;
      if (n > 1) {
        subs.set(uri, n - 1);
        continue;
      }
      subs.delete(uri);
      const up = this.upstream(upstream);
      if (!up || up.state !== 'ready') continue;
      if (up.info?.era === 'modern') this.listens.start(up, [...subs.keys()]);
      else void up.request('resources/unsubscribe', { uri }, { signal: AbortSignal.timeout(TIMEOUT_MS), deadline: Date.now() + TIMEOUT_MS });
    }
  }

  /** After a 2025 server reconnects, re-establishes the subscriptions clients still hold. */
  restore(upstream: string): void {
    const up = this.upstream(upstream);
    const subs = this.subs.get(upstream);
    if (!up || !subs || up.info?.era !== 'legacy') return;
    for (const uri of subs.keys()) void up.request('resources/subscribe', { uri }, { signal: AbortSignal.timeout(TIMEOUT_MS), deadline: Date.now() + TIMEOUT_MS });
  }
}
