/**
 * The official MCP Inspector CLI against Portcullis fronting the official `server-everything` and
 * `server-filesystem`, over the HTTP ingress and over the stdio ingress.
 */
import { appendFileSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { EVERYTHING, FILESYSTEM, nodeServer, runInspector, type InspectorRun } from '../helpers/e2e.js';

let files: string;
let config: string;
let gw: GatewayProcess;

beforeAll(async () => {
  files = realpathSync(mkdtempSync(join(tmpdir(), 'portcullis-e2e-files-')));
  writeFileSync(join(files, 'hello.txt'), 'hello from the filesystem server\n');
  writeFileSync(join(files, 'notes.md'), '# notes\n');
  config = writeConfig(`servers:\n${nodeServer('everything', [EVERYTHING, 'stdio'])}${nodeServer('filesystem', [FILESYSTEM, files])}`);
  // The Inspector starts `portcullis stdio` with a filtered environment; keep its pins beside the config.
  appendFileSync(config, `state:\n  dir: ${JSON.stringify(dirname(config))}\n`);
  gw = await startGateway(config);
});

afterAll(async () => {
  await gw?.stop();
});

const toolNames = (run: InspectorRun): string[] => (run.json().tools as { name: string }[]).map((t) => t.name);
const firstText = (run: InspectorRun): string => (run.json().content as { type: string; text: string }[])[0]!.text;
const explain = (run: InspectorRun): string => `exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;

/** The Inspector's arguments that make it launch `portcullis stdio` (after `--`, so `--config` is ours). */
const stdioTarget = (): string[] => ['--', process.execPath, CLI, 'stdio', '--config', config];

describe('MCP Inspector CLI over the HTTP ingress', () => {
  it('lists the namespaced tools of both servers', async () => {
    const run = await runInspector([gw.url, '--transport', 'http', '--method', 'tools/list']);
    expect(run.code, explain(run)).toBe(0);
    const names = toolNames(run);
    expect(names).toContain('everything__echo');
    expect(names).toContain('everything__get-sum');
    expect(names).toContain('filesystem__read_text_file');
    expect(names).toContain('filesystem__list_directory');
    expect(names.every((n) => n.startsWith('everything__') || n.startsWith('filesystem__'))).toBe(true);
  });

  it('calls echo on server-everything', async () => {
    const run = await runInspector([gw.url, '--transport', 'http', '--method', 'tools/call', '--tool-name', 'everything__echo', '--tool-arg', 'message=through portcullis']);
    expect(run.code, explain(run)).toBe(0);
    expect(firstText(run)).toBe('Echo: through portcullis');
  });

  it('reads a file through server-filesystem', async () => {
    const run = await runInspector([gw.url, '--transport', 'http', '--method', 'tools/call', '--tool-name', 'filesystem__read_text_file', '--tool-arg', `path=${join(files, 'hello.txt')}`]);
    expect(run.code, explain(run)).toBe(0);
    expect(firstText(run)).toBe('hello from the filesystem server\n');
  });
});

describe('MCP Inspector CLI over the stdio ingress (portcullis stdio)', () => {
  it('lists the namespaced tools of both servers', async () => {
    const run = await runInspector(['--method', 'tools/list', ...stdioTarget()]);
    expect(run.code, explain(run)).toBe(0);
    const names = toolNames(run);
    expect(names).toContain('everything__echo');
    expect(names).toContain('filesystem__read_text_file');
  });

  it('calls echo and reads a file', async () => {
    const echo = await runInspector(['--method', 'tools/call', '--tool-name', 'everything__echo', '--tool-arg', 'message=over stdio', ...stdioTarget()]);
    expect(echo.code, explain(echo)).toBe(0);
    expect(firstText(echo)).toBe('Echo: over stdio');
    const read = await runInspector(['--method', 'tools/call', '--tool-name', 'filesystem__read_text_file', '--tool-arg', `path=${join(files, 'notes.md')}`, ...stdioTarget()]);
    expect(read.code, explain(read)).toBe(0);
    expect(firstText(read)).toBe('# notes\n');
  });
});
