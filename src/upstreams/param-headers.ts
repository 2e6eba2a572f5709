/**
 * The client side of `x-mcp-header` (SEP-2243) for one 2026 HTTP upstream: the transport learns the
 * annotated parameters from the `tools/list` results that pass through it, leaves invalid tools out
 * (a client duty), and mirrors the arguments into `Mcp-Param-*` headers on `tools/call`. The schema
 * rules and the value encoding live in `protocol/param-headers.ts`.
 */
import { isObject, type JsonObject } from '../protocol/jsonrpc.js';
import { paramHeadersFor, paramHeadersOf } from '../protocol/param-headers.js';

/** Remembers the input schemas of annotated tools (bounded) and drops invalid tools from lists. */
export class ParamHeaderRegistry {
  private readonly byTool = new Map<string, unknown>();

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
      if (headers instanceof Error) {
        this.onInvalid(tool.name, headers.message);
        this.byTool.delete(tool.name);
        continue;
      }
      if (headers.length > 0) {
        if (this.byTool.size >= this.maxTools && !this.byTool.has(tool.name)) this.byTool.clear();
        this.byTool.set(tool.name, tool.inputSchema);
      } else {
        this.byTool.delete(tool.name);
      }
      kept.push(tool);
    }
    return kept.length === result.tools.length ? result : { ...result, tools: kept };
  }

  /** Headers for a `tools/call` of `tool` with `args`. */
  headersFor(tool: string, args: unknown): Record<string, string> {
    const schema = this.byTool.get(tool);
    return schema === undefined ? {} : paramHeadersFor(schema, args);
  }
}
