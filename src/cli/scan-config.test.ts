import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFormat, parseTimeout, runScanConfig } from './scan-config.js';

const dir = mkdtempSync(join(tmpdir(), 'portcullis-scan-config-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runScanConfig(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('portcullis scan --config (arguments and config errors)', () => {
  it('usage errors exit 2 with the usage line', async () => {
    for (const argv of [[], ['--format', 'xml', '--config', 'x'], ['--config', 'x', '--timeout-ms', '0'], ['--config', 'x', 'extra'], ['--nope']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: portcullis scan --config FILE');
      expect(r.stdout).toBe('');
    }
  });

  it('prints every config problem like `portcullis validate` and exits 2', async () => {
    const bad = file('bad.yaml', 'servers:\n  a: { command: x, colour: red }\n');
    const r = await run('--config', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+ servers\\.a\\.colour: unknown key`));
    expect(r.stderr).toContain(`1 problem in ${bad}`);
    const missing = await run('--config', join(dir, 'absent.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
  });

  it('a config without servers scans nothing: empty JSON report, exit 0', async () => {
    const r = await run('--config', file('empty.yaml', 'servers: {}\n'), '--format', 'json');
    expect(r).toEqual({ code: 0, stdout: '{\n  "servers": []\n}\n', stderr: '' });
  });

  it('parses --format and --timeout-ms strictly', () => {
    expect(parseFormat(undefined)).toBe('text');
    expect(parseFormat('json')).toBe('json');
    expect(() => parseFormat('yaml')).toThrow(/json or text/);
    expect(parseTimeout('2500')).toBe(2500);
    expect(parseTimeout(undefined)).toBeUndefined();
    expect(() => parseTimeout('1.5')).toThrow(/integer/);
  });
});
