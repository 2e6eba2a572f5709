/**
 * Task routing. A task-augmented request returns a task id; later `tasks/*` requests name only the
 * id, so the gateway remembers which upstream created each task and for whom. Task ids are bound to
 * the client's principal and profile: one client can neither poll nor list another client's tasks,
 * even though they share the upstream connection.
 */
import { isObject, type JsonObject, type Outcome } from '../protocol/jsonrpc.js';

interface TaskRoute {
  upstream: string;
  owner: string;
  sessionId: string;
  expires: number;
}

/** Remembers task id → upstream and owner (bounded, expiring). */
export class TaskRoutes {
  private readonly routes = new Map<string, TaskRoute>();
  constructor(
    private readonly max = 10_000,
    private readonly ttlMs = 24 * 60 * 60_000,
  ) {}

  /** Records the task a result created, if it created one. */
  record(outcome: Outcome, upstream: string, owner: string, sessionId: string): void {
    if (!('result' in outcome)) return;
    const task = outcome.result.task;
    if (!isObject(task) || typeof task.taskId !== 'string') return;
    if (this.routes.size >= this.max) this.evict();
    const ttl = typeof task.ttl === 'number' && task.ttl > 0 ? Math.min(task.ttl, this.ttlMs) : this.ttlMs;
    this.routes.set(task.taskId, { upstream, owner, sessionId, expires: Date.now() + ttl });
  }

  /** The upstream that owns a task, when the caller owns it. */
  lookup(taskId: unknown, owner: string): string | undefined {
    if (typeof taskId !== 'string') return undefined;
    const r = this.routes.get(taskId);
    if (!r || r.owner !== owner) return undefined;
    if (r.expires < Date.now()) {
      this.routes.delete(taskId);
      return undefined;
    }
    return r.upstream;
  }

  /** The session that created a task (for status notifications). */
  sessionOf(taskId: unknown): string | undefined {
    return typeof taskId === 'string' ? this.routes.get(taskId)?.sessionId : undefined;
  }

  /** Keeps only the tasks of a list that the caller owns. */
  filterOwned(tasks: unknown, owner: string): JsonObject[] {
    if (!Array.isArray(tasks)) return [];
    return tasks.filter((t): t is JsonObject => isObject(t) && this.lookup(t.taskId, owner) !== undefined);
  }

  private evict(): void {
    const now = Date.now();
    for (const [id, r] of this.routes) if (r.expires < now) this.routes.delete(id);
    if (this.routes.size >= this.max) {
      const oldest = this.routes.keys().next().value;
      if (oldest !== undefined) this.routes.delete(oldest);
    }
  }
}
