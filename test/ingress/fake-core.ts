/**
 * A scripted GatewayCore for driving the HTTP ingress in tests: answers initialize/discover/ping/
 * tools, emits progress, asks the client (legacy), waits for cancellation, and serves listen streams.
 */
import type { GatewayCore, ListenFilter, SessionSink } from '../../src/gateway/types.js';
import type { ClientChannel, ClientContext } from '../../src/pipeline/exchange.js';
import type { JsonObject, JsonRpcNotification, JsonRpcRequest, Outcome, RequestId } from '../../src/protocol/jsonrpc.js';
import { shapeOutcome } from '../../src/gateway/results.js';
import { META, MODERN_VERSIONS, negotiateLegacy } from '../../src/protocol/versions.js';

/** What the fake recorded. */
export interface FakeCore extends GatewayCore {
  readonly sinks: Map<string, SessionSink>;
  readonly closed: string[];
  readonly notifications: { client: ClientContext; n: JsonRpcNotification }[];
  readonly aborted: string[];
  readonly requests: { client: ClientContext; req: JsonRpcRequest }[];
  readonly listeners: { filter: ListenFilter; id: RequestId; send: (n: JsonRpcNotification) => void; signal: AbortSignal }[];
}

const identity = { name: 'fake-gateway', version: '0.0.1' };
const TOOLS = [
  { name: 'echo', description: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } },
  { name: 'progress', inputSchema: { type: 'object' } },
  { name: 'slow', inputSchema: { type: 'object' } },
  { name: 'ask', inputSchema: { type: 'object' } },
  { name: 'héllo wörld', inputSchema: { type: 'object' } },
];

/** Creates the fake core. */
export function fakeCore(): FakeCore {
  const sinks = new Map<string, SessionSink>();
  const closed: string[] = [];
  const notifications: FakeCore['notifications'] = [];
  const aborted: string[] = [];
  const requests: FakeCore['requests'] = [];
  const listeners: FakeCore['listeners'] = [];

  const answer = async (client: ClientContext, req: JsonRpcRequest, channel: ClientChannel, signal: AbortSignal): Promise<Outcome> => {
    const p = req.params ?? {};
    switch (req.method) {
      case 'initialize':
        return { result: { protocolVersion: negotiateLegacy(p.protocolVersion), capabilities: { tools: { listChanged: true } }, serverInfo: identity } };
      case 'server/discover':
        return { result: { supportedVersions: [...MODERN_VERSIONS], capabilities: { tools: { listChanged: true } } } };
      case 'ping':
        return { result: {} };
      case 'tools/list':
        return { result: { tools: TOOLS } };
      case 'tools/call':
        return callTool(client, String(p.name), (p.arguments ?? {}) as JsonObject, p._meta as JsonObject | undefined, channel, signal);
      default:
        return { error: { code: -32601, message: `Method not found: ${req.method}` } };
    }
  };

  const callTool = async (client: ClientContext, name: string, args: JsonObject, meta: JsonObject | undefined, channel: ClientChannel, signal: AbortSignal): Promise<Outcome> => {
    const text = (t: string): Outcome => ({ result: { content: [{ type: 'text', text: t }] } });
    switch (name) {
      case 'echo':
        return text(`${client.era}:${client.profile}:${String(args.text)}`);
      case 'progress': {
        const token = meta?.progressToken;
        for (let i = 1; i <= 3; i++) {
          if (token !== undefined) channel.notify({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token as string, progress: i, total: 3 } });
          await new Promise((r) => setTimeout(r, 5));
        }
        return text('done');
      }
      case 'slow':
        await new Promise<void>((resolve) => {
          if (signal.aborted) return resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        aborted.push(client.sessionId);
        return { error: { code: -32001, message: 'cancelled' } };
      case 'ask': {
        try {
          const r = await channel.request('roots/list', undefined, signal);
          return text(JSON.stringify(r));
        } catch (err) {
          return { error: { code: -32603, message: (err as Error).message } };
        }
      }
      case 'héllo wörld':
        return text('unicode ok');
      default:
        return { error: { code: -32602, message: `Unknown tool: ${name}` } };
    }
  };

  return {
    sinks,
    closed,
    notifications,
    aborted,
    requests,
    listeners,
    hasProfile: (p) => p === 'default' || p === 'alt',
    handleRequest: async (client, req, channel, signal) => {
      requests.push({ client, req });
      const outcome = await answer(client, req, channel, signal);
      return shapeOutcome(outcome, req.method, client.era, identity);
    },
    handleNotification: (client, n) => {
      notifications.push({ client, n });
    },
    attachSession: (s) => {
      sinks.set(s.sessionId, s);
      return () => sinks.delete(s.sessionId);
    },
    closeSession: (id) => {
      closed.push(id);
    },
    listen: async (_client, filter, id, send, signal) => {
      send({ jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: { _meta: { [META.subscriptionId]: id }, notifications: filter as JsonObject } });
      const entry = { filter, id, send, signal };
      listeners.push(entry);
      await new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      listeners.splice(listeners.indexOf(entry), 1);
    },
  };
}
