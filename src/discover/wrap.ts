/**
 * `portcullis discover --wrap CLIENT`: move a client's directly-run servers ("shadow MCP") into a
 * Portcullis config, `~/.config/portcullis/clients/<client>.yaml` (mode 0600: literal env values
 * and headers move there), and replace them in the client's file with one entry that runs
 * `portcullis stdio --config <that file>`.
 *
 * Order, so that a failure leaves the client untouched: build and validate the YAML (with
 * `loadConfigFile`), edit the client text and check the edit reads back as intended, check the
 * file did not change since it was read, write the backup, put the YAML in place, replace the
 * client file atomically, record the wrap (for unwrap).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { ConfigError } from '../config/config-error.js';
import { loadConfigFile } from '../config/load.js';
import { throughPortcullis, type GatewayAddress } from './classify.js';
import type { DiscoverRoots } from './clients.js';
import { editSection } from './edit.js';
import { portcullisName } from './entries.js';
import { ChangedOnDiskError, readIfExists, sha256, writeAtomic, writeBackup, writeExclusive } from './files.js';
import { discoverFiles, parseClientText, readSection } from './read.js';
import { recordWrap } from './wrap-state.js';
import type { ClientId, DiscoveredFile, DiscoveredSection, DiscoveredServer } from './types.js';

/** A wrap or unwrap that was refused or failed; nothing was changed. */
export class WrapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrapError';
  }
}

/** Where wrap writes its Portcullis configs and state: `<home>/.config/portcullis/clients`. */
export function wrapDir(home: string): string {
  return join(home, '.config', 'portcullis', 'clients');
}

/** `node <this package>/dist/cli/main.js`: the Portcullis that is running now, by absolute path. */
export function defaultPortcullisCommand(): string[] {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return [process.execPath, join(root, 'dist', 'cli', 'main.js')];
}

/** Splits a command line on whitespace, honouring '…' and "…" quotes (a backslash escapes " inside "…"); other backslashes are kept (Windows paths). */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && line[i + 1] === '"') cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur !== '') out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur !== '') out.push(cur);
  return out;
}

/** What wrap needs. */
export interface WrapOptions {
  roots: DiscoverRoots;
  client: ClientId;
  /** The Portcullis command and its leading arguments (`stdio --config FILE` is appended). */
  command: readonly string[];
  gateways: readonly GatewayAddress[];
  now?: () => Date;
}

/** What wrap did. */
export interface WrapResult {
  status: 'wrapped' | 'already-wrapped';
  file?: string;
  backup?: string;
  yaml?: string;
  /** Client entry names moved into the YAML → their Portcullis server names. */
  moved: { name: string; as: string }[];
  /** Entries left in the client file because they cannot be translated. */
  skipped: { name: string; reason: string }[];
  /** Other user-level files of the client that also hold shadow servers (not touched). */
  otherFiles: string[];
}

interface Target {
  file: DiscoveredFile;
  section: DiscoveredSection;
  shadow: DiscoveredServer[];
}

async function existingServers(yamlPath: string): Promise<Record<string, unknown>> {
  const text = await readIfExists(yamlPath);
  if (text === undefined) return {};
  const doc = parseDocument(text.toString('utf8'));
  const servers: unknown = doc.errors.length === 0 ? (doc.toJS() as { servers?: unknown } | null)?.servers : undefined;
  if (doc.errors.length > 0 || (servers !== undefined && servers !== null && (typeof servers !== 'object' || Array.isArray(servers)))) {
    throw new WrapError(`${yamlPath} exists but is not a Portcullis config wrap can extend; move it away and run again`);
  }
  return { ...(servers as Record<string, unknown> | null | undefined) };
}

/**
 * Validates the YAML text by loading it as Portcullis would; returns the temp file path it wrote.
 * `${env:…}` references that are unset here are fine: the client's environment supplies them.
 */
async function writeValidatedYaml(yamlPath: string, text: string): Promise<string> {
  await mkdir(dirname(yamlPath), { recursive: true, mode: 0o700 });
  const temp = `${yamlPath}.portcullis-tmp-${process.pid}-${Date.now()}`;
  await writeExclusive(temp, text, 0o600);
  try {
    await loadConfigFile(temp);
    return temp;
  } catch (e) {
    const problems = e instanceof ConfigError ? e.issues.filter((i) => !/^environment variable \S+ is not set$/.test(i.problem)) : undefined;
    if (problems?.length === 0) return temp;
    await rm(temp, { force: true });
    if (problems) throw new WrapError(`the generated Portcullis config is not valid; nothing was changed:\n${new ConfigError(problems).message}`);
    throw e;
  }
}

function findTarget(files: readonly DiscoveredFile[], opts: WrapOptions, dir: string): { target?: Target; others: string[]; wrapped: boolean } {
  const targets: Target[] = [];
  let wrapped = false;
  for (const file of files) {
    if (file.spec.scope !== 'user' || file.error !== undefined) continue;
    const section = file.sections.find((s) => s.spec.scope === 'user');
    if (!section) continue;
    const shadow = section.servers.filter((s) => !throughPortcullis(s, opts.gateways, dir));
    if (shadow.length < section.servers.length) wrapped = true;
    if (shadow.length > 0) targets.push({ file, section, shadow });
  }
  const wrappable = targets.filter((t) => t.file.spec.entry !== undefined);
  if (targets.length > 0 && wrappable.length === 0) throw new WrapError(`${targets[0]!.file.spec.path}: wrap does not support this file format; edit it by hand`);
  const [target, ...rest] = wrappable;
  return { ...(target ? { target } : {}), others: rest.map((t) => t.file.spec.path), wrapped };
}

