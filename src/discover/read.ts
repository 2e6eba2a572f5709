/**
 * Reading client config files: JSON/JSONC (jsonc-parser, tolerant of comments and trailing
 * commas), TOML (smol-toml) and YAML, then every server section in them. A malformed file is
 * reported with its problem, never thrown.
 */
import { readFile, stat } from 'node:fs/promises';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { candidateFiles, type DiscoverRoots } from './clients.js';
import { normaliseEntry, type TranslateContext } from './entries.js';
import type { ClientId, ConfigFormat, DiscoveredFile, DiscoveredSection, DocPath, FileSpec, SectionSpec } from './types.js';

/** Files larger than this are reported, not read (`~/.claude.json` is the largest seen: a few MB). */
export const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Parses config text; returns the document or a one-line problem. */
export function parseClientText(text: string, format: ConfigFormat): { doc: unknown } | { error: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    if (format === 'toml') return { doc: parseToml(body) };
    if (format === 'yaml') {
      const d = parseDocument(body);
      if (d.errors.length > 0) return { error: `not valid YAML: ${(d.errors[0]!.message.split('\n')[0] ?? '').trim()}` };
      return { doc: d.toJS({ maxAliasCount: 100 }) as unknown };
    }
    const errors: ParseError[] = [];
    const doc: unknown = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
    const e = errors[0];
    if (e) return { error: `not valid JSON at ${lineCol(body, e.offset)}: ${printParseErrorCode(e.error)}` };
    return { doc };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    return { error: `not valid ${format.toUpperCase()}: ${first}` };
  }
}

/** The value at a path, or undefined. */
export function valueAt(doc: unknown, path: DocPath): unknown {
  let v = doc;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Reads one section of a parsed document. */
export function readSection(doc: unknown, spec: SectionSpec, file: FileSpec, roots: DiscoverRoots): DiscoveredSection {
  const ctx: TranslateContext = { vars: file.vars, home: roots.home, ...(file.scope === 'project' ? { workspace: roots.project } : {}) };
  const section: DiscoveredSection = { spec, servers: [], problems: [] };
  const value = valueAt(doc, spec.path);
  if (value === undefined || value === null) return section;
  const entries: [string, unknown, string | number][] = [];
  if (spec.kind === 'list') {
    if (!Array.isArray(value)) return { ...section, problems: [`${spec.path.join('.')}: not a list`] };
    value.forEach((item: unknown, i) => {
      const n = (item as { name?: unknown } | null)?.name;
      entries.push([typeof n === 'string' && n !== '' ? n : `#${i + 1}`, item, i]);
    });
  } else {
    if (typeof value !== 'object' || Array.isArray(value)) return { ...section, problems: [`${spec.path.join('.')}: not a map`] };
    for (const [k, v] of Object.entries(value)) entries.push([k, v, k]);
  }
  for (const [name, raw, key] of entries.slice(0, 1000)) {
    const s = normaliseEntry(name, raw, file.dialect, ctx, key);
    if (typeof s === 'string') section.problems.push(s);
    else section.servers.push(s);
  }
  return section;
}

/** Reads one config file; undefined when it does not exist (or is not a file). */
export async function readConfigFile(spec: FileSpec, roots: DiscoverRoots): Promise<DiscoveredFile | undefined> {
  let size: number;
  try {
    const st = await stat(spec.path);
    if (!st.isFile()) return undefined;
    size = st.size;
  } catch {
    return undefined;
  }
  if (size > MAX_CONFIG_BYTES) return { spec, text: '', error: `too large to read (${size} bytes)`, sections: [] };
  let text: string;
  try {
    text = await readFile(spec.path, 'utf8');
  } catch (err) {
    return { spec, text: '', error: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, sections: [] };
  }
  const parsed = parseClientText(text, spec.format);
  if ('error' in parsed) return { spec, text, error: parsed.error, sections: [] };
  const doc = parsed.doc;
  if (doc !== undefined && doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) return { spec, text, doc, error: 'the document is not an object', sections: [] };
  return { spec, text, doc, sections: spec.sections(doc).map((s) => readSection(doc, s, spec, roots)) };
}

/** Finds and reads every client config file that exists, in catalogue order. */
export async function discoverFiles(roots: DiscoverRoots, client?: ClientId): Promise<DiscoveredFile[]> {
  const specs = candidateFiles(roots).filter((s) => client === undefined || s.client === client);
  const files = await Promise.all(specs.map((s) => readConfigFile(s, roots)));
  return files.filter((f): f is DiscoveredFile => f !== undefined);
}
