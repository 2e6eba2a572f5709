/**
 * `portcullis pins`: look at and decide on pinned definitions — list, show, approve, reject,
 * forget, history — in the SQLite pin store the gateway uses (safe while it runs: the gateway
 * notices the change through the store's revision). Everything a server sent is printed with
 * invisible and control characters made visible, so a hostile definition cannot drive the
 * admin's terminal. Exit codes: 0 done, 1 failed (not found, changed meanwhile, storage), 2 usage.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { loadConfigFile } from '../config/load.js';
import { summary, visible } from '../policies/pinning/visible.js';
import { PIN_KINDS, PIN_STATUSES, openPinStore, type PinEvent, type PinKind, type PinRecord, type PinStatus, type PinStore } from '../storage/pin-store.js';
import { StorageError } from '../storage/storage-error.js';

/** Where `runPins` writes; each call is one line, without its newline. */
export interface PinsOutput {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** The help of `portcullis pins`. */
export const PINS_USAGE = `Usage: portcullis pins <command> (--db FILE | --config FILE) [options]

Commands:
  list [--status pending|blocked|approved] [--server S] [--kind K]   List pins.
  show SERVER KIND [NAME]                  Current vs approved definition, findings, diff, history.
  approve SERVER KIND [NAME] [--hash H]    Approve the current definition (only if its hash is still H).
  reject SERVER KIND [NAME] [--hash H]     Reject it: hidden until a different definition is approved.
  forget SERVER [KIND [NAME]]              Drop pins; they are pinned again on next sight.
  history [--server S] [--kind K] [--name N] [--limit N]

Options: --format text|json, --by NAME (who decides; default: your user name).
KIND: ${PIN_KINDS.join(', ')}; NAME is omitted for identity and instructions.`;

class PinsUsageError extends Error {}

const STDOUT: PinsOutput = { stdout: (s) => process.stdout.write(`${s}\n`), stderr: (s) => process.stderr.write(`${s}\n`) };

/**
 * The pin store file of a config: `<state.dir>/pins.db`, as the gateway opens it
 * (`openConfiguredPinStore` in src/runtime/build.ts). The one place to adjust if that changes.
 * @throws ConfigError for an invalid config; PinsUsageError when pins are kept in memory.
 */
export async function pinStorePathFromConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const config = await loadConfigFile(file, env);
  if (config.state.pins === 'memory') throw new PinsUsageError(`${file} keeps pins in memory (state.pins: memory); there is no pin store to manage`);
  return join(config.state.dir, 'pins.db');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PinsUsageError(`${what} must be one of ${allowed.join(', ')}; got "${String(value)}"`);
}

/** SERVER KIND [NAME] from positionals; NAME may be left out for identity and instructions. */
function item(args: string[], command: string): { server: string; kind: PinKind; name: string } {
  const [server, kindArg, name, extra] = args;
  if (server === undefined || kindArg === undefined) throw new PinsUsageError(`${command}: expects SERVER KIND [NAME]`);
  const kind = oneOf(kindArg, PIN_KINDS, 'KIND') ?? 'tool';
  if (extra !== undefined) throw new PinsUsageError(`${command}: unexpected argument "${extra}"`);
  if (name === undefined && kind !== 'identity' && kind !== 'instructions') throw new PinsUsageError(`${command}: NAME is required for kind ${kind}`);
  return { server, kind, name: name ?? '' };
}

const label = (r: { server: string; kind: PinKind; name: string }): string => visible(`${r.server} ${r.kind}${r.name === '' ? '' : ` ${r.name}`}`);
const short = (h: string | null): string => (h === null ? '-' : h.replace(/^sha256:/, '').slice(0, 12));
const indent = (text: string, pad = '    '): string[] => text.split('\n').map((l) => pad + l);

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - [...cell].length))).join('  '));
}

