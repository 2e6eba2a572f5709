/**
 * Bounded request body reader: counts bytes as they stream in and stops at the limit, so an
 * oversized body is never buffered beyond `maxBytes`.
 */
import type { IncomingMessage } from 'node:http';
import { headerValue } from './guard.js';

/** The outcome of reading a body. */
export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads the whole request body as UTF-8, up to `maxBytes`. A declared Content-Length above the limit
 * is refused before reading; a stream that crosses the limit is abandoned at that chunk.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(headerValue(req, 'content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardRest(req, maxBytes);
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (r: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(r);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish({ ok: false, reason: 'too-large' });
        discardRest(req, maxBytes);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, text: Buffer.concat(chunks, size).toString('utf8') });
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}

/**
 * After a body was refused as too large, reads and drops what the client is still sending (so it can
 * read the 413 instead of a connection reset), up to a bound past which the connection is cut.
 */
function discardRest(req: IncomingMessage, maxBytes: number): void {
  const cap = Math.max(maxBytes * 4, 1 << 20);
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) req.destroy();
  });
  req.resume();
}
