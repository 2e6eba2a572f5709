/**
 * Per-client state the core keeps: registered session sinks, 2026 listen streams, resource
 * subscriptions, log levels, and the in-flight requests a client may cancel. All maps are keyed by
 * session id and cleaned when the session closes.
 */
import type { JsonRpcNotification, RequestId } from '../protocol/jsonrpc.js';
import type { ListenFilter, SessionSink } from './types.js';

/** A 2026 `subscriptions/listen` stream. */
export interface Listener {
  readonly profile: string;
  readonly filter: ListenFilter;
  readonly subscriptionId: RequestId;
  readonly send: (n: JsonRpcNotification) => void;
}

/** Syslog-style severity order of MCP log levels. */
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** Client-side state of the core. */
export class SessionRegistry {
  readonly sinks = new Map<string, SessionSink>();
  readonly listeners = new Set<Listener>();
  /** sessionId → subscribed resource URIs. */
  readonly subscriptions = new Map<string, Set<string>>();
  /** sessionId → minimum log level. */
  readonly logLevels = new Map<string, number>();
  /** `${sessionId}\u0000${requestId}` → controller of the in-flight exchange. */
  readonly inflight = new Map<string, AbortController>();

  /** Key of an in-flight request. */
  static key(sessionId: string, id: RequestId): string {
    return `${sessionId}\u0000${typeof id}:${String(id)}`;
  }

  /** Sessions (sinks) of the given profiles. */
  sinksOf(profiles: ReadonlySet<string>): SessionSink[] {
    const out: SessionSink[] = [];
    for (const s of this.sinks.values()) if (profiles.has(s.profile)) out.push(s);
    return out;
  }

  /** True when a session wants a log message of this level. */
  wantsLog(sessionId: string, level: unknown): boolean {
    const min = this.logLevels.get(sessionId);
    if (min === undefined) return true;
    const l = typeof level === 'string' ? LOG_LEVELS.indexOf(level) : -1;
    return l === -1 || l >= min;
  }

  /** Forgets a session. Returns the URIs it had subscribed to. */
  close(sessionId: string): string[] {
    this.sinks.delete(sessionId);
    this.logLevels.delete(sessionId);
    const subs = this.subscriptions.get(sessionId);
    this.subscriptions.delete(sessionId);
    for (const [k, c] of this.inflight) {
      if (k.startsWith(`${sessionId}\u0000`)) {
        c.abort();
        this.inflight.delete(k);
      }
    }
    return subs ? [...subs] : [];
  }

  /** How many sessions subscribe to a URI (2025 sessions and 2026 listeners). */
  subscriberCount(uri: string): number {
    let n = 0;
    for (const s of this.subscriptions.values()) if (s.has(uri)) n++;
    for (const l of this.listeners) if (l.filter.resourceSubscriptions?.includes(uri)) n++;
    return n;
  }
}
