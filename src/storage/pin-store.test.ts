import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pinRecord, pinStoreContract } from '../../test/contracts/pin-store.contract.js';
import { openPinStore } from './pin-store.js';
import { StorageError } from './storage-error.js';

const root = mkdtempSync(join(tmpdir(), 'portcullis-pins-'));
let counter = 0;
const tempFile = (): string => join(root, `d${counter++}`, 'pins.db');
afterAll(() => rmSync(root, { recursive: true, force: true }));

pinStoreContract('memory', (opts) => openPinStore({ kind: 'memory', ...opts }));
pinStoreContract('sqlite', (opts) => openPinStore({ kind: 'sqlite', path: tempFile(), ...opts }));

describe('SQLite pin store', () => {
  it('creates the directory 0700 and the file 0600, in WAL mode, schema version 1', async () => {
    const file = tempFile();
    const store = await openPinStore({ kind: 'sqlite', path: file });
    await store.close();
    if (process.platform !== 'win32') {
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('persists across reopening', async () => {
    const file = tempFile();
    const a = await openPinStore({ kind: 'sqlite', path: file });
    const rec = pinRecord({ server: 'srv', name: 'x' });
    await a.upsert(rec, { server: 'srv', kind: 'tool', name: 'x', event: 'pinned', fromHash: null, toHash: 'sha256:a', diff: null, by: 'tofu' });
    const rev = await a.revision();
    await a.close();
    const b = await openPinStore({ kind: 'sqlite', path: file });
    expect(await b.get('srv', 'tool', 'x')).toEqual(rec);
    expect((await b.history()).map((e) => e.event)).toEqual(['pinned']);
    expect(await b.revision()).toBe(rev);
    await b.close();
  });

  it('two connections to one file: revision and writes are seen across them', async () => {
    const file = tempFile();
    const gateway = await openPinStore({ kind: 'sqlite', path: file });
    const cli = await openPinStore({ kind: 'sqlite', path: file });
    const before = await gateway.revision();
    await cli.upsert(pinRecord({ server: 'srv', name: 'x', status: 'pending', approvedHash: null, approvedDef: null, currentHash: 'sha256:b' }));
    const afterWrite = await gateway.revision();
    expect(afterWrite).not.toBe(before);
    expect((await gateway.get('srv', 'tool', 'x'))?.status).toBe('pending');
    await cli.approve('srv', 'tool', 'x', 'sha256:b', 'alice');
    expect(await gateway.revision()).not.toBe(afterWrite);
    expect((await gateway.get('srv', 'tool', 'x'))?.decidedBy).toBe('alice');
    await gateway.close();
    await cli.close();
  });

  it('approve with a stale hash fails when another connection changed the item meanwhile', async () => {
    const file = tempFile();
    const gateway = await openPinStore({ kind: 'sqlite', path: file });
    const cli = await openPinStore({ kind: 'sqlite', path: file });
    await gateway.upsert(pinRecord({ server: 'srv', name: 'x', status: 'pending', currentHash: 'sha256:b' }));
    const shown = await cli.get('srv', 'tool', 'x'); // the admin looks at hash b …
    await gateway.upsert(pinRecord({ server: 'srv', name: 'x', status: 'pending', currentHash: 'sha256:c' })); // … the server changes again
    expect(await cli.approve('srv', 'tool', 'x', shown?.currentHash ?? '', 'alice')).toBeUndefined();
    expect(await gateway.get('srv', 'tool', 'x')).toMatchObject({ status: 'pending', approvedHash: 'sha256:a', currentHash: 'sha256:c' });
    await gateway.close();
    await cli.close();
  });

  it('refuses a file that is not SQLite with a clear error', async () => {
    const file = join(root, 'garbage.db');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header '.repeat(20));
    const err = await openPinStore({ kind: 'sqlite', path: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(/garbage\.db is not a Portcullis pin store/);
  });

  it("refuses another application's SQLite database and a newer schema", async () => {
    const foreign = join(root, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE users (id INTEGER)');
    db.close();
    await expect(openPinStore({ kind: 'sqlite', path: foreign })).rejects.toThrow(/another application/);

    const newer = tempFile();
    const s = await openPinStore({ kind: 'sqlite', path: newer });
    await s.close();
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    await expect(openPinStore({ kind: 'sqlite', path: newer })).rejects.toThrow(/schema version 99, newer/);
  });
});
