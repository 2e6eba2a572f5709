/**
 * Pinning decisions: what a server lists now, compared with what was pinned, gives one decision
 * per item — serve the approved definition, or hide it (quarantine) until an admin approves.
 * Pure rules (`nextRecord`) over the pin store port; every write is a compare-and-set, so a
 * decision an admin takes meanwhile (the CLI writes the same store) is never overwritten.
 */
import type { NewPinEvent, PinKind, PinReason, PinRecord, PinStatus, PinStore } from '../../storage/pin-store.js';
import { PIN_KINDS } from '../../storage/pin-store.js';
import { diffDefinitions } from './diff.js';
import { canonicalHash } from './hash.js';
import type { Finding, Verdict } from './types.js';

/** How unknown items are treated. */
export interface PinPolicy {
  /** `tofu`: trust on first use; `preapproved`: nothing is served before an admin approves it. */
  mode: 'tofu' | 'preapproved';
  /** New items of a known server (its identity approved): approved if screening allows, or pending. */
  newItems: 'auto-if-clean' | 'require-approval';
}

/** One item a server lists now, screened. Identity is observed too: kind `identity`, name `''`. */
export interface ObservedItem {
  kind: PinKind;
  name: string;
  def: unknown;
  /**
   * Earlier forms of the same definition: when the approved pin holds one of them, `def` takes its
   * place as approved (an identity pinned with absolute paths by an earlier version is re-pinned in
   * its relative form, not quarantined).
   */
  aliases?: readonly unknown[];
  findings: Finding[];
  verdict: Verdict;
}

/** What to do with one observed item. */
export interface Decision {
  item: ObservedItem;
  /** The record after reconciling. */
  record: PinRecord;
  /**
   * The definition to serve, or null (hidden; calls refused). When approved this is the observed
   * definition, whose hash equals the approved one (it may differ from `approvedDef` only in the
   * top-level `_meta`, which the hash leaves out, so clients get the server's current `_meta`).
   */
  serve: unknown;
  /** True when the record was written. */
  changed: boolean;
  /**
   * False while the server's identity is not approved (changed, or awaiting pre-approval): then
   * nothing of the server is served, whatever the item's own record says. True when approved or
   * when no identity was observed or pinned.
   */
  identityApproved: boolean;
}

/** Options of `reconcileServer`. */
export interface ReconcileOptions {
  /**
   * The kinds this observation covers completely (default: every kind). Records of these kinds
   * that were not observed are marked removed; pass e.g. `['tool']` when only tools were re-listed.
   */
  kinds?: readonly PinKind[];
}

const itemKey = (kind: PinKind, name: string): string => `${kind}\u0000${name}`;
const findingsKey = (f: readonly Finding[]): string => JSON.stringify(f.map((x) => [x.rule, x.severity, x.field, x.evidence, x.message]));

/** Status and reason of an item seen for the first time. */
function firstSight(item: ObservedItem, known: boolean, policy: PinPolicy): { status: PinStatus; reason: PinReason } {
  if (policy.mode === 'preapproved') return { status: 'pending', reason: 'preapproval' };
  if (known && policy.newItems === 'require-approval') return { status: 'pending', reason: 'new' };
  if (item.verdict === 'block') return { status: 'blocked', reason: 'screening' };
  if (item.verdict === 'review') return { status: 'pending', reason: 'screening' };
  return { status: 'approved', reason: known ? 'new' : 'first-use' };
}

/**
 * The record an observation leads to, and the event to log; undefined when nothing changes (no
 * write, no event). `known`: the server's identity was approved before this reconciliation.
 */
