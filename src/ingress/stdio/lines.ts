/**
 * A bounded newline splitter: emits complete lines, and reports (then skips) a line that grows past
 * the limit without ever holding more than the limit in memory.
 */
import type { Readable } from 'node:stream';

/** Callbacks of the splitter. */
export interface LineHandlers {
  line(text: string): void;
  /** A line longer than the limit was dropped. */
  oversized(): void;
  end(): void;
}

/** Reads lines from a stream with a per-line byte bound. */
export function readLines(input: Readable, maxBytes: number, h: LineHandlers): void {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  input.on('data', (chunk: Buffer | string) => {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl === -1) {
        if (!skipping) {
          if (size + buf.length > maxBytes) {
            skipping = true;
            parts = [];
            size = 0;
            h.oversized();
          } else {
            parts.push(buf);
            size += buf.length;
          }
        }
        return;
      }
      const head = buf.subarray(0, nl);
      buf = buf.subarray(nl + 1);
      if (skipping) {
        skipping = false;
        continue;
      }
      if (size + head.length > maxBytes) {
        parts = [];
        size = 0;
        h.oversized();
        continue;
      }
      parts.push(head);
      const text = Buffer.concat(parts).toString('utf8');
      parts = [];
      size = 0;
      h.line(text.endsWith('\r') ? text.slice(0, -1) : text);
    }
  });
  input.once('end', () => h.end());
  input.once('close', () => h.end());
}
