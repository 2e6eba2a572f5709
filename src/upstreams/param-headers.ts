/**
 * SEP-2243 custom headers (2026-07-28 Streamable HTTP): a tool's `inputSchema` may mark primitive
 * properties with `x-mcp-header: <Name>`; a client then mirrors that argument into an
 * `Mcp-Param-<Name>` header on every `tools/call`. Tools whose annotations break the rules are
 * invalid and must be left out of `tools/list`.
 */
import { isObject, type JsonObject } from '../protocol/jsonrpc.js';
import { encodeHeaderValue } from './header-encoding.js';

/** One mirrored argument: the header name part and the `properties` path to the value. */
export interface ParamHeader {
  name: string;
  path: string[];
}

const TCHAR = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PRIMITIVE = new Set(['string', 'integer', 'boolean']);

/** Reads the `x-mcp-header` annotations of an input schema; a string explains why the tool is invalid. */
export function paramHeadersOf(inputSchema: unknown): ParamHeader[] | string {
  const found: ParamHeader[] = [];
  const walk = (schema: JsonObject, path: string[]): string | undefined => {
    if (!isObject(schema.properties)) return undefined;
    for (const [key, prop] of Object.entries(schema.properties)) {
      if (!isObject(prop)) continue;
      const name = prop['x-mcp-header'];
      if (name !== undefined) {
        if (typeof name !== 'string' || !TCHAR.test(name)) return `x-mcp-header on "${[...path, key].join('.')}" is not a valid header name`;
        if (typeof prop.type !== 'string' || !PRIMITIVE.has(prop.type)) return `x-mcp-header on "${[...path, key].join('.')}" is not on a string, integer or boolean`;
        if (found.some((f) => f.name.toLowerCase() === name.toLowerCase())) return `x-mcp-header "${name}" is used twice`;
        found.push({ name, path: [...path, key] });
      }
      const nested = walk(prop, [...path, key]);
      if (nested) return nested;
    }
    return undefined;
  };
  if (!isObject(inputSchema)) return found;
  const problem = walk(inputSchema, []);
  if (problem) return problem;
  if (countAnnotations(inputSchema) !== found.length) return 'x-mcp-header outside a chain of "properties"';
  return found;
}

function countAnnotations(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countAnnotations(v), 0);
  if (!isObject(value)) return 0;
  let n = 'x-mcp-header' in value ? 1 : 0;
  for (const v of Object.values(value)) n += countAnnotations(v);
  return n;
}

/** The `Mcp-Param-*` headers for one call's arguments (absent values are omitted). */
export function paramHeaderValues(headers: ParamHeader[], args: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, path } of headers) {
    let v: unknown = args;
    for (const key of path) v = isObject(v) ? v[key] : undefined;
    let text: string | undefined;
    if (typeof v === 'string') text = v;
    else if (typeof v === 'boolean') text = String(v);
    else if (typeof v === 'number' && Number.isSafeInteger(v)) text = String(v);
    if (text !== undefined) out[`mcp-param-${name.toLowerCase()}`] = encodeHeaderValue(text);
  }
  return out;
}

/** Remembers the annotations of listed tools (bounded) and drops invalid tools from list results. */
export class ParamHeaderRegistry {
  private readonly byTool = new Map<string, ParamHeader[]>();

  constructor(
    private readonly maxTools: number,
    private readonly onInvalid: (tool: string, reason: string) => void,
  ) {}

  /** Learns from a `tools/list` result; returns the result without invalid tools. */
  learn(result: JsonObject): JsonObject {
    if (!Array.isArray(result.tools)) return result;
    const kept: unknown[] = [];
    for (const tool of result.tools) {
      if (!isObject(tool) || typeof tool.name !== 'string') {
        kept.push(tool);
        continue;
      }
      const headers = paramHeadersOf(tool.inputSchema);
      if (typeof headers === 'string') {
        this.onInvalid(tool.name, headers);
        this.byTool.delete(tool.name);
        continue;
      }
      if (headers.length > 0) {
        if (this.byTool.size >= this.maxTools && !this.byTool.has(tool.name)) this.byTool.clear();
        this.byTool.set(tool.name, headers);
      } else {
        this.byTool.delete(tool.name);
      }
      kept.push(tool);
    }
    return kept.length === result.tools.length ? result : { ...result, tools: kept };
  }

  /** Headers for a `tools/call` of `tool` with `args`. */
  headersFor(tool: string, args: unknown): Record<string, string> {
    const headers = this.byTool.get(tool);
    return headers ? paramHeaderValues(headers, args) : {};
  }
}
