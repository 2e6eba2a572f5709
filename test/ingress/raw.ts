/** A raw HTTP client for the error cases (full control over Host, Origin and the body). */
import { request } from 'node:http';

/** A raw response. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { jsonrpc?: string; id?: unknown; result?: Record<string, unknown>; error?: { code: number; message: string; data?: unknown } };
}

/** Headers a conforming client sends on a POST. */
export const POST_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** The 2026 `_meta` envelope. */
export const META26 = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

/** Sends one request; `body` may be a string or chunks written one by one. */
export function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers };
    // Frame string bodies explicitly (Node does not chunk DELETE/OPTIONS bodies by default).
    if ((typeof opts.body === 'string' || Buffer.isBuffer(opts.body)) && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
      headers['content-length'] = String(Buffer.byteLength(opts.body));
    }
    const req = request(url, { method: opts.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    const body = opts.body;
    if (Array.isArray(body)) for (const b of body) req.write(b);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A modern request body and its matching headers. */
export function modern(method: string, params: Record<string, unknown> = {}, id: number | string = 1): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { ...POST_HEADERS, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method };
  if (typeof params.name === 'string') headers['mcp-name'] = params.name;
  if (typeof params.uri === 'string') headers['mcp-name'] = params.uri;
  return { headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: META26 } }) };
}

/** Opens a streaming request and collects SSE text until `until` matches or the stream ends. */
export function openStream(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): { status: Promise<number>; headers: Promise<Record<string, string | string[] | undefined>>; text: () => string; close(): void; ended: Promise<void> } {
  let buf = '';
  let close = (): void => {};
  let setStatus: (n: number) => void = () => {};
  let setHeaders: (h: Record<string, string | string[] | undefined>) => void = () => {};
  let setEnded: () => void = () => {};
  const status = new Promise<number>((r) => (setStatus = r));
  const headers = new Promise<Record<string, string | string[] | undefined>>((r) => (setHeaders = r));
  const ended = new Promise<void>((r) => (setEnded = r));
  const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
    setStatus(res.statusCode ?? 0);
    setHeaders(res.headers);
    res.setEncoding('utf8');
    res.on('data', (c: string) => (buf += c));
    res.on('end', () => setEnded());
    res.on('close', () => setEnded());
    res.on('error', () => setEnded());
  });
  req.on('error', () => setEnded());
  close = () => req.destroy();
  if (opts.body !== undefined) req.write(opts.body);
  req.end();
  return { status, headers, text: () => buf, close: () => close(), ended };
}

/** Waits until `cond` holds. */
export async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The JSON payloads of the `data:` lines of an SSE text. */
export function sseData(text: string): unknown[] {
  return text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).filter((d) => d.startsWith('{')).map((d) => JSON.parse(d) as unknown);
}
