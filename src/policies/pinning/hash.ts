/**
 * The hash a pin is made of: SHA-256 over the RFC 8785 (JCS) canonical JSON of a definition, so
 * key order, whitespace and number spelling do not matter and every other byte does.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Keys of a top-level `_meta` that change what the client does rather than describe the listing:
 * the MCP Apps extension's `ui` (which `ui://` resource the host renders for the tool, the content
 * security policy and permissions it grants: camera, microphone, outside domains) and its older
 * `ui/…` spelling, and `openai/…` (the Apps SDK's output template and widget settings). Swapping
 * the rendered UI or widening its permissions after approval is a rug pull, so these stay pinned.
 */
const PINNED_META = /^(?:ui|ui\/.+|openai\/.+)$/;

/**
 * The rest of a top-level `_meta` is left out of the hash. The MCP specification reserves it for
 * protocol and implementation metadata that is not part of what the model reads (tool name, title,
 * description, schemas, annotations), and servers, SDKs and gateways in between are allowed to vary
 * it from one listing to the next (trace ids, timestamps, cache hints, the 2026 era's per-response
 * data). Hashing it would quarantine tools that did not change. Nested `_meta` keys (say inside a
 * schema) are content and stay in. A definition without pinned keys hashes as it did before they
 * were pinned, so existing pins stay valid.
 */
function withoutTopLevelMeta(def: unknown): unknown {
  if (def === null || typeof def !== 'object' || Array.isArray(def) || !Object.hasOwn(def, '_meta')) return def;
  const { _meta: meta, ...rest } = def as Record<string, unknown>;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return rest;
  const kept = Object.entries(meta as Record<string, unknown>).filter(([k]) => PINNED_META.test(k));
  return kept.length === 0 ? rest : { ...rest, _meta: Object.fromEntries(kept) };
}

/** A copy of `v` with every string and key replaced by `f(string)`; iterative, so nesting depth is not limited by the stack. */
function mapStrings(v: unknown, f: (s: string) => string): unknown {
  const wrap = { v } as Record<string, unknown>;
  const out = {} as Record<string, unknown>;
  const stack: { from: Record<string, unknown> | unknown[]; to: Record<string, unknown> | unknown[] }[] = [{ from: wrap, to: out }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { from, to } = frame;
    for (const k of Object.keys(from)) {
      const x = (from as Record<string, unknown>)[k];
      const mapped = typeof x === 'string' ? f(x) : x !== null && typeof x === 'object' ? (Array.isArray(x) ? [] : {}) : x;
      if (Array.isArray(to)) to.push(mapped);
      else Object.defineProperty(to, from === wrap ? k : f(k), { value: mapped, enumerable: true, writable: true, configurable: true });
      if (x !== null && typeof x === 'object') stack.push({ from: x as Record<string, unknown>, to: mapped as Record<string, unknown> });
    }
  }
  return out.v;
}

/**
 * RFC 8785 canonical JSON of `v`. JCS refuses lone UTF-16 surrogates, which `JSON.parse` happily
 * produces from `"\ud800"`; such a value is serialised with every string and key replaced by its
 * JSON literal (escaping the surrogate, injective) and prefixed `ill-formed:` — a separate domain,
 * since no JSON text starts that way — so it never throws and never collides with a well-formed one.
 */
export function canonicalJson(v: unknown): string {
  try {
    return canonicalize(v) ?? 'null';
  } catch (err) {
    if (!(err instanceof Error) || !/surrogate/i.test(err.message)) throw err;
    return `ill-formed:${canonicalize(mapStrings(v, (s) => JSON.stringify(s))) ?? 'null'}`;
  }
}

/**
 * `sha256:<hex>` of the canonical JSON (RFC 8785, see `canonicalJson`) of `def`, with a
 * top-level `_meta` reduced to its pinned keys (`ui`, `ui/…`, `openai/…`).
 */
export function canonicalHash(def: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(withoutTopLevelMeta(def)), 'utf8').digest('hex')}`;
}
