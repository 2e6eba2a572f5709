/**
 * Server-to-client requests waiting for the client's answer (sampling, elicitation, roots), shared
 * by the ingress adapters: gateway-unique ids, a bound on how many wait, cancellation by signal (the
 * client is told with `notifications/cancelled`), and the client's response mapped back.
 */
import { randomBytes } from 'node:crypto';
import { PortcullisError } from '../errors.js';
import type { JsonObject, JsonRpcMessage, JsonRpcResponse } from '../protocol/jsonrpc.js';

interface Waiter {
  resolve: (r: JsonObject) => void;
  reject: (e: Error) => void;
}

const PROCESS_TAG = randomBytes(4).toString('hex');
let counter = 0;

/** The requests one client session has yet to answer. */
export class ClientRequests {
  private readonly waiting = new Map<string, Waiter>();

  constructor(private readonly max: number) {}

  /** How many requests wait for an answer. */
  get size(): number {
    return this.waiting.size;
  }

  /**
   * Sends a request with `send` and resolves with the client's result. `send` is called again with
   * `notifications/cancelled` if `signal` aborts first.
   */
  request(method: string, params: JsonObject | undefined, signal: AbortSignal, send: (m: JsonRpcMessage) => void): Promise<JsonObject> {
    if (this.waiting.size >= this.max) return Promise.reject(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_BUSY', 'Too many requests waiting for the client'));
    if (signal.aborted) return Promise.reject(new PortcullisError('PORTCULLIS_ERR_CANCELLED', 'Request cancelled'));
    const id = `portcullis-${PROCESS_TAG}-${++counter}`;
    return new Promise<JsonObject>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.waiting.delete(id)) return;
        send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: 'cancelled' } });
        reject(new PortcullisError('PORTCULLIS_ERR_CANCELLED', 'Request cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal.removeEventListener('abort', onAbort);
      this.waiting.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    });
  }

  /** Delivers the client's response; false when nothing waits for that id. */
  resolve(msg: JsonRpcResponse): boolean {
    if (msg.id === null) return false;
    const key = String(msg.id);
    const w = this.waiting.get(key);
    if (w === undefined) return false;
    this.waiting.delete(key);
    if ('result' in msg) w.resolve(msg.result);
    else w.reject(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_PROTOCOL', msg.error.message, { data: { code: msg.error.code, data: msg.error.data } }));
    return true;
  }

  /** Rejects everything that waits (the session ended). */
  rejectAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}
