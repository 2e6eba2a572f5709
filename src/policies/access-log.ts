/**
 * Access log filter: one structured line per exchange (method, target, duration, outcome, the
 * decisions filters made). Errors are logged at `warn`, everything else at `debug`, so the default
 * `info` level stays quiet on the hot path.
 */
import type { Filter } from '../pipeline/filter.js';

/** Creates the access-log filter. */
export function accessLogFilter(): Filter {
  return {
    name: 'access-log',
    methods: ['*'],
    async handle(ex, next) {
      const outcome = await next();
      const isError = 'error' in outcome;
      const level = isError ? 'warn' : 'debug';
      if (ex.log.isLevelEnabled(level)) {
        ex.log[level](
          {
            method: ex.method,
            session: ex.client.sessionId,
            profile: ex.client.profile,
            principal: ex.client.principal.id,
            era: ex.client.era,
            target: ex.target,
            ms: Date.now() - ex.startedAt,
            error: isError ? { code: outcome.error.code, message: outcome.error.message } : undefined,
            decisions: ex.decisions.length > 0 ? ex.decisions : undefined,
          },
          'exchange',
        );
      }
      return outcome;
    },
  };
}
