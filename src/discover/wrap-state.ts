/**
 * The record of wraps, `<wrap dir>/<client>.wrap.json`: which file was rewritten, its backup,
 * and the SHA-256 of the text Portcullis wrote, so unwrap can tell whether the file is still
 * the one Portcullis wrote. At most 20 records per client are kept.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readIfExists, writeAtomic } from './files.js';

/** One wrap. */
export interface WrapRecord {
  file: string;
  backup: string;
  yaml: string;
  sha256: string;
  at: string;
}

const MAX_RECORDS = 20;

/** Path of a client's wrap record file. */
export function statePath(dir: string, client: string): string {
  return join(dir, `${client}.wrap.json`);
}

/** The wraps recorded for a client, oldest first ([] when none or unreadable). */
export async function readWraps(dir: string, client: string): Promise<WrapRecord[]> {
  const data = await readIfExists(statePath(dir, client));
  if (data === undefined) return [];
  try {
    const parsed = JSON.parse(data.toString('utf8')) as { wraps?: unknown };
    return Array.isArray(parsed.wraps) ? (parsed.wraps as WrapRecord[]).filter((w) => typeof w?.file === 'string' && typeof w.backup === 'string' && typeof w.sha256 === 'string') : [];
  } catch {
    return [];
  }
}

/** Replaces a client's records. */
export async function writeWraps(dir: string, client: string, wraps: readonly WrapRecord[]): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeAtomic(statePath(dir, client), `${JSON.stringify({ version: 1, wraps: wraps.slice(-MAX_RECORDS) }, null, 2)}\n`, 0o600);
}

/** Appends one record. */
export async function recordWrap(dir: string, client: string, record: WrapRecord): Promise<void> {
  await writeWraps(dir, client, [...(await readWraps(dir, client)), record]);
}
