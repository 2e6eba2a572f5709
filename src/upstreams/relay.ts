/**
 * Routing of server-initiated messages: a notification or server→client request goes to the
 * in-flight call it belongs to (by the stream it arrived on, or by progress token on stdio), else
 * to the upstream-wide event handlers. Server→client requests are answered with their outcome.
 */
import { toWireError } from '../errors.js';
import { ErrorCode, isRequest, toResponse, type JsonRpcNotification, type JsonRpcRequest, type JsonRpcResponse, type Outcome, type RequestId } from '../protocol/jsonrpc.js';
import type { Logger } from '../telemetry/logger.js';
import type { TransportMessageContext, UpstreamEvents, UpstreamRequestOptions } from './types.js';

/** One call in flight, as the relay sees it. */
export interface CallEntry {
  finish(outcome: Outcome): void;
  abort(): void;
  /** Absent for the upstream's own calls (initialize, discover). */
  options?: UpstreamRequestOptions;
  progressToken?: string | number;
}

/** What the relay needs from its upstream. */
export interface RelayTarget {
  name: string;
  calls: ReadonlyMap<RequestId, CallEntry>;
  events: UpstreamEvents;
  log: Logger;
  reply(response: JsonRpcResponse): Promise<void>;
  /** Server-to-client requests being answered now, and the most allowed at once. */
  pending: { count: number; max: number };
}

/** Notifications that concern the whole upstream, whichever stream carried them. */
const UPSTREAM_WIDE = /\/list_changed$|^notifications\/resources\/updated$/;

/** Delivers one server-initiated message to the call it relates to, or to the upstream-wide handlers. */
export function relayServerMessage(m: JsonRpcRequest | JsonRpcNotification, ctx: TransportMessageContext, target: RelayTarget): void {
  const entry = relatedCall(m, ctx, target.calls);
  if (isRequest(m)) {
    if (target.pending.count >= target.pending.max) {
      const busy = toResponse(m.id, { error: { code: ErrorCode.InternalError, message: 'Too many concurrent server requests' } });
      target.reply(busy).catch((e: unknown) => target.log.debug({ err: String(e) }, 'reply to server request not sent'));
      return;
    }
    const own = entry?.options?.onRequest;
    const handler = own ?? ((r: JsonRpcRequest) => target.events.onRequest(target.name, r));
    void answer(m, handler, target);
    return;
  }
  const onNotification = entry?.options?.onNotification;
  try {
    if (onNotification && !UPSTREAM_WIDE.test(m.method)) onNotification(m);
    else target.events.onNotification(target.name, m);
  } catch (e) {
    target.log.error({ err: String(e), method: m.method }, 'notification handler threw');
  }
}

function relatedCall(m: JsonRpcRequest | JsonRpcNotification, ctx: TransportMessageContext, calls: ReadonlyMap<RequestId, CallEntry>): CallEntry | undefined {
  if (ctx.relatedRequestId !== undefined) return calls.get(ctx.relatedRequestId);
  if (m.method !== 'notifications/progress' || isRequest(m)) return undefined;
  const token = m.params?.progressToken;
  if (typeof token !== 'string' && typeof token !== 'number') return undefined;
  for (const entry of calls.values()) if (entry.progressToken === token) return entry;
  return undefined;
}

async function answer(request: JsonRpcRequest, handler: (r: JsonRpcRequest) => Promise<Outcome>, target: RelayTarget): Promise<void> {
  let outcome: Outcome;
  target.pending.count++;
  try {
    outcome = await handler(request);
  } catch (e) {
    outcome = { error: toWireError(e) };
  } finally {
    target.pending.count--;
  }
  try {
    await target.reply(toResponse(request.id, outcome));
  } catch (e) {
    target.log.debug({ err: String(e), method: request.method }, 'reply to server request not sent');
  }
}
