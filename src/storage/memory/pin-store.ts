/**
 * In-memory pin store: for tests and gateways that do not keep pins across restarts. All state
 * lives in the instance; records and events are deep-copied in and out.
 */
import type { NewPinEvent, PinEvent, PinHistoryQuery, PinKind, PinQuery, PinRecord, PinStore } from '../pin-store.js';
import { HISTORY_KEEP_DEFAULT, approveTransition, compareRecords, eventMatches, historyLimit, rejectTransition, sameVersion, type Transition } from '../pin-transitions.js';
import { StorageError } from '../storage-error.js';

const key = (server: string, kind: PinKind, name: string): string => JSON.stringify([server, kind, name]);

/** A pin store held in memory. Records are bounded by the servers' catalogs; events by `historyLimit`. */
export class MemoryPinStore implements PinStore {
  readonly #records = new Map<string, PinRecord>();
  /** Oldest first; trimmed to `#keep`. */
  readonly #events: PinEvent[] = [];
  #nextEventId = 1;
  #revision = 0;
  #closed = false;
  readonly #keep: number;

  constructor(opts: { historyLimit?: number } = {}) {
    this.#keep = Math.max(1, opts.historyLimit ?? HISTORY_KEEP_DEFAULT);
  }

  #open(): void {
    if (this.#closed) throw new StorageError('the pin store is closed');
  }

  #append(event: NewPinEvent): void {
    const { at, ...rest } = event;
    this.#events.push(structuredClone({ ...rest, id: this.#nextEventId++, at: at ?? new Date().toISOString() }));
    if (this.#events.length > this.#keep) this.#events.splice(0, this.#events.length - this.#keep);
  }

  #apply(t: Transition): PinRecord | undefined {
    if (t === undefined) return undefined;
    if (t.write) {
      this.#records.set(key(t.record.server, t.record.kind, t.record.name), structuredClone(t.record));
      if (t.event) this.#append(t.event);
      this.#revision++;
    }
    return structuredClone(t.record);
  }

  /** @inheritdoc */
  async get(server: string, kind: PinKind, name: string): Promise<PinRecord | undefined> {
    this.#open();
    const r = this.#records.get(key(server, kind, name));
    return r === undefined ? undefined : structuredClone(r);
  }

  /** @inheritdoc */
  async list(q: PinQuery = {}): Promise<PinRecord[]> {
    this.#open();
    const out: PinRecord[] = [];
    for (const r of this.#records.values()) {
      if (q.server !== undefined && r.server !== q.server) continue;
      if (q.kind !== undefined && r.kind !== q.kind) continue;
      if (q.status !== undefined && r.status !== q.status) continue;
      out.push(structuredClone(r));
    }
    return out.sort(compareRecords);
  }

  /** @inheritdoc */
  async upsert(record: PinRecord, event?: NewPinEvent, expect?: PinRecord | null): Promise<boolean> {
    this.#open();
    const k = key(record.server, record.kind, record.name);
    if (expect !== undefined && !sameVersion(this.#records.get(k), expect)) return false;
    this.#records.set(k, structuredClone(record));
    if (event) this.#append(event);
    this.#revision++;
    return true;
  }

  /** @inheritdoc */
  async approve(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined> {
    this.#open();
    return this.#apply(approveTransition(this.#records.get(key(server, kind, name)), hash, by, new Date().toISOString()));
  }

  /** @inheritdoc */
  async reject(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined> {
    this.#open();
    return this.#apply(rejectTransition(this.#records.get(key(server, kind, name)), hash, by, new Date().toISOString()));
  }

  /** @inheritdoc */
  async forget(server: string, kind?: PinKind, name?: string): Promise<number> {
    this.#open();
    let n = 0;
    for (const [k, r] of this.#records) {
      if (r.server !== server || (kind !== undefined && r.kind !== kind) || (name !== undefined && r.name !== name)) continue;
      this.#records.delete(k);
      n++;
    }
    if (n > 0) this.#revision++;
    return n;
  }

  /** @inheritdoc */
  async history(q?: PinHistoryQuery): Promise<PinEvent[]> {
    this.#open();
    const limit = historyLimit(q);
    const out: PinEvent[] = [];
    for (let i = this.#events.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.#events[i];
      if (e !== undefined && eventMatches(e, q)) out.push(structuredClone(e));
    }
    return out;
  }

  /** @inheritdoc */
  async revision(): Promise<number> {
    this.#open();
    return this.#revision;
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.#closed = true;
  }
}
