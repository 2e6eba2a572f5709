/**
 * SQLite pin store (better-sqlite3). One file is shared by the running gateway and the
 * `portcullis pins` CLI: WAL mode lets the gateway read while the CLI writes, writes take the lock
 * up front (`BEGIN IMMEDIATE`) and wait up to the busy timeout, and a revision counter in the file
 * lets every connection see that another one wrote.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { NewPinEvent, PinEvent, PinHistoryQuery, PinKind, PinQuery, PinRecord, PinStore } from '../pin-store.js';
import { HISTORY_KEEP_DEFAULT, approveTransition, compareRecords, historyLimit, rejectTransition, sameVersion, type Transition } from '../pin-transitions.js';
import { StorageError } from '../storage-error.js';
import { migrate } from './schema.js';

interface PinRow {
  server: string;
  kind: PinKind;
  name: string;
  status: PinRecord['status'];
  approved_hash: string | null;
  approved_def: string | null;
  current_hash: string;
  current_def: string;
  reason: PinRecord['reason'];
  findings: string;
  diff: string | null;
  first_seen: string;
  updated_at: string;
  decided_by: string | null;
  removed_at: string | null;
}

interface EventRow {
  id: number;
  at: string;
  server: string;
  kind: PinKind;
  name: string;
  event: PinEvent['event'];
  from_hash: string | null;
  to_hash: string | null;
  diff: string | null;
  by: string | null;
}

const COLUMNS = 'server, kind, name, status, approved_hash, approved_def, current_hash, current_def, reason, findings, diff, first_seen, updated_at, decided_by, removed_at';

/** JSON text of a definition; `undefined` (no JSON form) is stored as null. */
const json = (v: unknown): string => JSON.stringify(v) ?? 'null';

function toRow(r: PinRecord): PinRow {
  return {
    server: r.server,
    kind: r.kind,
    name: r.name,
    status: r.status,
    approved_hash: r.approvedHash,
    approved_def: r.approvedDef === null || r.approvedDef === undefined ? null : json(r.approvedDef),
    current_hash: r.currentHash,
    current_def: json(r.currentDef),
    reason: r.reason,
    findings: json(r.findings),
    diff: r.diff,
    first_seen: r.firstSeen,
    updated_at: r.updatedAt,
    decided_by: r.decidedBy,
    removed_at: r.removedAt ?? null,
  };
}

function fromRow(row: PinRow): PinRecord {
  return {
    server: row.server,
    kind: row.kind,
    name: row.name,
    status: row.status,
    approvedHash: row.approved_hash,
    approvedDef: row.approved_def === null ? null : (JSON.parse(row.approved_def) as unknown),
    currentHash: row.current_hash,
    currentDef: JSON.parse(row.current_def) as unknown,
    reason: row.reason,
    findings: JSON.parse(row.findings) as PinRecord['findings'],
    diff: row.diff,
    firstSeen: row.first_seen,
    updatedAt: row.updated_at,
    decidedBy: row.decided_by,
    removedAt: row.removed_at,
  };
}

function fromEventRow(row: EventRow): PinEvent {
  return { id: row.id, at: row.at, server: row.server, kind: row.kind, name: row.name, event: row.event, fromHash: row.from_hash, toHash: row.to_hash, diff: row.diff, by: row.by };
}

/** `base WHERE column = ? AND …` for the defined values (column names are constants, never input). */
function filtered(base: string, filters: readonly (readonly [string, string | undefined])[]): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: where.length ? `${base} WHERE ${where.join(' AND ')}` : base, params };
}

