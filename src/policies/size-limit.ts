/**
 * Size-limit filter: refuses requests whose parameters exceed the configured size (this bounds
 * stdio ingress too, where there is no HTTP body limit) and results larger than the upstream message
 * limit before they are relayed.
 */
import { PortcullisError, toWireError } from '../errors.js';
import type { Filter } from '../pipeline/filter.js';

const CHECKED_RESULTS = new Set(['tools/call', 'resources/read', 'prompts/get']);

/** Creates the size-limit filter. */
export function sizeLimitFilter(maxRequestBytes: number, maxResultBytes: number): Filter {
  return {
    name: 'size-limit',
    methods: ['tools/call', 'prompts/get', 'resources/read', 'completion/complete'],
    async handle(ex, next) {
      const params = ex.message.params;
      if (params !== undefined && Buffer.byteLength(JSON.stringify(params)) > maxRequestBytes) {
        ex.decisions.push({ filter: 'size-limit', action: 'deny', reason: 'request too large' });
        return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_TOO_LARGE', `Request parameters exceed ${maxRequestBytes} bytes`)) };
      }
      const outcome = await next();
      if ('result' in outcome && CHECKED_RESULTS.has(ex.method) && Buffer.byteLength(JSON.stringify(outcome.result)) > maxResultBytes) {
        ex.decisions.push({ filter: 'size-limit', action: 'deny', reason: 'result too large' });
        return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_TOO_LARGE', `Result exceeds ${maxResultBytes} bytes`)) };
      }
      return outcome;
    },
  };
}
