import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');

/** Runs the CLI from source, as `portcullis <args>`. */
function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: merged });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'portcullis-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('portcullis validate', () => {
  it('accepts a good file', () => {
    const r = cli('validate', file('good.yaml', 'servers:\n  a: { command: x }\n  b: { url: "https://h/mcp" }\nprofiles:\n  dev: { servers: [a] }\n'));
    expect(r).toEqual({ code: 0, stdout: 'ok: 2 servers, 2 profiles\n', stderr: '' });
  });

  it('accepts the shipped example (given the token it references)', () => {
    const example = join(ROOT, 'examples/portcullis.yaml');
    const without = cliWith({ GITHUB_TOKEN: undefined }, 'validate', example);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('servers.github.headers.Authorization: environment variable GITHUB_TOKEN is not set');
    const r = cliWith({ GITHUB_TOKEN: 'test-token' }, 'validate', example);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ servers, \d+ profiles\n$/);
  });

  it('lists every problem of a bad file and exits 1', () => {
    const bad = file('bad.yaml', 'listen:\n  prot: 80\nservers:\n  a: { command: x }\nprofiles:\n  dev: { servers: [b] }\n');
    const r = cli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `${bad}:2:3 listen.prot: unknown key "prot" (did you mean "port"?); expected one of host, port, allowedOrigins, allowedHosts`,
        `${bad}:6:20 profiles.dev.servers[0]: unknown server "b"; expected one of a`,
        `2 problems in ${bad}`,
        '',
      ].join('\n'),
    );
  });

  it('reports YAML syntax errors and missing files', () => {
    const broken = file('broken.yaml', 'servers:\n  a: [\n');
    const r = cli('validate', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ <yaml>: `));
    const missing = cli('validate', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
  });

  it('prints usage and exits 2 on a usage error', () => {
    const r = cli('validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('portcullis: validate: missing FILE');
    expect(r.stderr).toContain('Usage: portcullis <command>');
    expect(cli('bogus').code).toBe(2);
  });

  it('prints the version and help', () => {
    const v = cli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const h = cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('validate FILE');
  });
});
