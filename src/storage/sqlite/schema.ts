/**
 * The pin store's SQLite schema and its migrations. `PRAGMA user_version` holds the number of
 * migrations applied; `PRAGMA application_id` marks the file as a Portcullis pin store so that
 * another application's database is refused instead of being written into.
 */
import type Database from 'better-sqlite3';
import { StorageError } from '../storage-error.js';

/** 'PCPN' — Portcullis pins. */
export const APPLICATION_ID = 0x5043504e;

/** Migration i brings the schema from version i to i + 1. Never edit one that has shipped; append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE pins (
     server TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('tool','prompt','resource','resource-template','instructions','identity')),
     name TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('approved','pending','blocked')),
     approved_hash TEXT,
     approved_def TEXT,
     current_hash TEXT NOT NULL,
     current_def TEXT NOT NULL,
     reason TEXT NOT NULL,
     findings TEXT NOT NULL,
     diff TEXT,
     first_seen TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     decided_by TEXT,
     removed_at TEXT,
     PRIMARY KEY (server, kind, name)
   );
   CREATE INDEX pins_status ON pins (status);
   CREATE TABLE pin_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     server TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     event TEXT NOT NULL,
     from_hash TEXT,
     to_hash TEXT,
     diff TEXT,
     by TEXT
   );
   CREATE INDEX pin_events_item ON pin_events (server, kind, name, id);
   CREATE TABLE pin_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
   INSERT INTO pin_meta (key, value) VALUES ('revision', 0);`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Checks that `db` is an empty database or a pin store this code understands, and applies the
 * missing migrations in one immediate transaction (safe when two processes open it at once).
 * @throws StorageError for a foreign database or a newer schema.
 */
export function migrate(db: Database.Database, file: string): void {
  const run = db.transaction(() => {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (appId !== 0 || version !== 0 || tables.n > 0) {
        throw new StorageError(`${file} is an SQLite database of another application, not a Portcullis pin store; point the pin store at its own file`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    if (version > SCHEMA_VERSION) {
      throw new StorageError(`${file} has pin store schema version ${version}, newer than this Portcullis understands (${SCHEMA_VERSION}); upgrade Portcullis`);
    }
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}
