/**
 * Shaping results and errors for the client's era. Modern (2026-07-28) clients get `resultType` on
 * every result, cacheability fields on cacheable results and the gateway's identity in `_meta`;
 * legacy clients get results without the 2026-only fields.
 */
import { ErrorCode, type JsonObject, type Outcome } from '../protocol/jsonrpc.js';
import { META, type Era } from '../protocol/versions.js';

/** Methods whose 2026 results are cacheable (`ttlMs`, `cacheScope`). */
export const CACHEABLE = new Set(['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list', 'resources/read', 'server/discover']);

/** The gateway's identity. */
export interface GatewayIdentity {
  name: string;
  version: string;
  title?: string;
}

/** Adapts an outcome produced for/by any era to what a client of `era` expects. */
export function shapeOutcome(outcome: Outcome, method: string, era: Era, identity: GatewayIdentity): Outcome {
  if ('error' in outcome) return shapeError(outcome, method, era);
  const r = outcome.result;
  if (era === 'modern') {
    const out: JsonObject = { ...r };
    if (typeof out.resultType !== 'string') out.resultType = 'complete';
    if (CACHEABLE.has(method)) {
      if (typeof out.ttlMs !== 'number' || out.ttlMs < 0) out.ttlMs = 0;
      if (out.cacheScope !== 'public' && out.cacheScope !== 'private') out.cacheScope = 'private';
    }
    const meta = typeof out._meta === 'object' && out._meta !== null ? { ...(out._meta as JsonObject) } : {};
    meta[META.serverInfo] = identity;
    out._meta = meta;
    return { result: out };
  }
  if ('resultType' in r || 'ttlMs' in r || 'cacheScope' in r) {
    const { resultType: _rt, ttlMs: _t, cacheScope: _c, ...rest } = r;
    if (rest._meta && typeof rest._meta === 'object' && META.serverInfo in (rest._meta as JsonObject)) {
      const { [META.serverInfo]: _s, ...m } = rest._meta as JsonObject;
      if (Object.keys(m).length === 0) delete rest._meta;
      else rest._meta = m;
    }
    return { result: rest };
  }
  return outcome;
}

function shapeError(outcome: { error: { code: number; message: string; data?: unknown } }, method: string, era: Era): Outcome {
  // Resource-not-found: 2025 used -32002, 2026 uses -32602.
  if (method === 'resources/read') {
    if (era === 'modern' && outcome.error.code === ErrorCode.ResourceNotFound) return { error: { ...outcome.error, code: ErrorCode.InvalidParams } };
  }
  return outcome;
}
