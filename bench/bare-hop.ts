/**
 * The bare hop: the least a Node HTTP relay can do (read the body, POST it upstream over a keep-alive
 * pool, copy the MCP headers both ways). Its CPU per call is the yardstick the CI guard divides by.
 *
 *   node --import tsx bench/bare-hop.ts --upstream http://127.0.0.1:PORT
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({ options: { upstream: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (values.upstream === undefined) throw new Error('--upstream is required');
const pool = new Pool(values.upstream, { connections: 256, pipelining: 1 });
const FORWARD = ['content-type', 'accept', 'mcp-protocol-version', 'mcp-method', 'mcp-name', 'mcp-session-id'];

async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers: Record<string, string> = {};
  for (const h of FORWARD) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const up = await pool.request({ method: (req.method ?? 'POST') as 'POST', path: req.url ?? '/', headers, body: Buffer.concat(chunks) });
  const body = Buffer.from(await up.body.arrayBuffer());
  const out: Record<string, string | number> = { 'content-length': body.length };
  for (const h of ['content-type', 'mcp-session-id']) {
    const v = up.headers[h];
    if (typeof v === 'string') out[h] = v;
  }
  res.writeHead(up.statusCode, out).end(body);
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  relay(req, res).catch(() => res.writeHead(502).end());
});
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
