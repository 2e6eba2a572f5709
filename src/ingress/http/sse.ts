/**
 * Server-Sent Events framing for the HTTP ingress, and one shared keep-alive timer for every open
 * stream (no per-stream timers).
 */
import type { ServerResponse } from 'node:http';

/** Response headers of every SSE stream the ingress opens. */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
});

/** Formats one SSE event. `data` must be a single line (JSON.stringify output is). */
export function formatEvent(data: string, id?: string, event?: string): string {
  let out = '';
  if (id !== undefined) out += `id: ${id}\n`;
  if (event !== undefined) out += `event: ${event}\n`;
  return `${out}data: ${data}\n\n`;
}

/** An open SSE response. Writes after the client went away are dropped. */
export class SseStream {
  readonly res: ServerResponse;
  private closed = false;
  private readonly registry: KeepAlive;

  /** Sends the SSE headers (with `extraHeaders`) and registers for keep-alives. */
  constructor(res: ServerResponse, registry: KeepAlive, extraHeaders?: Record<string, string>) {
    this.res = res;
    this.registry = registry;
    if (!res.headersSent) res.writeHead(200, { ...SSE_HEADERS, ...extraHeaders });
    res.flushHeaders();
    registry.add(this);
    res.on('close', () => this.markClosed());
  }

  /** True once the stream ended or the client disconnected. */
  get isClosed(): boolean {
    return this.closed || this.res.writableEnded || this.res.destroyed;
  }

  /** Writes one event; returns false if the stream is gone. */
  send(data: string, id?: string, event?: string): boolean {
    if (this.isClosed) return false;
    this.res.write(formatEvent(data, id, event));
    return true;
  }

  /** Writes a comment line (keep-alive). */
  comment(text = ''): void {
    if (!this.isClosed) this.res.write(`:${text}\n\n`);
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (!this.isClosed) this.res.end();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.registry.delete(this);
  }
}

/** One timer that writes a keep-alive comment to every open stream every `intervalMs`. */
export class KeepAlive {
  private readonly streams = new Set<SseStream>();
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;

  constructor(intervalMs: number) {
    this.intervalMs = intervalMs;
  }

  /** Number of open streams. */
  get size(): number {
    return this.streams.size;
  }

  /** Tracks a stream (starts the timer on first use). */
  add(s: SseStream): void {
    this.streams.add(s);
    if (this.timer === undefined) {
      this.timer = setInterval(() => {
        for (const st of this.streams) st.comment();
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  /** Forgets a stream (stops the timer when none is left). */
  delete(s: SseStream): void {
    this.streams.delete(s);
    if (this.streams.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Ends every open stream. */
  endAll(): void {
    for (const s of [...this.streams]) s.end();
  }
}