/** Creates the parent directory (0700) and an empty file (0600) when missing. */
function prepareFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Opens (creating and migrating when needed) the pin store in `path`. */
export async function openSqlitePinStore(opts: { path: string; historyLimit?: number; busyTimeoutMs?: number }): Promise<PinStore> {
  let db: Database.Database | undefined;
  try {
    prepareFile(opts.path);
    db = new Database(opts.path, { fileMustExist: true });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, opts.path);
    return new SqlitePinStore(db, Math.max(1, opts.historyLimit ?? HISTORY_KEEP_DEFAULT));
  } catch (err) {
    db?.close();
    if (err instanceof StorageError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StorageError(`${opts.path} is not a Portcullis pin store (not a valid SQLite database); move it away or point the pin store at another file`, { cause: err });
    }
    throw new StorageError(`cannot open the pin store ${opts.path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** A pin store in one SQLite file. Construct with `openSqlitePinStore`. */
class SqlitePinStore implements PinStore {
  readonly #db: Database.Database;
  readonly #keep: number;
  #closed = false;
  readonly #getStmt: Database.Statement<[string, string, string], PinRow>;
  readonly #putStmt: Database.Statement<[PinRow]>;
  readonly #eventStmt: Database.Statement<[Omit<EventRow, 'id'>]>;
  readonly #pruneStmt: Database.Statement<[number | bigint]>;
  readonly #bumpStmt: Database.Statement<[]>;
  readonly #revisionStmt: Database.Statement<[], { value: number }>;

  constructor(db: Database.Database, keep: number) {
    this.#db = db;
    this.#keep = keep;
    this.#getStmt = db.prepare(`SELECT ${COLUMNS} FROM pins WHERE server = ? AND kind = ? AND name = ?`);
    this.#putStmt = db.prepare(`INSERT OR REPLACE INTO pins (${COLUMNS}) VALUES (${COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`);
    this.#eventStmt = db.prepare('INSERT INTO pin_events (at, server, kind, name, event, from_hash, to_hash, diff, by) VALUES (@at, @server, @kind, @name, @event, @from_hash, @to_hash, @diff, @by)');
    this.#pruneStmt = db.prepare('DELETE FROM pin_events WHERE id <= ?');
    this.#bumpStmt = db.prepare("UPDATE pin_meta SET value = value + 1 WHERE key = 'revision'");
    this.#revisionStmt = db.prepare("SELECT value FROM pin_meta WHERE key = 'revision'");
  }

  /** Filtered queries: at most 2^3 shapes per method, so the cache is bounded. */
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();

  #open(): void {
    if (this.#closed) throw new StorageError('the pin store is closed');
  }

  #prepared(sql: string): Database.Statement<unknown[]> {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Writes inside the caller's transaction. */
  #write(record: PinRecord | undefined, event: NewPinEvent | undefined): void {
    if (record) this.#putStmt.run(toRow(record));
    if (event) {
      const { at, fromHash, toHash, ...rest } = event;
      const { lastInsertRowid } = this.#eventStmt.run({ ...rest, at: at ?? new Date().toISOString(), from_hash: fromHash, to_hash: toHash });
      this.#pruneStmt.run(BigInt(lastInsertRowid) - BigInt(this.#keep));
    }
    this.#bumpStmt.run();
  }

  #decide(server: string, kind: PinKind, name: string, decide: (rec: PinRecord | undefined, now: string) => Transition): PinRecord | undefined {
    const tx = this.#db.transaction(() => {
      const row = this.#getStmt.get(server, kind, name);
      const t = decide(row === undefined ? undefined : fromRow(row), new Date().toISOString());
      if (t?.write) this.#write(t.record, t.event);
      return t?.record;
    });
    return tx.immediate();
  }

  /** @inheritdoc */
  async get(server: string, kind: PinKind, name: string): Promise<PinRecord | undefined> {
    this.#open();
    const row = this.#getStmt.get(server, kind, name);
    return row === undefined ? undefined : fromRow(row);
  }

  /** @inheritdoc */
  async list(q: PinQuery = {}): Promise<PinRecord[]> {
    this.#open();
    const { sql, params } = filtered(`SELECT ${COLUMNS} FROM pins`, [['server', q.server], ['kind', q.kind], ['status', q.status]]);
    return (this.#prepared(sql).all(...params) as PinRow[]).map(fromRow).sort(compareRecords);
  }

  /** @inheritdoc */
  async upsert(record: PinRecord, event?: NewPinEvent, expect?: PinRecord | null): Promise<boolean> {
    this.#open();
    return this.#db
      .transaction(() => {
        if (expect !== undefined) {
          const row = this.#getStmt.get(record.server, record.kind, record.name);
          if (!sameVersion(row === undefined ? undefined : fromRow(row), expect)) return false;
        }
        this.#write(record, event);
        return true;
      })
      .immediate();
  }

  /** @inheritdoc */
  async approve(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined> {
    this.#open();
    return this.#decide(server, kind, name, (rec, now) => approveTransition(rec, hash, by, now));
  }

  /** @inheritdoc */
  async reject(server: string, kind: PinKind, name: string, hash: string, by: string): Promise<PinRecord | undefined> {
    this.#open();
    return this.#decide(server, kind, name, (rec, now) => rejectTransition(rec, hash, by, now));
  }

  /** @inheritdoc */
  async forget(server: string, kind?: PinKind, name?: string): Promise<number> {
    this.#open();
    const { sql, params } = filtered('DELETE FROM pins', [['server', server], ['kind', kind], ['name', name]]);
    return this.#db
      .transaction(() => {
        const { changes } = this.#prepared(sql).run(...params);
        if (changes > 0) this.#bumpStmt.run();
        return changes;
      })
      .immediate();
  }

  /** @inheritdoc */
  async history(q?: PinHistoryQuery): Promise<PinEvent[]> {
    this.#open();
    const base = 'SELECT id, at, server, kind, name, event, from_hash, to_hash, diff, by FROM pin_events';
    const { sql, params } = filtered(base, [['server', q?.server], ['kind', q?.kind], ['name', q?.name]]);
    return (this.#prepared(`${sql} ORDER BY id DESC LIMIT ?`).all(...params, historyLimit(q)) as EventRow[]).map(fromEventRow);
  }

  /** @inheritdoc */
  async revision(): Promise<number> {
    this.#open();
    return this.#revisionStmt.get()?.value ?? 0;
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}