/** Wraps one client's user-level config. @throws WrapError when refused (nothing changed). */
export async function wrapClient(opts: WrapOptions): Promise<WrapResult> {
  const dir = wrapDir(opts.roots.home);
  const files = await discoverFiles(opts.roots, opts.client);
  const { target, others, wrapped } = findTarget(files, opts, dir);
  if (!target) {
    if (wrapped) return { status: 'already-wrapped', moved: [], skipped: [], otherFiles: [] };
    const broken = files.find((f) => f.spec.scope === 'user' && f.error !== undefined);
    throw new WrapError(broken ? `${broken.spec.path}: ${broken.error ?? ''}` : `no user-level ${opts.client} config with servers to wrap was found`);
  }
  const { file, section, shadow } = target;
  const movable = shadow.filter((s) => s.portcullis !== undefined);
  const skipped = shadow.filter((s) => s.portcullis === undefined).map((s) => ({ name: s.name, reason: s.untranslatable ?? 'cannot be translated' }));
  if (movable.length === 0) throw new WrapError(`nothing in ${file.spec.path} can be wrapped: ${skipped.map((s) => `${s.name} ${s.reason}`).join('; ')}`);

  const yamlPath = join(dir, `${opts.client}.yaml`);
  const servers = await existingServers(yamlPath);
  const taken = new Set(Object.keys(servers));
  const moved = movable.map((s) => {
    const same = Object.entries(servers).find(([, v]) => isDeepStrictEqual(v, s.portcullis));
    if (same) return { name: s.name, as: same[0] };
    const as = portcullisName(s.name, taken);
    servers[as] = s.portcullis;
    return { name: s.name, as };
  });
  const at = (opts.now ?? (() => new Date()))();
  const header = `# Written by \`portcullis discover --wrap ${opts.client}\` (${at.toISOString()}) from ${file.spec.path}.\n# Undo: portcullis discover --unwrap ${opts.client}\n`;
  const temp = await writeValidatedYaml(yamlPath, header + stringify({ servers }));
  try {
    // A client wrapped before keeps its Portcullis entry (same YAML); only the new servers move.
    const existing = section.servers.find((s) => !shadow.includes(s) && s.args.includes(yamlPath));
    let entryName = existing?.name ?? 'portcullis';
    const remaining = new Set(section.servers.filter((s) => !movable.includes(s)).map((s) => s.name));
    for (let n = 2; !existing && remaining.has(entryName); n++) entryName = `portcullis-${n}`;
    const value = file.spec.entry!(opts.command[0] ?? 'portcullis', [...opts.command.slice(1), 'stdio', '--config', yamlPath]);
    const add = existing ? undefined : { name: entryName, value };
    const text = editSection(file.text, file.spec.format, { section: section.spec, remove: movable.map((s) => s.key), ...(add ? { add } : {}) });
    checkEdit(text, file, entryName, movable, opts, dir);
    const mode = (await stat(file.spec.path)).mode & 0o777;
    const now = await readIfExists(file.spec.path);
    if (!now?.equals(Buffer.from(file.text, 'utf8'))) throw new WrapError(`${file.spec.path} changed since it was read; nothing was changed (run again)`);
    const backup = await writeBackup(file.spec.path, file.text, mode, at);
    try {
      await writeAtomic(yamlPath, (await readIfExists(temp)) ?? '', 0o600);
      await writeAtomic(file.spec.path, text, mode, file.text);
    } catch (e) {
      await rm(backup, { force: true });
      if (e instanceof ChangedOnDiskError) throw new WrapError(`${file.spec.path} changed while it was being wrapped; it was left as it is (run again)`);
      throw e;
    }
    await recordWrap(dir, opts.client, { file: file.spec.path, backup, yaml: yamlPath, sha256: sha256(text), at: at.toISOString() });
    return { status: 'wrapped', file: file.spec.path, backup, yaml: yamlPath, moved, skipped, otherFiles: others };
  } finally {
    await rm(temp, { force: true });
  }
}

/** Reads the edited text back: the Portcullis entry must be there and through Portcullis, the moved entries gone. */
function checkEdit(text: string, file: DiscoveredFile, entryName: string, movable: readonly DiscoveredServer[], opts: WrapOptions, dir: string): void {
  const parsed = parseClientText(text, file.spec.format);
  if ('error' in parsed) throw new WrapError(`editing ${file.spec.path} produced an unreadable file (${parsed.error}); nothing was changed`);
  const section = file.spec.sections(parsed.doc).find((s) => s.scope === 'user');
  const servers = section ? readSection(parsed.doc, section, file.spec, opts.roots).servers : [];
  const entry = servers.find((s) => s.name === entryName);
  const leftover = servers.filter((s) => s.name !== entryName && movable.some((m) => m.name === s.name));
  if (!entry || !throughPortcullis(entry, opts.gateways, dir) || leftover.length > 0) {
    throw new WrapError(`editing ${file.spec.path} did not give the expected result; nothing was changed`);
  }
}
