// Preloaded into a measured process (`node --import ./bench/probe.mjs …`) so the harness can read its
// event-loop delay without changing src/ (sampled every 1 ms; figures include that 1 ms). Answers IPC messages `{ probe: 'reset' }` and
// `{ probe: 'read' }` (the latter with percentiles in milliseconds). Inert without an IPC channel.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  process.on('message', (m) => {
    if (m === null || typeof m !== 'object' || !('probe' in m)) return;
    if (m.probe === 'reset') {
      h.reset();
      process.send({ probe: 'reset' });
    } else if (m.probe === 'read') {
      const ms = (ns) => Math.round(ns / 1e4) / 100;
      if (m.gc === true && typeof globalThis.gc === 'function') globalThis.gc();
      process.send({ probe: 'read', p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), heapUsed: process.memoryUsage().heapUsed });
    }
  });
  // The IPC channel must not keep a process alive that would otherwise exit.
  process.channel?.unref();
}
