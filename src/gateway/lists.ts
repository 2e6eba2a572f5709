/**
 * Fetching an upstream's lists (with pagination) and serving a profile's merged lists to clients
 * with opaque, generation-bound cursors.
 */
import { PortcullisError } from '../errors.js';
import type { JsonObject, Outcome } from '../protocol/jsonrpc.js';
import type { ListKind, OwnedEntry, NamedEntry, ProfileView } from '../routing/catalog.js';
import type { Upstream } from '../upstreams/types.js';

/** How many items one page of a merged list holds. */
export const PAGE_SIZE = 500;
/** Upstream pages followed at most per list (bounds a hostile server). */
const MAX_UPSTREAM_PAGES = 100;
/** Most items accepted per upstream list. */
const MAX_ITEMS = 10_000;

const METHODS: Record<ListKind, { method: string; field: string; capability: string }> = {
  tools: { method: 'tools/list', field: 'tools', capability: 'tools' },
  prompts: { method: 'prompts/list', field: 'prompts', capability: 'prompts' },
  resources: { method: 'resources/list', field: 'resources', capability: 'resources' },
  templates: { method: 'resources/templates/list', field: 'resourceTemplates', capability: 'resources' },
};

/** The list kind behind a list method. */
export const LIST_METHODS: Record<string, ListKind> = {
  'tools/list': 'tools',
  'prompts/list': 'prompts',
  'resources/list': 'resources',
  'resources/templates/list': 'templates',
};

/** Fetches one list kind from an upstream, following cursors. Empty when the capability is absent. */
export async function fetchList(upstream: Upstream, kind: ListKind, timeoutMs: number): Promise<JsonObject[]> {
  const spec = METHODS[kind];
  const caps = upstream.info?.capabilities ?? {};
  if (!(spec.capability in caps)) return [];
  const items: JsonObject[] = [];
  let cursor: string | undefined;
  const signal = AbortSignal.timeout(timeoutMs);
  for (let page = 0; page < MAX_UPSTREAM_PAGES; page++) {
    const outcome = await upstream.request(spec.method, cursor === undefined ? {} : { cursor }, { signal, deadline: Date.now() + timeoutMs });
    if ('error' in outcome) {
      if (page === 0) throw new PortcullisError('PORTCULLIS_ERR_UPSTREAM_PROTOCOL', `${upstream.name}: ${spec.method} failed: ${outcome.error.message}`);
      break;
    }
    const got = outcome.result[spec.field];
    if (Array.isArray(got)) for (const it of got) if (typeof it === 'object' && it !== null && items.length < MAX_ITEMS) items.push(it as JsonObject);
    const next = outcome.result.nextCursor;
    if (typeof next !== 'string' || next === '' || next === cursor) break;
    cursor = next;
  }
  return items;
}

function encodeCursor(generation: number, offset: number): string {
  return Buffer.from(JSON.stringify({ g: generation, o: offset })).toString('base64url');
}

function decodeCursor(cursor: unknown): number | undefined {
  if (typeof cursor !== 'string' || cursor.length > 200) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 ? v.o : undefined;
  } catch {
    return undefined;
  }
}

/** Serves one page of a merged list from a profile view (pages are cached on the view). */
export function servePage(view: ProfileView, kind: ListKind, cursor: unknown): Outcome {
  let offset = 0;
  if (cursor !== undefined) {
    const o = decodeCursor(cursor);
    if (o === undefined) return { error: { code: -32602, message: 'Invalid cursor' } };
    offset = o;
  }
  const key = `${kind}:${offset}`;
  const cached = view.pages.get(key);
  if (cached) return { result: cached };
  const source: readonly (NamedEntry | OwnedEntry)[] = view[kind];
  const slice = source.slice(offset, offset + PAGE_SIZE).map((e) => e.def);
  const result: JsonObject = { [METHODS[kind].field]: slice };
  if (offset + PAGE_SIZE < source.length) result.nextCursor = encodeCursor(view.generation, offset + PAGE_SIZE);
  view.pages.set(key, result);
  return { result };
}
