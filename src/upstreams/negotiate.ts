/**
 * Era negotiation with an upstream: the legacy `initialize` handshake, the 2026-07-28
 * `server/discover` probe, and the `_meta` envelope every modern request carries.
 */
import { isObject, type JsonObject } from '../protocol/jsonrpc.js';
import { eraOf, LATEST_LEGACY_VERSION, LATEST_MODERN_VERSION, META } from '../protocol/versions.js';
import { VERSION } from '../version.js';
import type { UpstreamInfo } from './types.js';

/** How Portcullis introduces itself to upstream servers. */
export const GATEWAY_CLIENT_INFO: JsonObject = { name: 'portcullis', version: VERSION };

/** The client capabilities the gateway declares upstream (it relays these to its own clients). */
export const GATEWAY_CLIENT_CAPABILITIES: JsonObject = { roots: { listChanged: true }, sampling: {}, elicitation: { form: {}, url: {} } };

/** Params of the legacy `initialize` request. */
export function initializeParams(): JsonObject {
  return { protocolVersion: LATEST_LEGACY_VERSION, clientInfo: GATEWAY_CLIENT_INFO, capabilities: GATEWAY_CLIENT_CAPABILITIES };
}

/** Adds the 2026-07-28 `_meta` envelope to request params, keeping every other `_meta` key. */
export function withModernEnvelope(params: JsonObject | undefined, clientInfo?: JsonObject, clientCapabilities?: JsonObject): JsonObject {
  const meta = isObject(params?._meta) ? params._meta : {};
  return {
    ...params,
    _meta: {
      ...meta,
      [META.protocolVersion]: LATEST_MODERN_VERSION,
      [META.clientInfo]: clientInfo ?? GATEWAY_CLIENT_INFO,
      [META.clientCapabilities]: clientCapabilities ?? GATEWAY_CLIENT_CAPABILITIES,
    },
  };
}

/** Params of the `server/discover` probe. */
export function discoverParams(): JsonObject {
  return withModernEnvelope(undefined);
}

/** Reads an `initialize` result; throws when the server chose a version Portcullis does not speak. */
export function infoFromInitialize(result: JsonObject): UpstreamInfo {
  const version = result.protocolVersion;
  if (typeof version !== 'string' || eraOf(version) !== 'legacy') {
    throw new Error(`upstream chose an unsupported protocol version: ${String(version)}`);
  }
  return {
    era: 'legacy',
    protocolVersion: version,
    serverInfo: isObject(result.serverInfo) ? result.serverInfo : {},
    capabilities: isObject(result.capabilities) ? result.capabilities : {},
    ...(typeof result.instructions === 'string' ? { instructions: result.instructions } : {}),
  };
}

/** Reads a `server/discover` result; undefined when the server does not offer 2026-07-28. */
export function infoFromDiscover(result: JsonObject): UpstreamInfo | undefined {
  const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions : [];
  if (!versions.includes(LATEST_MODERN_VERSION)) return undefined;
  const meta = isObject(result._meta) ? result._meta : {};
  const serverInfo = meta[META.serverInfo];
  return {
    era: 'modern',
    protocolVersion: LATEST_MODERN_VERSION,
    serverInfo: isObject(serverInfo) ? serverInfo : {},
    capabilities: isObject(result.capabilities) ? result.capabilities : {},
    ...(typeof result.instructions === 'string' ? { instructions: result.instructions } : {}),
  };
}

/** The delay before restart attempt `attempt` (0-based): exponential, capped, with jitter in [50%, 100%]. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base / 2 + (random() * base) / 2);
}
