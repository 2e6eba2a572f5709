/**
 * The Base64 sentinel encoding of mirrored header values (`Mcp-Name`, `Mcp-Param-*`):
 * `=?base64?{base64 of UTF-8}?=` for values that are not plain header-safe ASCII.
 */

const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a mirrored header value: sentinel-wrapped values are Base64-decoded (strict alphabet),
 * plain values are returned as they are. Returns undefined for a malformed encoded value.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  if (!raw.startsWith(SENTINEL_PREFIX) || !raw.endsWith(SENTINEL_SUFFIX) || raw.length < SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length) return raw;
  const b64 = raw.slice(SENTINEL_PREFIX.length, raw.length - SENTINEL_SUFFIX.length);
  if (b64.length % 4 !== 0 || !BASE64.test(b64)) return undefined;
  const bytes = Buffer.from(b64, 'base64');
  const text = bytes.toString('utf8');
  // Reject byte sequences that are not valid UTF-8 (they would not round-trip).
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined;
  return text;
}
