/**
 * `x-mcp-header` (2026-07-28, SEP-2243): tool parameters a server marks to be mirrored into
 * `Mcp-Param-{Name}` HTTP headers. The gateway is both a server (it validates what clients send)
 * and a client (it mirrors the parameters when calling a 2026 HTTP server), so both directions live
 * here, together with the value encoding shared with `Mcp-Name`.
 */
import { isObject, type JsonObject } from './jsonrpc.js';

const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters allowed in a header value at all (visible ASCII, space, tab). */
const HEADER_CHARS = /^[\x20-\x7e\t]*$/;

/** Encodes a value for a mirrored header: plain when header-safe, else the Base64 sentinel form. */
export function encodeHeaderValue(value: string): string {
  if (SAFE.test(value) && !(value.startsWith(SENTINEL_PREFIX) && value.endsWith(SENTINEL_SUFFIX))) return value;
  return `${SENTINEL_PREFIX}${Buffer.from(value, 'utf8').toString('base64')}${SENTINEL_SUFFIX}`;
}

/**
 * Decodes a mirrored header value. The sentinel form is Base64-decoded strictly (alphabet, padding,
 * valid UTF-8); anything else is literal. Returns undefined for a malformed value.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  if (!HEADER_CHARS.test(raw)) return undefined;
  const value = raw.trim();
  if (!value.startsWith(SENTINEL_PREFIX) || !value.endsWith(SENTINEL_SUFFIX) || value.length < SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length) return value;
  const b64 = value.slice(SENTINEL_PREFIX.length, value.length - SENTINEL_SUFFIX.length);
  if (b64.length % 4 !== 0 || !BASE64.test(b64)) return undefined;
  const bytes = Buffer.from(b64, 'base64');
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined;
  return text;
}

/** One mirrored parameter of a tool. */
export interface ParamHeader {
  /** Lower-case header name, `mcp-param-<name>`. */
  header: string;
  /** Property path from the arguments root. */
  path: readonly string[];
}

const cache = new WeakMap<object, ParamHeader[] | Error>();

/**
 * The mirrored parameters of a tool's input schema, or an Error when an annotation breaks the rules
 * (empty or non-token name, duplicate name, non-primitive type, not reachable through `properties`
 * only). Cached per schema object.
 */
export function paramHeadersOf(inputSchema: unknown): ParamHeader[] | Error {
  if (!isObject(inputSchema)) return [];
  const hit = cache.get(inputSchema);
  if (hit) return hit;
  const out: ParamHeader[] = [];
  const problem = collect(inputSchema, [], out, true);
  const seen = new Set<string>();
  let result: ParamHeader[] | Error = problem ?? out;
  if (!problem) {
    for (const p of out) {
      if (seen.has(p.header)) {
        result = new Error(`duplicate x-mcp-header ${p.header}`);
        break;
      }
      seen.add(p.header);
    }
  }
  cache.set(inputSchema, result);
  return result;
}

function collect(schema: JsonObject, path: string[], out: ParamHeader[], reachable: boolean): Error | undefined {
  if ('x-mcp-header' in schema) {
    const name = schema['x-mcp-header'];
    if (!reachable || path.length === 0) return new Error(`x-mcp-header at ${path.join('.') || '(root)'} is not reachable through properties only`);
    if (typeof name !== 'string' || !TOKEN.test(name)) return new Error(`x-mcp-header at ${path.join('.')} is not a valid header name`);
    const type = schema.type;
    if (type !== 'string' && type !== 'integer' && type !== 'boolean') return new Error(`x-mcp-header at ${path.join('.')} must be on a string, integer or boolean`);
    out.push({ header: `mcp-param-${name.toLowerCase()}`, path: [...path] });
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      for (const [prop, sub] of Object.entries(value)) {
        if (isObject(sub)) {
          const p = collect(sub, [...path, prop], out, reachable);
          if (p) return p;
        }
      }
    } else if (key !== 'x-mcp-header' && key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') {
      // Annotations anywhere else (items, oneOf, $defs, ...) are invalid.
      const nested = Array.isArray(value) ? value : [value];
      for (const n of nested) {
        if (isObject(n)) {
          const p = collect(n, path, out, false);
          if (p) return p;
        }
      }
    }
  }
  return undefined;
}

function valueAt(args: unknown, path: readonly string[]): unknown {
  let v: unknown = args;
  for (const k of path) v = isObject(v) ? v[k] : undefined;
  return v;
}

function asHeaderText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return undefined;
}

/** The `Mcp-Param-*` headers a client must send for a call (encoded). */
export function paramHeadersFor(inputSchema: unknown, args: unknown): Record<string, string> {
  const params = paramHeadersOf(inputSchema);
  if (params instanceof Error) return {};
  const out: Record<string, string> = {};
  for (const p of params) {
    const text = asHeaderText(valueAt(args, p.path));
    if (text !== undefined) out[p.header] = encodeHeaderValue(text);
  }
  return out;
}

/**
 * Checks the `Mcp-Param-*` headers a client sent against the call's arguments. Returns a message
 * describing the first mismatch, or undefined when they agree.
 */
export function checkParamHeaders(inputSchema: unknown, args: unknown, headers: Readonly<Record<string, string>>): string | undefined {
  const params = paramHeadersOf(inputSchema);
  if (params instanceof Error) return undefined;
  for (const p of params) {
    const body = valueAt(args, p.path);
    const raw = headers[p.header];
    if (body === undefined || body === null) {
      if (raw !== undefined) return `${p.header} header given but the argument is absent`;
      continue;
    }
    if (raw === undefined) return `${p.header} header is required: the argument ${p.path.join('.')} is present`;
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return `${p.header} header is not a valid value`;
    const expected = asHeaderText(body);
    if (typeof body === 'number' ? Number(decoded) !== body : decoded !== expected) return `${p.header} header does not match the argument ${p.path.join('.')}`;
  }
  return undefined;
}
