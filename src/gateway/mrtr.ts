/**
 * Bridging server-to-client requests across eras.
 *
 * - A 2026 server answers with `resultType: "input_required"`; a 2025 client cannot take that, so
 *   the gateway asks the client itself (sampling, elicitation, roots as ordinary server-to-client
 *   requests on the client's session) and retries the upstream request with `inputResponses`.
 * - A 2025 server sends a server-to-client request mid-call; a 2026 client cannot receive one, so
 *   the gateway parks the upstream call, answers the client with an `input_required` result whose
 *   `requestState` names the parked call, and resumes it when the client retries with
 *   `inputResponses`. Parked calls are bound to the client's principal and profile, bounded in
 *   number, and expire.
 */
import { randomBytes } from 'node:crypto';
import { PortcullisError, toWireError } from '../errors.js';
import type { Exchange } from '../pipeline/exchange.js';
import { ownerOf } from './owner.js';
import { ErrorCode, isObject, type JsonObject, type JsonRpcRequest, type Outcome } from '../protocol/jsonrpc.js';

/** Most retry rounds the gateway runs for one request on a 2025 client's behalf. */
const MAX_ROUNDS = 16;
/** How long the gateway waits for further server requests of the same burst, in ms. */
const SETTLE_MS = 15;
/** Prefix of gateway-minted `requestState` values. */
export const PARKED_PREFIX = 'portcullis-parked:';

/** True if an outcome is a 2026 input-required interim result. */
export function isInputRequired(outcome: Outcome): outcome is { result: JsonObject } {
  return 'result' in outcome && outcome.result.resultType === 'input_required';
}

/**
 * Serves a 2026 upstream's input-required results to a 2025 client: asks the client for each input,
 * then retries. `retry` re-sends the original request with the given extra params.
 */
export async function fulfilForLegacyClient(first: Outcome, ex: Exchange, retry: (extra: JsonObject) => Promise<Outcome>): Promise<Outcome> {
  let outcome = first;
  for (let round = 0; round < MAX_ROUNDS && isInputRequired(outcome); round++) {
    const requests = isObject(outcome.result.inputRequests) ? outcome.result.inputRequests : {};
    const responses: JsonObject = {};
    for (const [key, req] of Object.entries(requests)) {
      if (!isObject(req) || typeof req.method !== 'string') continue;
      if (!ex.channel.canRequest) return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_CLIENT_CAPABILITY', `The server needs ${req.method} from the client, which this client session cannot receive`)) };
      try {
        responses[key] = await ex.channel.request(req.method, isObject(req.params) ? req.params : undefined, ex.signal);
      } catch (err) {
        return { error: toWireError(err) };
      }
    }
    const extra: JsonObject = { inputResponses: responses };
    if (typeof outcome.result.requestState === 'string') extra.requestState = outcome.result.requestState;
    outcome = await retry(extra);
  }
  if (isInputRequired(outcome)) return { error: { code: ErrorCode.InternalError, message: 'Too many input rounds' } };
  return outcome;
}

interface PendingInput {
  request: JsonRpcRequest;
  resolve: (outcome: Outcome) => void;
}

interface ParkedCall {
  owner: string;
  upstreamDone: Promise<Outcome>;
  pending: Map<string, PendingInput>;
  /** Fires when the upstream asks for more input while the client is away. */
  wake: (() => void) | undefined;
  controller: AbortController;
  expires: number;
  /** Set when the call cannot go on (the client lacks a capability the server needs). */
  failure?: Outcome;
}

/** The client capability each server-to-client request needs. */
const NEEDS: Readonly<Record<string, string>> = { 'sampling/createMessage': 'sampling', 'elicitation/create': 'elicitation', 'roots/list': 'roots' };