function listText(records: PinRecord[]): string[] {
  if (records.length === 0) return ['no pins'];
  const rows = records.map((r) => [r.status, visible(r.server), r.kind, r.name === '' ? '-' : visible(r.name), r.reason, short(r.currentHash), String(r.findings.length), r.updatedAt]);
  return table([['STATUS', 'SERVER', 'KIND', 'NAME', 'REASON', 'HASH', 'FINDINGS', 'UPDATED'], ...rows]);
}

function eventLine(e: PinEvent, withItem: boolean): string {
  const hashes = e.fromHash === null ? short(e.toHash) : `${short(e.fromHash)} → ${short(e.toHash)}`;
  return `${e.at}  ${e.event.padEnd(8)}  ${withItem ? `${label(e)}  ` : ''}${hashes}${e.by === null ? '' : `  by ${visible(e.by)}`}`;
}

function showText(r: PinRecord, events: PinEvent[]): string[] {
  const lines = [
    label(r),
    `  status:     ${r.status} (${r.reason})${r.removedAt ? `, not listed since ${r.removedAt}` : ''}`,
    `  decided by: ${r.decidedBy === null ? '-' : visible(r.decidedBy)}`,
    `  first seen: ${r.firstSeen}   updated: ${r.updatedAt}`,
    `  current:    ${r.currentHash}`,
    `  approved:   ${r.approvedHash ?? '- (never approved)'}`,
  ];
  lines.push(r.findings.length === 0 ? '  findings:   none' : '  findings:');
  for (const f of r.findings) lines.push(`    ${f.severity} ${visible(f.rule)} at ${visible(f.field)}: ${visible(f.message)} — ${summary(f.evidence, 200)}`);
  if (r.diff) lines.push('  diff (approved → current):', ...indent(r.diff));
  lines.push('  current definition:', ...indent(JSON.stringify(r.currentDef, null, 2) ?? 'null').map(visible));
  if (events.length > 0) lines.push('  history:', ...events.map((e) => `    ${eventLine(e, false)}`));
  if (r.status !== 'approved') lines.push(`  approve with: portcullis pins approve ${label(r)} --hash ${r.currentHash}`);
  return lines;
}

