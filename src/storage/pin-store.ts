/**
 * The pin store port: what Portcullis has pinned of each server's tool surface (tools, prompts,
 * resources, resource templates, instructions, identity), the decisions taken on it, and an audit
 * trail of events. Embedded implementations: memory (tests, throw-away gateways) and SQLite (one
 * file shared by the running gateway and the `portcullis pins` CLI). A cluster implementation
 * (Postgres) will implement the same interface; every implementation passes
 * `test/contracts/pin-store.contract.ts`.
 *
 * The port is async although both embedded implementations are synchronous underneath, so the
 * callers do not change when the Postgres one arrives.
 */
import type { Finding } from '../policies/pinning/types.js';

/** What a pin is about. */
export type PinKind = 'tool' | 'prompt' | 'resource' | 'resource-template' | 'instructions' | 'identity';

/** Every pin kind, in the order they are reconciled and listed. */
export const PIN_KINDS: readonly PinKind[] = ['identity', 'instructions', 'tool', 'prompt', 'resource', 'resource-template'];

/**
 * `approved`: served. `pending`: quarantined until an admin approves. `blocked`: screening says
 * block, or an admin rejected it (an admin may still approve explicitly).
 */
export type PinStatus = 'approved' | 'pending' | 'blocked';

/** Every pin status. */
export const PIN_STATUSES: readonly PinStatus[] = ['approved', 'pending', 'blocked'];

/** Why a record has its status. */
export type PinReason = 'first-use' | 'new' | 'changed' | 'screening' | 'identity-changed' | 'preapproval' | 'approved';

/** The pin of one item of one server. */
export interface PinRecord {
  server: string;
  kind: PinKind;
  /** Tool/prompt name, resource URI, template `uriTemplate`; `''` for instructions and identity. */
  name: string;
  status: PinStatus;
  /** The approved definition's hash; null when never approved (or its approval was revoked by a reject). */
  approvedHash: string | null;
  /** What clients are served while the status is approved. */
  approvedDef: unknown;
  /** Hash of the latest definition seen upstream. */
  currentHash: string;
  currentDef: unknown;
  reason: PinReason;
  /** Screening findings of `currentDef`. */
  findings: Finding[];
  /** Readable diff approvedDef → currentDef; null when equal or never approved. */
  diff: string | null;
  /** ISO timestamps. */
  firstSeen: string;
  updatedAt: string;
  /** Who took the last decision on this item (`tofu` for automatic approval); null when nobody has. */
  decidedBy: string | null;
  /**
   * ISO time the server stopped listing the item (the record is kept so that a reappearance with
   * another definition is caught); null or absent while it is listed.
   */
  removedAt?: string | null;
}

/** What happened to a pin. */
export type PinEventType = 'pinned' | 'changed' | 'reverted' | 'approved' | 'rejected' | 'blocked' | 'removed';

/** One entry of the pin history. */
export interface PinEvent {
  /** Increasing; newer events have larger ids. */
  id: number;
  /** ISO time. */
  at: string;
  server: string;
  kind: PinKind;
  name: string;
  event: PinEventType;
  fromHash: string | null;
  toHash: string | null;
  diff: string | null;
  by: string | null;
}

/** An event to append, without the fields the store assigns. `at` defaults to now. */
export type NewPinEvent = Omit<PinEvent, 'id' | 'at'> & { at?: string };

/** Filter of `PinStore.list`. */
export interface PinQuery {
  server?: string;
  status?: PinStatus;
  kind?: PinKind;
}

/** Filter of `PinStore.history`. `limit` defaults to 100 and is capped at 10 000. */
export interface PinHistoryQuery {
  server?: string;
  kind?: PinKind;
  name?: string;
  limit?: number;
}

/** The pin store port. Records are returned as copies: mutating them does not change the store. */
export interface PinStore {
  /** One record, or undefined. */
  get(server: string, kind: PinKind, name: string): Promise<PinRecord | undefined>;
  /** Records matching `q`, ordered by server, kind, name. */
  list(q?: PinQuery): Promise<PinRecord[]>;
  /**
   * Inserts or replaces a record and appends `event`, in one transaction. With `expect`, writes
   * only if the stored record is still that one (`null`: only if there is none) — compare-and-set,
   * so a gateway writing what it observed cannot overwrite an admin decision taken meanwhile by
   * another process. Returns whether it wrote.
   */
  upsert(record: PinRecord, event?: NewPinEvent, expect?: PinRecord | null): Promise<boolean>;
  /**
   * Approves the current definition iff its hash is still `hash` (no time-of-check/time-of-use
   * gap); returns the new record, or undefined when it changed meanwhile or does not exist.
   * Approving what is already approved returns the record and writes nothing.
   */
  approve(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined>;
  /**
   * Rejects the current definition iff its hash is still `hash`: status `blocked` (hidden),
   * `decidedBy = by`. Rejecting the approved definition itself revokes its approval, so a later
   * "revert" to it is not served again. Returns the new record or undefined (changed / missing).
   */
  reject(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined>;
  /** Deletes the records of a server (or of one kind, or one item); they re-pin on next sight. History is kept. */
  forget(server: string, kind?: PinKind, name?: string): Promise<number>;
  /** Events, newest first, bounded. */
  history(q?: PinHistoryQuery): Promise<PinEvent[]>;
  /**
   * A number that changes whenever the store changed, including by another connection or process
   * (the CLI writes the SQLite file while the gateway runs). Cheap enough to poll every second.
   */
  revision(): Promise<number>;
  /** Releases the store; later calls reject. */
  close(): Promise<void>;
}

/** Where the pins live. `historyLimit` bounds the event log (default 10 000 events). */
export type PinStoreOptions =
  | { kind: 'memory'; historyLimit?: number }
  | { kind: 'sqlite'; path: string; historyLimit?: number; busyTimeoutMs?: number };

/**
 * Opens a pin store. SQLite: creates the parent directory (0700) and the file (0600), WAL mode,
 * a busy timeout, schema migrations tracked with `user_version`.
 * @throws StorageError when the file is not a pin store (not SQLite, or a newer schema).
 */
export async function openPinStore(opts: PinStoreOptions): Promise<PinStore> {
  if (opts.kind === 'memory') {
    const { MemoryPinStore } = await import('./memory/pin-store.js');
    return new MemoryPinStore(opts);
  }
  const { openSqlitePinStore } = await import('./sqlite/pin-store.js');
  return openSqlitePinStore(opts);
}
