/**
 * A deliberately cheap MCP upstream for benchmarks: raw JSON-RPC, no SDK, no validation, so the
 * upstream is never the bottleneck. Speaks both eras (answers `initialize` with a session id and
 * `server/discover` with 2026-07-28) over HTTP or stdio.
 *
 *   node --import tsx bench/upstream-echo.ts --transport http|stdio [--tools 20] [--port 0]
 *
 * HTTP mode serves any path (so `/u/0` … `/u/49` look like 50 distinct servers to a gateway) and
 * prints `listening <url>` once ready. Tools: `echo {text}`, `blob {bytes}` (a text result of that
 * size), `sleep {ms}`, plus `t0` … `t<N-1>` fillers for `tools/list` workloads.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { transport: { type: 'string', default: 'http' }, tools: { type: 'string', default: '20' }, port: { type: 'string', default: '0' } } });
const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const toolCount = Number(values.tools);

const schema = { type: 'object', properties: { text: { type: 'string' } } };
const tools = [
  { name: 'echo', description: 'Echoes text.', inputSchema: schema },
  { name: 'blob', description: 'Returns a text result of `bytes` bytes.', inputSchema: { type: 'object', properties: { bytes: { type: 'number' } } } },
  { name: 'sleep', description: 'Answers after `ms` milliseconds.', inputSchema: { type: 'object', properties: { ms: { type: 'number' } } } },
];
for (let i = 0; i < toolCount; i++) tools.push({ name: `t${i}`, description: `Filler tool number ${i} for list benchmarks.`, inputSchema: schema });
const blobs = new Map<number, string>();

type Json = Record<string, unknown>;

/** Computes the JSON-RPC result of one request (a promise only for `sleep`). */
function answer(msg: Json): Json | Promise<Json> {
  const params = (msg.params ?? {}) as Json;
  const modern = typeof (params._meta as Json | undefined)?.['io.modelcontextprotocol/protocolVersion'] === 'string';
  const tag = modern ? { resultType: 'complete' } : {};
  switch (msg.method) {
    case 'initialize':
      return { protocolVersion: LEGACY, capabilities: { tools: {} }, serverInfo: { name: 'bench-echo', version: '1.0.0' } };
    case 'server/discover':
      return { supportedVersions: [MODERN], capabilities: { tools: {} }, _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'bench-echo', version: '1.0.0' } }, ...tag };
    case 'tools/list':
      return { tools, ...tag, ...(modern ? { ttlMs: 60_000, cacheScope: 'shared' } : {}) };
    case 'tools/call': {
      const args = (params.arguments ?? {}) as Json;
      if (params.name === 'blob') {
        const n = Number(args.bytes ?? 0);
        let s = blobs.get(n);
        if (s === undefined) blobs.set(n, (s = 'x'.repeat(n)));
        return { content: [{ type: 'text', text: s }], ...tag };
      }
      if (params.name === 'sleep') {
        return new Promise((r) => setTimeout(() => r({ content: [{ type: 'text', text: 'slept' }], ...tag }), Number(args.ms ?? 0)));
      }
      return { content: [{ type: 'text', text: String(args.text ?? '') }], ...tag };
    }
    case 'ping':
      return {};
    default:
      return { ...tag };
  }
}

async function reply(msg: Json): Promise<string | undefined> {
  if (msg.id === undefined) return undefined;
  return JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: await answer(msg) });
}

function serveHttp(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'DELETE') return void res.writeHead(200).end();
  if (req.method !== 'POST') return void res.writeHead(405).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const msg = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
    reply(msg).then(
      (body) => {
        if (body === undefined) return void res.writeHead(202).end();
        const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
        if (msg.method === 'initialize') headers['mcp-session-id'] = randomUUID();
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
}

if (values.transport === 'stdio') {
  let buf = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d: string) => {
    buf += d;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim() === '') continue;
      reply(JSON.parse(line) as Json).then(
        (out) => {
          if (out !== undefined) process.stdout.write(out + '\n');
        },
        () => undefined,
      );
    }
  });
} else {
  const server = createServer({ keepAliveTimeout: 60_000 }, serveHttp);
  server.listen(Number(values.port), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`listening http://127.0.0.1:${port}\n`);
  });
}
