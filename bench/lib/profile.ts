/** Summarises V8 `.cpuprofile` files (from `node --cpu-prof`): top functions by self time. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Top `top` functions by self time over every profile in `dir`, as a text table. */
export function summariseProfiles(dir: string, top = 20): string {
  if (!existsSync(dir)) return `no profiles in ${dir}`;
  const self = new Map<string, number>();
  let total = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id);
      if (n === undefined) return;
      const dt = p.timeDeltas[i] ?? 0;
      const url = n.callFrame.url.replace(/^.*\/(node_modules|dist|src)\//, '$1/');
      const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return ['self ms   share  function', ...rows.map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)}  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)].join('\n');
}
