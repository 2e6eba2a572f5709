/**
 * Deadline filter: bounds every exchange by a deadline (the server's `timeoutMs` for calls routed to
 * it, else the global request timeout) and ends it with a timeout error when the deadline passes,
 * even if the upstream never answers. The exchange's signal is aborted so the upstream call is
 * cancelled too.
 */
import type { ServerConfig } from '../config/types.js';
import { PortcullisError, toWireError } from '../errors.js';
import type { Filter } from '../pipeline/filter.js';
import type { Outcome } from '../protocol/jsonrpc.js';

/** Methods that are long-lived by design and never time out here. */
const UNBOUNDED = new Set(['subscriptions/listen']);

/** Creates the deadline filter. */
export function deadlineFilter(defaultMs: number, servers: Readonly<Record<string, ServerConfig>>): Filter {
  const maxServerMs = Math.max(defaultMs, ...Object.values(servers).map((s) => s.timeoutMs));
  return {
    name: 'deadline',
    methods: ['*'],
    handle(ex, next) {
      if (UNBOUNDED.has(ex.method)) return next();
      // The router does not know the target yet; allow the longest server timeout, the upstream
      // client enforces the per-server one.
      ex.deadline = ex.startedAt + maxServerMs;
      const remaining = ex.deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => {
          ex.decisions.push({ filter: 'deadline', action: 'deny', reason: `deadline of ${maxServerMs} ms passed` });
          resolve({ error: toWireError(new PortcullisError('PORTCULLIS_ERR_DEADLINE', `Request timed out after ${maxServerMs} ms`)) });
        }, Math.max(0, remaining));
        timer.unref();
      });
      return Promise.race([next(), timeout]).finally(() => clearTimeout(timer));
    },
  };
}
