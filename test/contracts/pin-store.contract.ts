/**
 * The contract every PinStore implementation must pass (memory, SQLite, later Postgres).
 * Call `pinStoreContract(name, open)` from a test file; `open` returns a fresh, empty store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PinKind, PinRecord, PinStore } from '../../src/storage/pin-store.js';

/** Opens a fresh, empty store. */
export type PinStoreFactory = (opts?: { historyLimit?: number }) => Promise<PinStore>;

/** A record with sensible defaults, for tests. */
export function pinRecord(over: Partial<PinRecord> & { server: string; name: string }): PinRecord {
  return {
    kind: 'tool',
    status: 'approved',
    approvedHash: 'sha256:a',
    approvedDef: { name: over.name, description: 'v1' },
    currentHash: 'sha256:a',
    currentDef: { name: over.name, description: 'v1' },
    reason: 'first-use',
    findings: [],
    diff: null,
    firstSeen: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    decidedBy: 'tofu',
    removedAt: null,
    ...over,
  };
}

/** A record with a pending change from hash a (v1) to hash b (v2). */
function pendingChange(server: string, name: string): PinRecord {
  return pinRecord({ server, name, status: 'pending', reason: 'changed', currentHash: 'sha256:b', currentDef: { name, description: 'v2' }, diff: '~ description: "v1" → "v2"' });
}