export function nextRecord(
  rec: PinRecord | undefined,
  server: string,
  item: ObservedItem,
  hash: string,
  known: boolean,
  policy: PinPolicy,
  now: string,
): { record: PinRecord; event?: NewPinEvent } | undefined {
  const base = { server, kind: item.kind, name: item.name };
  const ev = (event: NewPinEvent['event'], fromHash: string | null, diff: string | null, by: string | null = null): NewPinEvent => ({ ...base, event, fromHash, toHash: hash, diff, by, at: now });
  if (rec === undefined) {
    const { status, reason } = firstSight(item, known, policy);
    const approved = status === 'approved';
    const record: PinRecord = {
      ...base,
      status,
      approvedHash: approved ? hash : null,
      approvedDef: approved ? item.def : null,
      currentHash: hash,
      currentDef: item.def,
      reason,
      findings: item.findings,
      diff: null,
      firstSeen: now,
      updatedAt: now,
      decidedBy: approved ? 'tofu' : null,
      removedAt: null,
    };
    return { record, event: ev(status === 'blocked' ? 'blocked' : 'pinned', null, null, record.decidedBy) };
  }
  const seen = { currentHash: hash, currentDef: item.def, findings: item.findings, removedAt: null, updatedAt: now };
  if (hash === rec.currentHash) {
    // Unchanged: keep the status (approved, or still waiting for an admin); refresh findings.
    if (findingsKey(rec.findings) === findingsKey(item.findings) && (rec.removedAt ?? null) === null) return undefined;
    return { record: { ...rec, findings: item.findings, removedAt: null, updatedAt: now } };
  }
  if (hash === rec.approvedHash) {
    return { record: { ...rec, ...seen, status: 'approved', reason: 'approved', diff: null }, event: ev('reverted', rec.currentHash, null) };
  }
  if (rec.approvedHash !== null && item.aliases?.some((a) => canonicalHash(a) === rec.approvedHash)) {
    return { record: { ...rec, ...seen, status: 'approved', reason: 'approved', approvedHash: hash, approvedDef: item.def, diff: null }, event: ev('approved', rec.currentHash, null, 'migration') };
  }
  const record: PinRecord = {
    ...rec,
    ...seen,
    status: item.verdict === 'block' ? 'blocked' : 'pending',
    reason: item.kind === 'identity' ? 'identity-changed' : 'changed',
    diff: rec.approvedHash === null ? null : diffDefinitions(rec.approvedDef, item.def),
  };
  return { record, event: ev('changed', rec.currentHash, diffDefinitions(rec.currentDef, item.def)) };
}

/** Writes `next` unless the stored record moved on since `rec` was read; then re-reads and retries. */
async function settle(
  store: PinStore,
  server: string,
  item: ObservedItem,
  hash: string,
  rec: PinRecord | undefined,
  decide: (rec: PinRecord | undefined) => ReturnType<typeof nextRecord>,
): Promise<{ record: PinRecord; changed: boolean }> {
  let current = rec;
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = decide(current);
    if (next === undefined) {
      if (current === undefined) break;
      return { record: current, changed: false };
    }
    if (await store.upsert(next.record, next.event, current ?? null)) return { record: next.record, changed: true };
    current = await store.get(server, item.kind, item.name);
  }
  throw new Error(`pin store kept changing under ${server} ${item.kind} ${JSON.stringify(item.name)} (hash ${hash}); giving up`);
}

/**
 * Reconciles what `server` lists now with its pins: writes records and events, and returns one
 * decision per observed item, in input order. The identity item (kind `identity`) is reconciled
 * first; while the server's identity is not approved, nothing else of it is served. Items no
 * longer listed keep their record (a reappearance with another definition is caught) and get one
 * `removed` event. Callers serialise calls per server (one refresh at a time).
 */
export async function reconcileServer(
  store: PinStore,
  server: string,
  observed: readonly ObservedItem[],
  policy: PinPolicy,
  now: Date = new Date(),
  opts: ReconcileOptions = {},
): Promise<Decision[]> {
  const at = now.toISOString();
  const records = new Map<string, PinRecord>();
  for (const r of await store.list({ server })) records.set(itemKey(r.kind, r.name), r);
  const known = records.get(itemKey('identity', ''))?.status === 'approved';

  const order = observed.map((item, i) => ({ item, i })).sort((a, b) => Number(b.item.kind === 'identity') - Number(a.item.kind === 'identity'));
  const results: { record: PinRecord; changed: boolean; hash: string }[] = [];
  for (const { item, i } of order) {
    const hash = canonicalHash(item.def);
    const k = itemKey(item.kind, item.name);
    const settled = await settle(store, server, item, hash, records.get(k), (rec) => nextRecord(rec, server, item, hash, known, policy, at));
    records.set(k, settled.record);
    results[i] = { ...settled, hash };
  }

  const identity = records.get(itemKey('identity', ''));
  const identityOk = identity === undefined || identity.status === 'approved';
  const decisions = observed.map((item, i): Decision => {
    const r = results[i];
    if (r === undefined) throw new Error('unreachable: every observed item is reconciled');
    const served = r.record.status === 'approved' && r.record.approvedHash === r.hash && (item.kind === 'identity' || identityOk);
    return { item, record: r.record, serve: served ? item.def : null, changed: r.changed, identityApproved: identityOk };
  });

  const covered = new Set(opts.kinds ?? PIN_KINDS);
  const listed = new Set(observed.map((o) => itemKey(o.kind, o.name)));
  for (const [k, rec] of records) {
    if (listed.has(k) || !covered.has(rec.kind) || (rec.removedAt ?? null) !== null) continue;
    const event: NewPinEvent = { server, kind: rec.kind, name: rec.name, event: 'removed', fromHash: rec.currentHash, toHash: null, diff: null, by: null, at };
    // A conflict means someone else just wrote this record; the next reconciliation marks it.
    await store.upsert({ ...rec, removedAt: at, updatedAt: at }, event, rec);
  }
  return decisions;
}
