/**
 * The owner key of per-client state that outlives one request (tasks, parked calls): the
 * authenticated principal and the profile it came through.
 */
import type { Exchange } from '../pipeline/exchange.js';

/** Owner key of an exchange's client. */
export function ownerOf(ex: Exchange): string {
  return `${ex.client.principal.id}\u0000${ex.client.profile}`;
}