/** Registers the shared PinStore contract suite under `name`. */
export function pinStoreContract(name: string, open: PinStoreFactory): void {
  describe(`PinStore contract: ${name}`, () => {
    const opened: PinStore[] = [];
    const fresh = async (opts?: { historyLimit?: number }): Promise<PinStore> => {
      const s = await open(opts);
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it('starts empty', async () => {
      const s = await fresh();
      expect(await s.get('a', 'tool', 'x')).toBeUndefined();
      expect(await s.list()).toEqual([]);
      expect(await s.history()).toEqual([]);
      expect(typeof (await s.revision())).toBe('number');
    });

    it('round-trips a record exactly, unicode and all', async () => {
      const s = await fresh();
      const def = { name: 'x', description: 'é 日本 \u200b\u{E0041} 🙂 \u001b[31m \ud800', inputSchema: { type: 'object', properties: { n: { type: 'number', default: 1.5 } } } };
      const rec = pinRecord({
        server: 'srv',
        name: 'x',
        currentDef: def,
        approvedDef: def,
        findings: [{ rule: 'hidden-unicode', severity: 'high', field: 'description', evidence: '⟨U+200B⟩', message: 'zero-width' }],
      });
      await s.upsert(rec);
      expect(await s.get('srv', 'tool', 'x')).toEqual(rec);
      const instructions = pinRecord({ server: 'srv', kind: 'instructions', name: '', currentDef: 'Use me.', approvedDef: null, approvedHash: null, status: 'pending', decidedBy: null });
      await s.upsert(instructions);
      expect(await s.get('srv', 'instructions', '')).toEqual(instructions);
    });

    it('hands out copies', async () => {
      const s = await fresh();
      await s.upsert(pinRecord({ server: 'srv', name: 'x' }));
      const got = await s.get('srv', 'tool', 'x');
      if (!got) throw new Error('missing');
      (got.currentDef as { description: string }).description = 'mutated';
      got.status = 'blocked';
      const again = await s.get('srv', 'tool', 'x');
      expect(again?.status).toBe('approved');
      expect(again?.currentDef).toEqual({ name: 'x', description: 'v1' });
    });

    it('replaces on upsert and filters and orders list', async () => {
      const s = await fresh();
      await s.upsert(pinRecord({ server: 'b', name: 'z' }));
      await s.upsert(pinRecord({ server: 'a', name: 'y', status: 'pending' }));
      await s.upsert(pinRecord({ server: 'a', kind: 'prompt', name: 'p' }));
      await s.upsert(pinRecord({ server: 'a', kind: 'identity', name: '' }));
      await s.upsert(pinRecord({ server: 'a', name: 'x' }));
      await s.upsert(pinRecord({ server: 'a', name: 'x', status: 'blocked' }));
      const key = (r: PinRecord): string => `${r.server}/${r.kind}/${r.name}`;
      expect((await s.list()).map(key)).toEqual(['a/identity/', 'a/tool/x', 'a/tool/y', 'a/prompt/p', 'b/tool/z']);
      expect((await s.list({ server: 'a', kind: 'tool' })).map(key)).toEqual(['a/tool/x', 'a/tool/y']);
      expect((await s.list({ status: 'blocked' })).map(key)).toEqual(['a/tool/x']);
      expect((await s.list({ server: 'b', status: 'pending' })).map(key)).toEqual([]);
    });

    it('upsert with expect is a compare-and-set', async () => {
      const s = await fresh();
      const v1 = pinRecord({ server: 'srv', name: 'x' });
      expect(await s.upsert(v1, undefined, null)).toBe(true);
      expect(await s.upsert(pinRecord({ server: 'srv', name: 'x', status: 'blocked' }), undefined, null)).toBe(false);
      const v2 = { ...v1, status: 'pending' as const, updatedAt: '2026-01-02T00:00:00.000Z' };
      expect(await s.upsert(v2, { server: 'srv', kind: 'tool', name: 'x', event: 'changed', fromHash: 'sha256:a', toHash: 'sha256:b', diff: null, by: null }, v1)).toBe(true);
      // v1 is stale now: the write is refused and no event is logged.
      expect(await s.upsert({ ...v1, status: 'blocked' }, { server: 'srv', kind: 'tool', name: 'x', event: 'blocked', fromHash: null, toHash: null, diff: null, by: null }, v1)).toBe(false);
      expect((await s.get('srv', 'tool', 'x'))?.status).toBe('pending');
      expect((await s.history()).map((e) => e.event)).toEqual(['changed']);
    });

    it('logs events newest first, filtered and limited', async () => {
      const s = await fresh();
      const ev = (name: string, event: 'pinned' | 'changed', kind: PinKind = 'tool') => ({ server: 'srv', kind, name, event, fromHash: null, toHash: 'sha256:a', diff: null, by: null });
      await s.upsert(pinRecord({ server: 'srv', name: 'x' }), ev('x', 'pinned'));
      await s.upsert(pinRecord({ server: 'srv', name: 'y' }), ev('y', 'pinned'));
      await s.upsert(pinRecord({ server: 'srv', name: 'x' }), { ...ev('x', 'changed'), at: '2026-05-05T05:05:05.000Z' });
      const all = await s.history();
      expect(all.map((e) => `${e.name}:${e.event}`)).toEqual(['x:changed', 'y:pinned', 'x:pinned']);
      expect(all[0]?.at).toBe('2026-05-05T05:05:05.000Z');
      expect(new Date(all[1]?.at ?? '').getTime()).not.toBeNaN();
      expect((all[0]?.id ?? 0) > (all[1]?.id ?? 0)).toBe(true);
      expect((await s.history({ name: 'x' })).map((e) => e.event)).toEqual(['changed', 'pinned']);
      expect((await s.history({ server: 'other' })).length).toBe(0);
      expect((await s.history({ kind: 'prompt' })).length).toBe(0);
      expect((await s.history({ limit: 1 })).map((e) => e.event)).toEqual(['changed']);
    });

    it('keeps a bounded history', async () => {
      const s = await fresh({ historyLimit: 5 });
      for (let i = 0; i < 12; i++) {
        await s.upsert(pinRecord({ server: 'srv', name: `t${i}` }), { server: 'srv', kind: 'tool', name: `t${i}`, event: 'pinned', fromHash: null, toHash: 'sha256:a', diff: null, by: null });
      }
      expect((await s.history({ limit: 100 })).map((e) => e.name)).toEqual(['t11', 't10', 't9', 't8', 't7']);
    });

    it('approves the current hash only, and is idempotent', async () => {
      const s = await fresh();
      await s.upsert(pendingChange('srv', 'x'));
      expect(await s.approve('srv', 'tool', 'x', 'sha256:a', 'alice')).toBeUndefined(); // stale hash
      expect(await s.approve('srv', 'tool', 'nope', 'sha256:b', 'alice')).toBeUndefined();
      expect((await s.get('srv', 'tool', 'x'))?.status).toBe('pending');
      const ok = await s.approve('srv', 'tool', 'x', 'sha256:b', 'alice');
      expect(ok).toMatchObject({ status: 'approved', approvedHash: 'sha256:b', approvedDef: { name: 'x', description: 'v2' }, reason: 'approved', diff: null, decidedBy: 'alice' });
      expect(await s.get('srv', 'tool', 'x')).toEqual(ok);
      const [event] = await s.history();
      expect(event).toMatchObject({ event: 'approved', fromHash: 'sha256:a', toHash: 'sha256:b', by: 'alice', diff: '~ description: "v1" → "v2"' });
      const rev = await s.revision();
      expect(await s.approve('srv', 'tool', 'x', 'sha256:b', 'bob')).toEqual(ok);
      expect(await s.revision()).toBe(rev);
      expect((await s.history()).length).toBe(1);
    });

    it('concurrent approvals of one hash write one event', async () => {
      const s = await fresh();
      await s.upsert(pendingChange('srv', 'x'));
      const results = await Promise.all([s.approve('srv', 'tool', 'x', 'sha256:b', 'alice'), s.approve('srv', 'tool', 'x', 'sha256:b', 'bob')]);
      expect(results.every((r) => r?.status === 'approved')).toBe(true);
      expect((await s.history()).filter((e) => e.event === 'approved').length).toBe(1);
    });

    it('rejects a pending change, keeping the earlier approval', async () => {
      const s = await fresh();
      await s.upsert(pendingChange('srv', 'x'));
      expect(await s.reject('srv', 'tool', 'x', 'sha256:zzz', 'alice')).toBeUndefined();
      const r = await s.reject('srv', 'tool', 'x', 'sha256:b', 'alice');
      expect(r).toMatchObject({ status: 'blocked', decidedBy: 'alice', approvedHash: 'sha256:a', currentHash: 'sha256:b' });
      expect((await s.history())[0]).toMatchObject({ event: 'rejected', toHash: 'sha256:b', by: 'alice' });
    });

    it('rejecting the approved definition revokes its approval', async () => {
      const s = await fresh();
      await s.upsert(pinRecord({ server: 'srv', name: 'x' }));
      const r = await s.reject('srv', 'tool', 'x', 'sha256:a', 'alice');
      expect(r).toMatchObject({ status: 'blocked', approvedHash: null, approvedDef: null, decidedBy: 'alice' });
      expect(await s.get('srv', 'tool', 'x')).toEqual(r);
    });

    it('forgets a server, a kind or one item, keeping history', async () => {
      const s = await fresh();
      const ev = { server: 'a', kind: 'tool' as const, name: 'x', event: 'pinned' as const, fromHash: null, toHash: 'sha256:a', diff: null, by: null };
      await s.upsert(pinRecord({ server: 'a', name: 'x' }), ev);
      await s.upsert(pinRecord({ server: 'a', name: 'y' }));
      await s.upsert(pinRecord({ server: 'a', kind: 'prompt', name: 'p' }));
      await s.upsert(pinRecord({ server: 'a', kind: 'identity', name: '' }));
      await s.upsert(pinRecord({ server: 'b', name: 'x' }));
      expect(await s.forget('a', 'tool', 'y')).toBe(1);
      expect(await s.forget('a', 'prompt')).toBe(1);
      expect(await s.forget('nobody')).toBe(0);
      expect(await s.forget('a')).toBe(2);
      expect((await s.list()).map((r) => r.server)).toEqual(['b']);
      expect((await s.history()).length).toBe(1);
    });

    it('changes revision on every write and not on reads', async () => {
      const s = await fresh();
      const revs = [await s.revision()];
      const next = async (): Promise<void> => {
        const r = await s.revision();
        expect(revs).not.toContain(r);
        revs.push(r);
      };
      await s.upsert(pendingChange('srv', 'x'));
      await next();
      await s.get('srv', 'tool', 'x');
      await s.list();
      await s.history();
      expect(await s.revision()).toBe(revs.at(-1));
      await s.approve('srv', 'tool', 'x', 'sha256:b', 'alice');
      await next();
      await s.reject('srv', 'tool', 'x', 'sha256:b', 'alice');
      await next();
      await s.forget('srv');
      await next();
      await s.forget('srv');
      expect(await s.revision()).toBe(revs.at(-1));
    });

    it('refuses calls after close', async () => {
      const s = await open();
      await s.close();
      await expect(s.get('a', 'tool', 'x')).rejects.toThrow(/closed/);
      await expect(s.revision()).rejects.toThrow(/closed/);
      await s.close();
    });
  });
}
