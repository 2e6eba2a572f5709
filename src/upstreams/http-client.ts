/**
 * The HTTP seam of the Streamable HTTP upstream transport: one small interface, an undici `Pool`
 * implementation for production and a `fetch` adapter for tests (and for callers that bring
 * their own fetch).
 *
 * Why not global `fetch` on the hot path: fetch wraps every exchange in WHATWG Request/Response
 * objects and web streams, and its abort plumbing makes each signal transferable; under load that
 * was about a third of the gateway's CPU per call (docs/benchmarks.md). `Pool.request` hands back
 * a Node stream and takes the caller's signal as is. Closing the client destroys the pool, which
 * ends every request and stream still open, so the transport needs no controller per request.
 */
import { Pool } from 'undici';

/** One HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The response head, with the body as an async iterable of chunks. */
export interface HttpResponse {
  status: number;
  /** A response header (lower-case name); repeated headers are joined with ", ". */
  header(name: string): string | undefined;
  /** The body. Breaking out of a `for await` over it releases the connection. */
  body: AsyncIterable<Uint8Array>;
  /** Reads and drops the rest of the body (keeps the connection reusable). */
  discard(): Promise<void>;
}

/** Sends requests to one URL. */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Ends every request and stream in flight; later sends fail. */
  close(): Promise<void>;
}

/** A keep-alive connection pool to the URL's origin. */
export function poolClient(url: string): HttpClient {
  const target = new URL(url);
  const path = `${target.pathname}${target.search}`;
  // No body/header timeouts: a GET stream may idle for hours, and every call already carries the
  // gateway's deadline as its signal.
  const pool = new Pool(target.origin, { bodyTimeout: 0, headersTimeout: 0, keepAliveTimeout: 30_000 });
  return {
    async send(r) {
      const res = await pool.request({ path, method: r.method, headers: r.headers, body: r.body ?? null, signal: r.signal ?? null });
      const headers = res.headers;
      return {
        status: res.statusCode,
        header: (name) => {
          const v = headers[name];
          return Array.isArray(v) ? v.join(', ') : v;
        },
        body: res.body,
        discard: () => res.body.dump().then(() => undefined),
      };
    },
    close: () => pool.destroy().catch(() => undefined),
  };
}

/** Adapts a `fetch` function (tests; custom agents). Closing aborts what it started. */
export function fetchClient(url: string, fetchFn: typeof fetch): HttpClient {
  const active = new Set<AbortController>();
  let closed = false;
  return {
    async send(r) {
      if (closed) throw new Error('HTTP client is closed');
      const ctl = new AbortController();
      const onAbort = (): void => ctl.abort();
      if (r.signal?.aborted) ctl.abort();
      r.signal?.addEventListener('abort', onAbort, { once: true });
      active.add(ctl);
      const release = (): void => {
        active.delete(ctl);
        r.signal?.removeEventListener('abort', onAbort);
      };
      let res: Response;
      try {
        res = await fetchFn(url, { method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }), signal: ctl.signal });
      } catch (e) {
        release();
        throw e;
      }
      const stream = res.body;
      return {
        status: res.status,
        header: (name) => res.headers.get(name) ?? undefined,
        body: (async function* () {
          try {
            if (stream) yield* stream;
          } finally {
            release();
          }
        })(),
        discard: async () => {
          await stream?.cancel().catch(() => undefined);
          release();
        },
      };
    },
    close() {
      closed = true;
      for (const ctl of active) ctl.abort();
      active.clear();
      return Promise.resolve();
    },
  };
}
