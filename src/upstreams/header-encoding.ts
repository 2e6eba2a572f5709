/**
 * The 2026-07-28 Streamable HTTP "Value Encoding" rule for `Mcp-Name` / `Mcp-Param-*` headers: plain
 * printable ASCII goes as-is; anything else (non-ASCII, control characters, leading or trailing
 * whitespace, or a value that looks like the sentinel) goes as `=?base64?<base64 of UTF-8>?=`.
 */

const SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const SENTINEL = '=?base64?';

/** Encodes one header value per the spec's Value Encoding rule. */
export function encodeHeaderValue(value: string): string {
  if (SAFE.test(value) && !value.startsWith(SENTINEL)) return value;
  return `${SENTINEL}${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
