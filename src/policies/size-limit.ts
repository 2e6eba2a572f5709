/**
 * Size-limit filter: refuses tool, prompt and resource results larger than `limits.maxResultBytes`
 * before they reach the client (and the model's context). Requests need no check here: both
 * ingresses bound every message by `limits.maxBodyBytes` before it is parsed.
 *
 * The size is estimated without serialising the result: the strings that carry a result's bulk
 * (`text`, `blob`, nested `resource` contents) are summed, plus the serialised `structuredContent`
 * when present. Cheap on the hot path, and exact enough to stop a flood.
 */
import { PortcullisError, toWireError } from '../errors.js';
import type { Filter } from '../pipeline/filter.js';
import { isObject, type JsonObject } from '../protocol/jsonrpc.js';

/** Approximate size in bytes of a result's payload (UTF-16 length of its bulk strings). */
export function payloadSize(result: JsonObject): number {
  let n = 0;
  const items = [result.content, result.contents, result.messages].flatMap((v) => (Array.isArray(v) ? v : []));
  const stack: unknown[] = [...items];
  let guard = 0;
  while (stack.length > 0 && guard++ < 100_000) {
    const it = stack.pop();
    if (!isObject(it)) continue;
    if (typeof it.text === 'string') n += it.text.length;
    if (typeof it.blob === 'string') n += it.blob.length;
    if (typeof it.data === 'string') n += it.data.length;
    if (isObject(it.resource)) stack.push(it.resource);
    if (isObject(it.content)) stack.push(it.content);
  }
  if (result.structuredContent !== undefined) n += JSON.stringify(result.structuredContent).length;
  return n;
}

/** Creates the size-limit filter. */
export function sizeLimitFilter(maxResultBytes: number): Filter {
  return {
    name: 'size-limit',
    methods: ['tools/call', 'prompts/get', 'resources/read'],
    async handle(ex, next) {
      const outcome = await next();
      if ('result' in outcome) {
        const size = payloadSize(outcome.result);
        if (size > maxResultBytes) {
          ex.decisions.push({ filter: 'size-limit', action: 'deny', reason: `result of about ${size} bytes exceeds ${maxResultBytes}` });
          return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_TOO_LARGE', `Result exceeds ${maxResultBytes} bytes`)) };
        }
      }
      return outcome;
    },
  };
}
