/**
 * The admin decisions (approve, reject) as pure functions over a record, shared by every pin store
 * implementation so they all behave the same; each store only supplies the atomicity.
 */
import type { NewPinEvent, PinEvent, PinHistoryQuery, PinRecord } from './pin-store.js';
import { PIN_KINDS } from './pin-store.js';

/** Outcome of a decision: `undefined` when refused (hash changed), `write: false` when nothing changes. */
export type Transition = { record: PinRecord; event: NewPinEvent | undefined; write: boolean } | undefined;

/** Default and maximum `history` page sizes, and the default number of events kept. */
export const HISTORY_DEFAULT_LIMIT = 100;
/** The largest `history` page. */
export const HISTORY_MAX_LIMIT = 10_000;
/** Events kept by default; older ones are pruned. */
export const HISTORY_KEEP_DEFAULT = 10_000;

/** Approves `rec` iff its current hash is `hash`. */
export function approveTransition(rec: PinRecord | undefined, hash: string, by: string, now: string): Transition {
  if (rec === undefined || rec.currentHash !== hash) return undefined;
  // Already approved by a person: nothing to do. Approved automatically (trust on first use): a
  // person's approval is still recorded — it is what lets a definition with findings be served in
  // profiles whose policy is stricter than the server's.
  if (rec.status === 'approved' && rec.approvedHash === hash && (rec.decidedBy !== 'tofu' || by === 'tofu')) return { record: rec, event: undefined, write: false };
  const record: PinRecord = {
    ...rec,
    status: 'approved',
    approvedHash: hash,
    approvedDef: rec.currentDef,
    reason: 'approved',
    diff: null,
    decidedBy: by,
    updatedAt: now,
  };
  const event: NewPinEvent = { server: rec.server, kind: rec.kind, name: rec.name, event: 'approved', fromHash: rec.approvedHash, toHash: hash, diff: rec.diff, by, at: now };
  return { record, event, write: true };
}

/**
 * Rejects `rec` iff its current hash is `hash`. Rejecting the approved definition itself revokes
 * the approval (approvedHash/approvedDef become null), so the server cannot get it served again
 * by "reverting" to it; rejecting a pending change keeps the earlier approval.
 */
export function rejectTransition(rec: PinRecord | undefined, hash: string, by: string, now: string): Transition {
  if (rec === undefined || rec.currentHash !== hash) return undefined;
  const revoke = rec.approvedHash === hash;
  if (rec.status === 'blocked' && rec.decidedBy === by && !revoke) return { record: rec, event: undefined, write: false };
  const record: PinRecord = {
    ...rec,
    status: 'blocked',
    decidedBy: by,
    updatedAt: now,
    ...(revoke ? { approvedHash: null, approvedDef: null, diff: null } : {}),
  };
  const event: NewPinEvent = { server: rec.server, kind: rec.kind, name: rec.name, event: 'rejected', fromHash: rec.approvedHash, toHash: hash, diff: rec.diff, by, at: now };
  return { record, event, write: true };
}

/** Clamps a history limit to [1, HISTORY_MAX_LIMIT]. */
export function historyLimit(q: PinHistoryQuery | undefined): number {
  const n = q?.limit ?? HISTORY_DEFAULT_LIMIT;
  if (!Number.isFinite(n)) return HISTORY_DEFAULT_LIMIT;
  return Math.min(HISTORY_MAX_LIMIT, Math.max(1, Math.floor(n)));
}

/** True when `e` matches the filter of `q`. */
export function eventMatches(e: PinEvent, q: PinHistoryQuery | undefined): boolean {
  return (q?.server === undefined || e.server === q.server) && (q?.kind === undefined || e.kind === q.kind) && (q?.name === undefined || e.name === q.name);
}

/** Orders records by server, kind (in PIN_KINDS order), name; strings by UTF-16 code units, like every store. */
export function compareRecords(a: PinRecord, b: PinRecord): number {
  if (a.server !== b.server) return a.server < b.server ? -1 : 1;
  if (a.kind !== b.kind) return PIN_KINDS.indexOf(a.kind) - PIN_KINDS.indexOf(b.kind);
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return 0;
}

/**
 * True when `stored` is the same version of a record as `expected` (both absent, or the same
 * decision state and update time). Used by `upsert(…, expect)`.
 */
export function sameVersion(stored: PinRecord | undefined, expected: PinRecord | null): boolean {
  if (stored === undefined || expected === null) return stored === undefined && expected === null;
  return (
    stored.status === expected.status &&
    stored.approvedHash === expected.approvedHash &&
    stored.currentHash === expected.currentHash &&
    stored.decidedBy === expected.decidedBy &&
    stored.reason === expected.reason &&
    stored.updatedAt === expected.updatedAt &&
    (stored.removedAt ?? null) === (expected.removedAt ?? null)
  );
}
