/**
 * The 2025 session table: bounded by `maxSessions`, expired after `sessionIdleMs` without traffic by
 * one sweep timer shared by all sessions.
 */
import type { LimitsConfig } from '../../config/types.js';
import type { LegacySession } from './legacy-session.js';

/** Options of the session store. */
export interface SessionStoreOptions {
  limits(): LimitsConfig;
  /** Called once for every session that ends (expired, deleted, shut down). */
  onEnd(session: LegacySession): void;
  /** Sweep period override (tests); default: a quarter of the idle time, between 1 s and 60 s. */
  sweepMs?: number;
}

/** The live 2025 sessions of one HTTP ingress. */
export class SessionStore {
  private readonly map = new Map<string, LegacySession>();
  private readonly opts: SessionStoreOptions;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: SessionStoreOptions) {
    this.opts = opts;
  }

  /** Number of live sessions. */
  get count(): number {
    return this.map.size;
  }

  /** True when another session may be created. */
  hasRoom(): boolean {
    return this.map.size < this.opts.limits().maxSessions;
  }

  /** The live session with that id. */
  get(id: string): LegacySession | undefined {
    return this.map.get(id);
  }

  /** Adds a session and starts the sweep timer if needed. */
  add(s: LegacySession): void {
    this.map.set(s.id, s);
    if (this.timer === undefined) {
      const idle = this.opts.limits().sessionIdleMs;
      const period = this.opts.sweepMs ?? Math.min(60_000, Math.max(1_000, Math.floor(idle / 4)));
      this.timer = setInterval(() => this.sweep(Date.now()), period);
      this.timer.unref();
    }
  }

  /** Ends and forgets one session. */
  end(s: LegacySession): void {
    if (this.map.get(s.id) !== s) return;
    this.map.delete(s.id);
    s.close();
    this.opts.onEnd(s);
    if (this.map.size === 0) this.stopTimer();
  }

  /** Ends sessions idle for longer than `sessionIdleMs` (busy sessions count as active). */
  sweep(now: number): void {
    const idle = this.opts.limits().sessionIdleMs;
    for (const s of [...this.map.values()]) {
      if (s.busy) s.lastSeen = now;
      else if (now - s.lastSeen > idle) this.end(s);
    }
  }

  /** Ends every session. */
  closeAll(): void {
    for (const s of [...this.map.values()]) this.end(s);
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
