import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpJudge } from './judge.js';
import type { Finding, ScreenItem } from './types.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end('{}');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const item: ScreenItem = { kind: 'tool', name: 'add', def: { name: 'add', description: 'Adds numbers.' } };
const engine: Finding[] = [{ rule: 'x', severity: 'low', field: 'description', evidence: 'e', message: 'm' }];
const review = (timeoutMs = 2000, signal = new AbortController().signal) =>
  createHttpJudge({ url: `${base}/judge`, headers: { authorization: 'Bearer t' }, timeoutMs }).review(item, { server: 'srv' }, engine, signal);

describe('createHttpJudge', () => {
  it('posts the item, server and findings and returns the judge\'s findings', async () => {
    let seen: { body: unknown; auth: string | undefined; type: string | undefined } | undefined;
    handler = (req, body, res) => {
      seen = { body: JSON.parse(body), auth: req.headers.authorization, type: req.headers['content-type'] };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ findings: [{ rule: 'judge.injection', severity: 'high', field: 'description', evidence: 'x\u200By', message: 'Judge says no.' }] }));
    };
    const out = await review();
    expect(seen).toEqual({ body: { item, server: 'srv', findings: engine }, auth: 'Bearer t', type: 'application/json' });
    expect(out).toEqual([{ rule: 'judge.injection', severity: 'high', field: 'description', evidence: 'x⟨U+200B⟩y', message: 'Judge says no.' }]);
  });

  it('turns a malformed answer, a bad status or a non-JSON body into judge.unavailable', async () => {
    handler = (_req, _body, res) => res.end(JSON.stringify({ findings: [{ rule: 'r', severity: 'fatal' }] }));
    expect((await review())[0]).toMatchObject({ rule: 'judge.unavailable', severity: 'info' });
    handler = (_req, _body, res) => {
      res.statusCode = 503;
      res.end('busy');
    };
    const bad = await review();
    expect(bad).toHaveLength(1);
    expect(bad[0]?.evidence).toContain('HTTP 503');
    handler = (_req, _body, res) => res.end('<html>');
    expect((await review())[0]?.evidence).toContain('not JSON');
  });

  it('gives up after the deadline', async () => {
    handler = () => undefined; // never answers
    const out = await review(150);
    expect(out[0]).toMatchObject({ rule: 'judge.unavailable', severity: 'info' });
    expect(out[0]?.evidence).toContain('no answer within 150 ms');
  });

  it('stops when the caller cancels, and reports refused connections', async () => {
    handler = () => undefined;
    const ac = new AbortController();
    const pending = review(5000, ac.signal);
    setTimeout(() => ac.abort(), 50);
    expect((await pending)[0]?.evidence).toContain('cancelled');
    const closed = createHttpJudge({ url: 'http://127.0.0.1:1/judge', timeoutMs: 2000 });
    const out = await closed.review(item, { server: 'srv' }, [], new AbortController().signal);
    expect(out[0]?.rule).toBe('judge.unavailable');
  });

  it('refuses oversized answers', async () => {
    handler = (_req, _body, res) => res.end(`{"findings":[],"pad":"${'x'.repeat(1_200_000)}"}`);
    expect((await review())[0]?.evidence).toContain('larger than');
  });
});
