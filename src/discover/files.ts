/**
 * Careful file writing for wrap/unwrap: atomic replace (temp file in the same folder, fsync,
 * rename) that refuses when the file changed since it was read, exclusive backups named
 * `<file>.portcullis-backup-<ISO time>`, and the listing of those backups.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, readdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file changed between reading and writing; nothing was written. */
export class ChangedOnDiskError extends Error {
  constructor(path: string) {
    super(`${path} changed since it was read; nothing was written (run again)`);
    this.name = 'ChangedOnDiskError';
  }
}

/** Hex SHA-256 of text or bytes. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The infix of backup names. */
export const BACKUP_INFIX = '.portcullis-backup-';

/** `<file>.portcullis-backup-2026-05-01T10-20-30-123Z`: an ISO time with `:` and `.` replaced (valid on Windows, sorts by time). */
export function backupPath(path: string, at: Date): string {
  return `${path}${BACKUP_INFIX}${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** The file's current bytes, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes a new file, failing if it exists (`wx`), with the given mode. */
export async function writeExclusive(path: string, data: string | Buffer, mode: number): Promise<void> {
  const fh = await open(path, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.chmod(mode);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes a backup next to `path`; adds `-2`, `-3`… if that name is taken. Returns its path. */
export async function writeBackup(path: string, data: string | Buffer, mode: number, at: Date): Promise<string> {
  const first = backupPath(path, at);
  for (let n = 1; n < 100; n++) {
    const p = n === 1 ? first : `${first}-${n}`;
    try {
      await writeExclusive(p, data, mode);
      return p;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`cannot find a free backup name for ${path}`);
}

/**
 * Replaces `path` atomically with `data` (mode `mode`). With `expect`, first checks that the file
 * still holds exactly those bytes (`null`: that it does not exist) and throws ChangedOnDiskError
 * otherwise. The check and the rename are not one atomic step: a writer in between is not seen.
 * A symlink is followed: its target is replaced and the link stays (dotfile managers).
 */
export async function writeAtomic(link: string, data: string | Buffer, mode: number, expect?: string | Buffer | null): Promise<void> {
  const path = await realpath(link).catch(() => link);
  const temp = join(dirname(path), `.${basename(path)}.portcullis-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeExclusive(temp, data, mode);
  try {
    if (expect !== undefined) {
      const now = await readIfExists(path);
      const same = expect === null ? now === undefined : now !== undefined && now.equals(Buffer.isBuffer(expect) ? expect : Buffer.from(expect, 'utf8'));
      if (!same) throw new ChangedOnDiskError(path);
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Backups of `path`, oldest first (names sort by time). */
export async function listBackups(path: string): Promise<string[]> {
  const prefix = `${basename(path)}${BACKUP_INFIX}`;
  try {
    return (await readdir(dirname(path)))
      .filter((f) => f.startsWith(prefix))
      .sort()
      .map((f) => join(dirname(path), f));
  } catch {
    return [];
  }
}
