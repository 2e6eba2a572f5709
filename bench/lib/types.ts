/** Shapes shared by the harness and the driver process. */

import type { LatencySummary } from './stats.js';

/** What the driver is asked to run for one cell. */
export interface CellRequest {
  url: string;
  era: 'modern' | 'legacy';
  method: string;
  params?: Record<string, unknown>;
  mode: 'closed' | 'open';
  /** Clients in flight (closed loop) or connection pool size (open loop). */
  concurrency: number;
  /** Offered calls per second (open loop). */
  rate?: number;
  warmupMs: number;
  durationMs: number;
  /** Processes whose CPU and RSS are measured over the window. */
  pids: number[];
}

/** What the driver measured for one cell. */
export interface CellResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  rate: number;
  latency: LatencySummary;
  /** CPU time used over the window, per measured pid, in microseconds. */
  cpuMicros: number[];
  rssKb: number[];
}
