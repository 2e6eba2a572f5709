/**
 * CI regression guard: fails only on a gross regression, never on a slow machine. It measures, in the
 * same run and interleaved, the CPU per `tools/call` of Portcullis and of the bare hop
 * (`bare-hop.ts`, the least a Node HTTP relay can do) in front of the same echo upstream, and fails
 * when Portcullis costs more than `--max-ratio` bare hops (CPU time, not wall time: a busy machine
 * slows both alike) or when any call fails. Runs in about 20 s.
 *
 *   node --import tsx bench/guard.ts [--max-ratio 8]
 */
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { ask, killAll, PROBE, ROOT, startDriver, startListening, stopAll, type Started } from './lib/procs.js';
import { median } from './lib/stats.js';
import type { CellRequest, CellResult } from './lib/types.js';

const { values } = parseArgs({ options: { 'max-ratio': { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const maxRatio = Number(values['max-ratio']);

async function main(): Promise<number> {
  const echo = await startListening('echo', ['--import', 'tsx', join(ROOT, 'bench', 'upstream-echo.ts'), '--transport', 'http']);
  const hop = await startListening('hop', ['--import', 'tsx', join(ROOT, 'bench', 'bare-hop.ts'), '--upstream', echo.url]);
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-guard-'));
  const config = join(dir, 'portcullis.yaml');
  writeFileSync(config, `logging: { level: info }\nservers:\n  echo: { url: "${echo.url}/mcp", prefix: "", maxInFlight: 1024 }\n`);
  const gw = await startListening('portcullis', ['--import', PROBE, join(ROOT, 'dist', 'cli', 'main.js'), 'start', '--config', config, '--port', '0'], { PORTCULLIS_STATE_DIR: dir });
  const driver = await startDriver();
  const ratios: number[] = [];
  let errors = 0;
  const measure = async (arm: Started): Promise<number> => {
    const cell: CellRequest = { url: `${arm.url}/mcp`, era: 'modern', method: 'tools/call', params: { name: 'echo', arguments: { text: 'hello' } }, mode: 'closed', concurrency: 16, warmupMs: 500, durationMs: 2000, pids: [arm.pid] };
    const reply = await ask<{ result?: CellResult; error?: string }>(driver, { cell });
    if (reply.result === undefined) throw new Error(`${arm.name}: ${reply.error}`);
    const r = reply.result;
    errors += r.errors;
    if (r.completed === 0) throw new Error(`${arm.name}: no call completed`);
    return r.cpuMicros[0]! / r.completed;
  };
  try {
    for (let i = 0; i < Number(values.rounds); i++) {
      const [a, b] = i % 2 === 0 ? [hop, gw] : [gw, hop];
      const first = await measure(a);
      const second = await measure(b);
      const [h, g] = a === hop ? [first, second] : [second, first];
      ratios.push(g / h);
      process.stdout.write(`round ${i + 1}: portcullis ${g.toFixed(0)} µs/call, bare hop ${h.toFixed(0)} µs/call, ratio ${(g / h).toFixed(2)}\n`);
    }
  } finally {
    await ask(driver, { exit: true }).catch(() => undefined);
    await stopAll();
  }
  const ratio = median(ratios);
  const ok = ratio <= maxRatio && errors === 0;
  process.stdout.write(`${ok ? 'ok' : 'FAIL'}: CPU per call ${ratio.toFixed(2)}× the bare hop (limit ${maxRatio}×), ${errors} errors\n`);
  return ok ? 0 : 1;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    killAll();
    process.exitCode = 1;
  },
);
