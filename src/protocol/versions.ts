/**
 * Protocol revisions and eras. An era is a behaviour family: `legacy` is every revision that opens
 * with `initialize` (2024-11-05 .. 2025-11-25), `modern` is 2026-07-28 and later (stateless,
 * `_meta` envelope on every request).
 */

/** The two behaviour families of MCP. */
export type Era = 'legacy' | 'modern';

/** The latest revision Portcullis speaks. */
export const LATEST_MODERN_VERSION = '2026-07-28';
/** The latest sessionful revision. */
export const LATEST_LEGACY_VERSION = '2025-11-25';

/** Modern revisions, newest first. */
export const MODERN_VERSIONS: readonly string[] = ['2026-07-28'];
/** Legacy revisions, newest first. */
export const LEGACY_VERSIONS: readonly string[] = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
/** Every revision Portcullis accepts from clients and offers to servers. */
export const SUPPORTED_VERSIONS: readonly string[] = [...MODERN_VERSIONS, ...LEGACY_VERSIONS];

/** `_meta` keys of the 2026-07-28 request envelope. */
export const META = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  logLevel: 'io.modelcontextprotocol/logLevel',
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const;

/** The era a revision belongs to, or undefined if Portcullis does not know it. */
export function eraOf(version: string): Era | undefined {
  if (MODERN_VERSIONS.includes(version)) return 'modern';
  if (LEGACY_VERSIONS.includes(version)) return 'legacy';
  return undefined;
}

/** Picks the legacy version to answer an `initialize` with: the client's if supported, else the latest. */
export function negotiateLegacy(requested: unknown): string {
  return typeof requested === 'string' && LEGACY_VERSIONS.includes(requested) ? requested : LATEST_LEGACY_VERSION;
}