function defaultBy(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const OPTIONS = {
  db: { type: 'string' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string' },
  status: { type: 'string' },
  server: { type: 'string' },
  kind: { type: 'string' },
  name: { type: 'string' },
  hash: { type: 'string' },
  by: { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function decide(store: PinStore, verb: 'approve' | 'reject', args: string[], values: Values, json: boolean, out: PinsOutput): Promise<number> {
  const it = item(args, verb);
  const rec = await store.get(it.server, it.kind, it.name);
  if (rec === undefined) {
    out.stderr(`pins ${verb}: no pin for ${label(it)}`);
    return 1;
  }
  const hash = values.hash ?? rec.currentHash;
  if (values.hash === undefined && !json) {
    out.stdout(`${verb === 'approve' ? 'approving' : 'rejecting'} the current definition of ${label(rec)}: ${rec.currentHash}`);
    if (rec.diff) out.stdout(indent(rec.diff).join('\n'));
  }
  const by = values.by ?? defaultBy();
  const done = verb === 'approve' ? await store.approve(it.server, it.kind, it.name, hash, by) : await store.reject(it.server, it.kind, it.name, hash, by);
  if (done === undefined) {
    const now = await store.get(it.server, it.kind, it.name);
    out.stderr(`pins ${verb}: ${label(it)} is now ${now?.currentHash ?? 'gone'}, not ${hash}; review it with "portcullis pins show" and try again`);
    return 1;
  }
  out.stdout(json ? JSON.stringify(done) : `${verb === 'approve' ? 'approved' : 'rejected'} ${label(done)} ${done.currentHash} (by ${visible(by)})`);
  return 0;
}

async function run(command: string, args: string[], values: Values, store: PinStore, out: PinsOutput): Promise<number> {
  const json = oneOf(values.format, ['text', 'json'] as const, '--format') === 'json';
  const kind = oneOf(values.kind, PIN_KINDS, '--kind');
  const noArgs = (): void => {
    if (args.length > 0) throw new PinsUsageError(`${command}: unexpected argument "${args[0] ?? ''}"`);
  };
  switch (command) {
    case 'list': {
      noArgs();
      const status = oneOf<PinStatus>(values.status, PIN_STATUSES, '--status');
      const records = await store.list({ ...(values.server !== undefined ? { server: values.server } : {}), ...(status ? { status } : {}), ...(kind ? { kind } : {}) });
      out.stdout(json ? JSON.stringify({ pins: records }) : listText(records).join('\n'));
      return 0;
    }
    case 'show': {
      const it = item(args, command);
      const rec = await store.get(it.server, it.kind, it.name);
      if (rec === undefined) {
        out.stderr(`pins show: no pin for ${label(it)}`);
        return 1;
      }
      const events = await store.history({ ...it, limit: 20 });
      out.stdout(json ? JSON.stringify({ pin: rec, history: events }) : showText(rec, events).join('\n'));
      return 0;
    }
    case 'approve':
    case 'reject':
      return decide(store, command, args, values, json, out);
    case 'forget': {
      const [server, kindArg, name, extra] = args;
      if (server === undefined || extra !== undefined) throw new PinsUsageError('forget: expects SERVER [KIND [NAME]]');
      const n = await store.forget(server, oneOf(kindArg, PIN_KINDS, 'KIND'), name);
      out.stdout(json ? JSON.stringify({ forgotten: n }) : `forgot ${n} pin${n === 1 ? '' : 's'} of ${visible(server)}`);
      return 0;
    }
    case 'history': {
      noArgs();
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new PinsUsageError(`--limit must be a positive integer; got "${values.limit ?? ''}"`);
      const q = { ...(values.server !== undefined ? { server: values.server } : {}), ...(kind ? { kind } : {}), ...(values.name !== undefined ? { name: values.name } : {}), ...(limit ? { limit } : {}) };
      const events = await store.history(q);
      out.stdout(json ? JSON.stringify({ events }) : events.length === 0 ? 'no events' : events.map((e) => eventLine(e, true)).join('\n'));
      return 0;
    }
    default:
      throw new PinsUsageError(`unknown pins command "${command}"`);
  }
}

/** Runs `portcullis pins …` (argv after `pins`); returns the exit code. */
export async function runPins(argv: string[], out: PinsOutput = STDOUT): Promise<number> {
  let store: PinStore | undefined;
  try {
    const [command, ...rest] = argv;
    if (command === undefined) throw new PinsUsageError('missing command');
    if (command === 'help' || command === '--help' || command === '-h') {
      out.stdout(PINS_USAGE);
      return 0;
    }
    let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new PinsUsageError(`${command}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      out.stdout(PINS_USAGE);
      return 0;
    }
    const file = values.db ?? (values.config !== undefined ? await pinStorePathFromConfig(values.config) : undefined);
    if (file === undefined) throw new PinsUsageError('no pin store given: pass --db FILE, or --config FILE (its state.dir holds pins.db)');
    if (!existsSync(file)) {
      out.stderr(`pins: no pin store at ${file} (the gateway creates it when it first pins a server)`);
      return 1;
    }
    store = await openPinStore({ kind: 'sqlite', path: file });
    return await run(command, positionals, values, store, out);
  } catch (err) {
    if (err instanceof PinsUsageError) {
      out.stderr(`portcullis pins: ${err.message}`);
      out.stderr(PINS_USAGE);
      return 2;
    }
    if (err instanceof ConfigError) {
      out.stderr(`portcullis pins: invalid configuration\n${err.message}`);
      return 1;
    }
    if (err instanceof StorageError) {
      out.stderr(`portcullis pins: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await store?.close();
  }
}