/** Parks 2025-upstream calls for 2026 clients between input rounds. */
export class ParkedCalls {
  private readonly calls = new Map<string, ParkedCall>();
  private seq = 0;
  constructor(
    private readonly maxCalls = 1000,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  /** Number of parked calls (for health and tests). */
  get size(): number {
    return this.calls.size;
  }

  /**
   * Starts an upstream call on behalf of a 2026 client. `run` receives the signal for the upstream
   * call and the `onRequest` handler to pass to the upstream.
   */
  start(ex: Exchange, deadline: number, run: (signal: AbortSignal, onRequest: (r: JsonRpcRequest) => Promise<Outcome>) => Promise<Outcome>): Promise<Outcome> {
    this.sweep();
    if (this.calls.size >= this.maxCalls) return Promise.resolve({ error: toWireError(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_BUSY', 'Too many calls waiting for client input')) });
    const token = `${PARKED_PREFIX}${randomBytes(18).toString('base64url')}`;
    const controller = new AbortController();
    const call: ParkedCall = { owner: ownerOf(ex), upstreamDone: Promise.resolve({ result: {} }), pending: new Map(), wake: undefined, controller, expires: Math.min(deadline, Date.now() + this.ttlMs) };
    const caps = ex.client.clientCapabilities ?? {};
    const onRequest = (r: JsonRpcRequest): Promise<Outcome> => {
      const need = NEEDS[r.method];
      if (need !== undefined && !isObject(caps[need])) {
        // A 2026 server would refuse the request up front (-32021); the 2025 server asks mid-call,
        // so the gateway ends the client's request with that error and cancels the upstream call.
        const message = `The server needs the client capability "${need}" (for ${r.method}), which the client did not declare`;
        call.failure = { error: { code: ErrorCode.MissingRequiredClientCapability, message, data: { requiredCapabilities: { [need]: {} } } } };
        call.wake?.();
        queueMicrotask(() => controller.abort());
        return Promise.resolve({ error: { code: ErrorCode.MethodNotFound, message: `Client does not support ${r.method}` } });
      }
      return new Promise<Outcome>((resolve) => {
        const key = `${r.method.replace(/[^a-z]/gi, '_')}_${++this.seq}`;
        call.pending.set(key, { request: r, resolve });
        call.wake?.();
      });
    };
    call.upstreamDone = run(controller.signal, onRequest);
    this.calls.set(token, call);
    return this.wait(token, call, ex);
  }

  /** Resumes a parked call with the client's input responses. */
  resume(ex: Exchange, params: JsonObject): Promise<Outcome> {
    const token = params.requestState as string;
    const call = this.calls.get(token);
    if (call === undefined || call.owner !== ownerOf(ex)) {
      return Promise.resolve({ error: { code: ErrorCode.InvalidParams, message: 'Unknown or expired requestState' } });
    }
    const responses = isObject(params.inputResponses) ? params.inputResponses : {};
    for (const [key, p] of call.pending) {
      const r = responses[key];
      if (r === undefined) continue;
      call.pending.delete(key);
      p.resolve(isObject(r) ? { result: r } : { error: { code: ErrorCode.InvalidParams, message: 'Invalid input response' } });
    }
    return this.wait(token, call, ex);
  }

  private async wait(token: string, call: ParkedCall, ex: Exchange): Promise<Outcome> {
    const needInput = new Promise<'input'>((resolve) => {
      call.wake = () => resolve('input');
      if (call.pending.size > 0 || call.failure) resolve('input');
    });
    const aborted = new Promise<'aborted'>((resolve) => ex.signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
    const first = await Promise.race([call.upstreamDone, needInput, aborted]);
    call.wake = undefined;
    if (first === 'aborted') return { error: toWireError(new PortcullisError('PORTCULLIS_ERR_CANCELLED', 'Request cancelled')) };
    if (first === 'input') {
      // A server often asks several things at once (and stdio delivers them one by one): let the
      // burst settle so the client gets them in one round.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      this.calls.delete(token);
      if (call.failure) return call.failure;
      const inputRequests: JsonObject = {};
      for (const [key, p] of call.pending) inputRequests[key] = { method: p.request.method, params: p.request.params ?? {} };
      // Every round gets a fresh requestState, so a replayed older state cannot resume the call.
      const next = `${PARKED_PREFIX}${randomBytes(18).toString('base64url')}`;
      this.calls.set(next, call);
      return { result: { resultType: 'input_required', inputRequests, requestState: next } };
    }
    this.calls.delete(token);
    return first;
  }

  /** Drops expired calls, cancelling their upstream requests. */
  sweep(now = Date.now()): void {
    for (const [token, call] of this.calls) {
      if (call.expires > now) continue;
      this.calls.delete(token);
      call.controller.abort();
      for (const p of call.pending.values()) p.resolve({ error: { code: ErrorCode.RequestTimeout, message: 'Client did not provide input in time' } });
    }
  }

  /** Cancels everything (shutdown). */
  clear(): void {
    for (const call of this.calls.values()) call.controller.abort();
    this.calls.clear();
  }
}
