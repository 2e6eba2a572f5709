/**
 * The filter contract and chain composition. A filter sees the exchange on the way in and the outcome
 * on the way out (reverse order). It ends an exchange by returning an outcome, never by throwing an
 * HTTP status. Chains are compiled once per config generation; the hot path never searches.
 */
import type { Outcome } from '../protocol/jsonrpc.js';
import type { Exchange } from './exchange.js';

/** Calls the rest of the chain. */
export type Next = () => Promise<Outcome>;

/** One policy or concern in the pipeline. */
export interface Filter {
  /** Name, for logs and decisions. */
  readonly name: string;
  /**
   * Methods this filter applies to: exact (`tools/call`), prefix (`tools/*`), or `*`.
   * Notifications are matched by method name too.
   */
  readonly methods: readonly string[];
  /** Handles the exchange. Call `next()` to continue; return an outcome to end it here. */
  handle(exchange: Exchange, next: Next): Promise<Outcome>;
}

/** The terminal handler at the end of a chain (the router). */
export type Terminal = (exchange: Exchange) => Promise<Outcome>;

/** A compiled chain: method → ordered filters, resolved at compile time. */
export interface CompiledChain {
  run(exchange: Exchange): Promise<Outcome>;
  /** The filters that apply to a method, in order (for tests and the admin API). */
  filtersFor(method: string): readonly Filter[];
}

/** True if a filter's method patterns match a method. */
export function matches(patterns: readonly string[], method: string): boolean {
  for (const p of patterns) {
    if (p === '*' || p === method) return true;
    if (p.endsWith('/*') && method.startsWith(p.slice(0, -1))) return true;
  }
  return false;
}

/**
 * Compiles filters and a terminal into a chain. Per-method filter lists are memoised, so each method
 * is resolved once per config generation.
 */
export function compileChain(filters: readonly Filter[], terminal: Terminal): CompiledChain {
  const cache = new Map<string, readonly Filter[]>();
  const MAX_CACHED_METHODS = 1024;
  const filtersFor = (method: string): readonly Filter[] => {
    let list = cache.get(method);
    if (list === undefined) {
      list = filters.filter((f) => matches(f.methods, method));
      if (cache.size < MAX_CACHED_METHODS) cache.set(method, list);
    }
    return list;
  };
  return {
    filtersFor,
    run(exchange: Exchange): Promise<Outcome> {
      const list = filtersFor(exchange.method);
      const dispatch = (i: number): Promise<Outcome> => {
        const f = list[i];
        if (f === undefined) return terminal(exchange);
        let called = false;
        return f.handle(exchange, () => {
          if (called) return Promise.reject(new Error(`filter ${f.name} called next() twice`));
          called = true;
          return dispatch(i + 1);
        });
      };
      return dispatch(0);
    },
  };
}
