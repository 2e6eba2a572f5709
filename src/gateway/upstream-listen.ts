/**
 * For 2026-era upstreams, change notifications only flow on a `subscriptions/listen` stream. The
 * gateway keeps one such stream per modern upstream (list changes, plus the resource URIs clients
 * subscribed to) and re-opens it when the set of URIs changes or the stream ends.
 */
import { isObject, type JsonRpcNotification } from '../protocol/jsonrpc.js';
import type { Logger } from '../telemetry/logger.js';
import type { Upstream } from '../upstreams/types.js';

/** One listen stream per modern upstream. */
export class UpstreamListeners {
  private readonly streams = new Map<string, AbortController>();

  constructor(
    private readonly log: Logger,
    private readonly deliver: (upstream: string, n: JsonRpcNotification) => void,
  ) {}

  /** (Re)opens the listen stream of an upstream with the given resource subscriptions. */
  start(up: Upstream, uris: string[]): void {
    this.stop(up.name);
    const caps = up.info?.capabilities ?? {};
    const notifications: Record<string, unknown> = {};
    if (isObject(caps.tools) && caps.tools.listChanged) notifications.toolsListChanged = true;
    if (isObject(caps.prompts) && caps.prompts.listChanged) notifications.promptsListChanged = true;
    if (isObject(caps.resources) && caps.resources.listChanged) notifications.resourcesListChanged = true;
    if (isObject(caps.resources) && caps.resources.subscribe && uris.length > 0) notifications.resourceSubscriptions = uris;
    if (Object.keys(notifications).length === 0) return;
    const controller = new AbortController();
    this.streams.set(up.name, controller);
    void up
      .request('subscriptions/listen', { notifications }, {
        signal: controller.signal,
        deadline: Number.POSITIVE_INFINITY,
        onNotification: (n) => {
          if (n.method !== 'notifications/subscriptions/acknowledged') this.deliver(up.name, n);
        },
      })
      .then((outcome) => {
        if (this.streams.get(up.name) !== controller || controller.signal.aborted) return;
        this.streams.delete(up.name);
        if ('error' in outcome) this.log.debug({ upstream: up.name, error: outcome.error.message }, 'upstream listen stream ended');
      });
  }

  /** Closes an upstream's listen stream. */
  stop(name: string): void {
    this.streams.get(name)?.abort();
    this.streams.delete(name);
  }

  /** Closes every listen stream. */
  stopAll(): void {
    for (const c of this.streams.values()) c.abort();
    this.streams.clear();
  }
}
