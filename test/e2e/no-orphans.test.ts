/**
 * No process outlives the gateway: stdio upstreams launched directly, through `sh -c 'exec …'` and
 * through `sh -c '…; …'` (so the server is a grandchild of the gateway) are all gone after a
 * SIGTERM of `portcullis start`, after stdin EOF of `portcullis stdio`, and — because each server
 * sees EOF on its stdin when the gateway dies — after a SIGKILL of the gateway too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, eventually, startGateway, writeConfig } from '../helpers/gateway.js';
import { EVERYTHING, FILESYSTEM, TSX_IMPORT, childrenOf, cmdline, descendantsOf, gone, killAll, nodeServer, q, startStdioGateway } from '../helpers/e2e.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e-slow.ts');
const node = process.execPath;

/** Every pid a test saw, killed after it whatever happened. */
let seen: number[] = [];
afterEach(() => {
  killAll(seen);
  seen = [];
});

function config(): string {
  const files = mkdtempSync(join(tmpdir(), 'portcullis-e2e-orphans-'));
  writeFileSync(join(files, 'a.txt'), 'a\n');
  // `exec`: the shell becomes the server. Without it (a second command follows), the shell stays
  // as the gateway's child and the server is its child: a grandchild of the gateway.
  const execWrapped = `exec ${q(node)} ${q(EVERYTHING)} stdio`;
  const plainWrapped = `${q(node)} ${q(FILESYSTEM)} ${q(files)}; echo "filesystem exited: $?" >&2`;
  return writeConfig(
    'servers:\n' +
      `  viaexec:\n    command: sh\n    args: ["-c", ${q(execWrapped)}]\n` +
      `  viashell:\n    command: sh\n    args: ["-c", ${q(plainWrapped)}]\n` +
      nodeServer('direct', [...TSX_IMPORT, FIXTURE], `    cwd: ${q(ROOT)}\n`),
  );
}

/** The process tree under `root` once every server runs: direct children + the shell's grandchild. */
async function fullTree(root: number): Promise<number[]> {
  return eventually((): number[] | false => {
    const tree = descendantsOf(root);
    seen.push(...tree.filter((p) => !seen.includes(p)));
    const shell = childrenOf(root).find((p) => cmdline(p).startsWith('sh -c') && childrenOf(p).some((c) => cmdline(c).includes(FILESYSTEM)));
    const servers = [EVERYTHING, FILESYSTEM, FIXTURE].every((s) => tree.some((p) => cmdline(p).includes(s)));
    return shell !== undefined && servers ? tree : false;
  }, 30_000) as Promise<number[]>;
}

const describeTree = (pids: number[]): string => pids.map((p) => `${p} ${gone(p) ? '(gone)' : '(ALIVE)'} ${cmdline(p)}`).join('\n');

describe('no orphaned upstream processes', () => {
  it('portcullis start: SIGTERM stops the whole tree, grandchildren included', async () => {
    const gw = await startGateway(config());
    seen.push(gw.child.pid!);
    const tree = await fullTree(gw.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(4);
    const code = await gw.stop('SIGTERM');
    expect(code).toBe(0);
    await eventually(() => tree.every(gone), 15_000).catch(() => {
      throw new Error(`processes left after SIGTERM:\n${describeTree(tree)}`);
    });
  });

  it('portcullis stdio: stdin EOF stops the whole tree', async () => {
    const gw = startStdioGateway(config());
    seen.push(gw.child.pid!);
    const tree = await fullTree(gw.child.pid!);
    await gw.stop();
    expect(gw.child.exitCode).toBe(0);
    await eventually(() => tree.every(gone), 15_000).catch(() => {
      throw new Error(`processes left after stdin EOF:\n${describeTree(tree)}\nlog:\n${gw.log()}`);
    });
  });

  it('portcullis start: after SIGKILL of the gateway alone, every server sees stdin EOF and exits', async () => {
    const gw = await startGateway(config());
    seen.push(gw.child.pid!);
    const tree = await fullTree(gw.child.pid!);
    // Kill only the gateway (not its process group): it cannot clean up, its pipes close.
    process.kill(gw.child.pid!, 'SIGKILL');
    await eventually(() => gone(gw.child.pid!), 10_000);
    await eventually(() => tree.every(gone), 20_000).catch(() => {
      throw new Error(`processes left after SIGKILL of the gateway:\n${describeTree(tree)}`);
    });
  });
});
