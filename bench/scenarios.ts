/**
 * The benchmark scenarios, as data. Each workload names the arms it runs on, its request, and its
 * loads; the harness (`run.ts`) runs every (workload, load) group with its arms interleaved, round
 * after round, so drift on a noisy machine hits every arm alike.
 */

/** A process a request can be sent to. `direct` is the upstream itself. */
export type ArmId = 'direct' | 'hop' | 'passthrough' | 'all_policies' | 'sdk_direct' | 'sdk_all_policies' | 'mcp-proxy' | 'supergateway';

/** One load level: closed loop at a concurrency, or open loop at an offered rate. */
export interface Load {
  mode: 'closed' | 'open';
  concurrency: number;
  rate?: number;
}

/** One workload. */
export interface Workload {
  id: string;
  title: string;
  era: 'modern' | 'legacy';
  /** Path on the arm's base URL (`/mcp`, `/mcp/p50`). */
  path: string;
  method: string;
  params?: Record<string, unknown>;
  arms: ArmId[];
  loads: Load[];
  /** Tool name per arm where it differs from `params.name` (Portcullis namespaces, peers do not). */
  toolByArm?: Partial<Record<ArmId, string>>;
  /** Part of `--quick`. */
  quick: boolean;
  /** Loads run in `--quick` (default: all). */
  quickLoads?: Load[];
}

const closed = (concurrency: number): Load => ({ mode: 'closed', concurrency });
const open = (rate: number): Load => ({ mode: 'open', concurrency: 64, rate });
const echo = { name: 'echo', arguments: { text: 'hello' } };
const HTTP_ARMS: ArmId[] = ['direct', 'hop', 'passthrough', 'all_policies'];

/** Every workload of the issue except W7 (session churn) and W8 (soak), which have their own drivers. */
export const WORKLOADS: Workload[] = [
  { id: 'W1', title: 'tools/call echo, 2026-07-28 stateless, HTTP upstream', era: 'modern', path: '/mcp', method: 'tools/call', params: echo, arms: HTTP_ARMS, loads: [closed(1), closed(16), closed(64), open(500), open(2000)], quick: true, quickLoads: [closed(1), closed(16), closed(64), open(1000)] },
  { id: 'W1-sdk', title: 'tools/call echo, 2026-07-28, SDK-based upstream (realism arm)', era: 'modern', path: '/mcp', method: 'tools/call', params: echo, arms: ['sdk_direct', 'sdk_all_policies'], loads: [closed(1), closed(16)], quick: false },
  { id: 'W2', title: 'tools/call echo in a 2025-11-25 session, HTTP upstream', era: 'legacy', path: '/mcp', method: 'tools/call', params: echo, arms: HTTP_ARMS, loads: [closed(1), closed(16), closed(64)], quick: true, quickLoads: [closed(1), closed(16)] },
  { id: 'W3-p1', title: 'tools/list warm, 1 upstream × 23 tools', era: 'modern', path: '/mcp/p1', method: 'tools/list', arms: ['all_policies'], loads: [closed(1), closed(16)], quick: true, quickLoads: [closed(1)] },
  { id: 'W3-p10', title: 'tools/list warm, 10 upstreams × 23 tools', era: 'modern', path: '/mcp/p10', method: 'tools/list', arms: ['all_policies'], loads: [closed(1), closed(16)], quick: true, quickLoads: [closed(1)] },
  { id: 'W3-p50', title: 'tools/list warm, 50 upstreams × 23 tools', era: 'modern', path: '/mcp/p50', method: 'tools/list', arms: ['all_policies'], loads: [closed(1), closed(16)], quick: true, quickLoads: [closed(1)] },
  { id: 'W4-100k', title: 'tools/call with a 100 KB result', era: 'modern', path: '/mcp', method: 'tools/call', params: { name: 'blob', arguments: { bytes: 100_000 } }, arms: ['direct', 'hop', 'passthrough', 'all_policies'], loads: [closed(1), closed(16)], quick: false },
  { id: 'W4-1m', title: 'tools/call with a 1 MB result', era: 'modern', path: '/mcp', method: 'tools/call', params: { name: 'blob', arguments: { bytes: 1_000_000 } }, arms: ['direct', 'hop', 'passthrough', 'all_policies'], loads: [closed(1), closed(16)], quick: false },
  { id: 'W5', title: 'tools/call echo to a stdio upstream, 2026 client', era: 'modern', path: '/mcp', method: 'tools/call', params: { name: 's__echo', arguments: { text: 'hello' } }, arms: ['passthrough', 'all_policies'], loads: [closed(1), closed(16)], quick: true },
  { id: 'W5-peers', title: 'tools/call echo to a stdio upstream in a 2025-11-25 session (peers: stdio → HTTP bridges)', era: 'legacy', path: '/mcp', method: 'tools/call', params: echo, toolByArm: { all_policies: 's__echo' }, arms: ['all_policies', 'mcp-proxy', 'supergateway'], loads: [closed(1), closed(16)], quick: true },
  { id: 'W6', title: 'slow upstream (500 ms) under 200 concurrent clients', era: 'modern', path: '/mcp', method: 'tools/call', params: { name: 'sleep', arguments: { ms: 500 } }, arms: ['direct', 'all_policies'], loads: [closed(200)], quick: false },
];

/** Timing of one run mode. */
export interface RunPlan {
  rounds: number;
  warmupMs: number;
  durationMs: number;
  /** Sessions opened+closed and abandoned in W7. */
  churnSessions: number;
}

/** `--quick` (under two minutes) and the full run. */
export const PLANS: Record<'quick' | 'full', RunPlan> = {
  quick: { rounds: 1, warmupMs: 300, durationMs: 1500, churnSessions: 1000 },
  full: { rounds: 3, warmupMs: 1000, durationMs: 4000, churnSessions: 10_000 },
};
