import { lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangedOnDiskError, backupPath, listBackups, writeAtomic, writeBackup } from './files.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'portcullis-files-'));

describe('careful writes', () => {
  it('writeAtomic replaces the file and leaves no temp file behind', async () => {
    const d = dir();
    const f = join(d, 'c.json');
    writeFileSync(f, 'old');
    await writeAtomic(f, 'new', 0o640, 'old');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['c.json']);
  });

  it('writeAtomic refuses when the file is not what the caller read', async () => {
    const d = dir();
    const f = join(d, 'c.json');
    writeFileSync(f, 'edited by someone else');
    await expect(writeAtomic(f, 'new', 0o600, 'old')).rejects.toBeInstanceOf(ChangedOnDiskError);
    expect(readFileSync(f, 'utf8')).toBe('edited by someone else');
    expect(readdirSync(d)).toEqual(['c.json']);
    await expect(writeAtomic(join(d, 'absent'), 'x', 0o600, null)).resolves.toBeUndefined();
    await expect(writeAtomic(f, 'x', 0o600, null)).rejects.toBeInstanceOf(ChangedOnDiskError);
  });

  it('writeAtomic through a symlink replaces the target and keeps the link', async () => {
    const d = dir();
    const target = join(d, 'real.json');
    const link = join(d, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeAtomic(link, 'new', 0o600, 'old');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('backups are exclusive, time-named, Windows-safe and listed oldest first', async () => {
    const d = dir();
    const f = join(d, 'c.json');
    const t = new Date('2026-01-02T03:04:05.678Z');
    expect(backupPath(f, t)).toBe(`${f}.portcullis-backup-2026-01-02T03-04-05-678Z`);
    const a = await writeBackup(f, 'one', 0o600, t);
    const b = await writeBackup(f, 'two', 0o600, t);
    const c = await writeBackup(f, 'three', 0o600, new Date('2026-01-02T03:04:06.000Z'));
    expect(b).toBe(`${a}-2`);
    expect(readFileSync(a, 'utf8')).toBe('one');
    expect(await listBackups(f)).toEqual([a, b, c]);
  });
});
