/**
 * `portcullis discover --unwrap CLIENT`: put back the newest backup wrap made, byte for byte.
 * Refused when the client file is no longer the one Portcullis wrote (someone edited it since),
 * or when there is no record of a wrap — `--force` restores the newest backup anyway.
 * The Portcullis YAML and the backup file are left in place.
 */
import { stat } from 'node:fs/promises';
import { candidateFiles, type DiscoverRoots } from './clients.js';
import { listBackups, readIfExists, sha256, writeAtomic } from './files.js';
import { readWraps, writeWraps } from './wrap-state.js';
import { WrapError, wrapDir } from './wrap.js';
import type { ClientId } from './types.js';

/** What unwrap needs. */
export interface UnwrapOptions {
  roots: DiscoverRoots;
  client: ClientId;
  force?: boolean;
}

/** What unwrap did. */
export interface UnwrapResult {
  file: string;
  backup: string;
  /** The Portcullis YAML of that wrap, left in place (undefined when unknown). */
  yaml?: string;
}

async function newestBackupAnywhere(opts: UnwrapOptions): Promise<{ file: string; backup: string } | undefined> {
  let best: { file: string; backup: string; stamp: string } | undefined;
  for (const spec of candidateFiles(opts.roots).filter((s) => s.client === opts.client && s.scope === 'user')) {
    const backups = await listBackups(spec.path);
    const last = backups[backups.length - 1];
    if (last === undefined) continue;
    const stamp = last.slice(spec.path.length);
    if (!best || stamp > best.stamp) best = { file: spec.path, backup: last, stamp };
  }
  return best && { file: best.file, backup: best.backup };
}

/** Restores the newest backup of a client's wrap. @throws WrapError when refused (nothing changed). */
export async function unwrapClient(opts: UnwrapOptions): Promise<UnwrapResult> {
  const dir = wrapDir(opts.roots.home);
  const wraps = await readWraps(dir, opts.client);
  let record = [...wraps].reverse().find((w) => w.backup !== '');
  if (record && (await readIfExists(record.backup)) === undefined) record = undefined;
  let file: string;
  let backup: string;
  if (record) {
    file = record.file;
    backup = record.backup;
    const current = await readIfExists(file);
    if (current !== undefined && sha256(current) !== record.sha256 && !opts.force) {
      throw new WrapError(`${file} changed since Portcullis wrapped it; restoring ${backup} would lose those changes (use --force to restore anyway)`);
    }
  } else {
    const found = await newestBackupAnywhere(opts);
    if (!found) throw new WrapError(`no Portcullis backup of a ${opts.client} config was found`);
    if (!opts.force) throw new WrapError(`no record of a Portcullis wrap of ${found.file}; use --force to restore ${found.backup}`);
    ({ file, backup } = found);
  }
  const data = await readIfExists(backup);
  if (data === undefined) throw new WrapError(`${backup} is gone`);
  const mode = (await stat(backup)).mode & 0o777;
  await writeAtomic(file, data, mode);
  if (record) await writeWraps(dir, opts.client, wraps.filter((w) => w !== record));
  return { file, backup, ...(record ? { yaml: record.yaml } : {}) };
}
