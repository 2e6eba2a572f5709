/**
 * Captures what the official MCP reference servers show a model — tools, prompts, resources,
 * resource templates and server instructions — live over stdio, into
 * `test/security/official/<package>@<version>.json`.
 *
 * Run: `node --import tsx test/security/official/capture.ts [--scratch DIR] [--only NAME]`
 *
 * The maintained servers come from this repository's node_modules. The archived npm reference
 * servers are read from a scratch install (default `/tmp/official`); `--print-install` prints the
 * exact command (`npm install --prefix /tmp/official --ignore-scripts <pkg>@<version> …`).
 * They get dummy credentials; nothing is fetched from a real service (the list methods of these
 * servers are static; where a list needs the service, the error is recorded in `errors`).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RpcError, startStdioRpc, type StdioRpc } from './stdio-rpc.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..', '..');

/** How to start one reference server. */
interface ServerSpec {
  pkg: string;
  from: 'repo' | 'scratch';
  /** Exact version to install in the scratch dir (repo packages: whatever package.json pins). */
  version?: string;
  args?: (tmp: string, ctx: CaptureContext) => string[];
  env?: (tmp: string) => Record<string, string>;
  /** Why the dummy setup is needed, kept in the snapshot. */
  setupNote?: string;
}

interface CaptureContext {
  redisPort: number;
}

const SERVERS: ServerSpec[] = [
  { pkg: '@modelcontextprotocol/server-everything', from: 'repo', args: () => ['stdio'] },
  { pkg: '@modelcontextprotocol/server-filesystem', from: 'repo', args: (tmp) => [tmp], setupNote: 'one allowed directory (an empty temp dir)' },
  { pkg: '@modelcontextprotocol/server-memory', from: 'repo', env: (tmp) => ({ MEMORY_FILE_PATH: join(tmp, 'memory.jsonl') }) },
  { pkg: '@modelcontextprotocol/server-sequential-thinking', from: 'repo' },
  { pkg: '@modelcontextprotocol/server-github', from: 'scratch', version: '2025.4.8', env: () => ({ GITHUB_PERSONAL_ACCESS_TOKEN: 'dummy' }), setupNote: 'dummy token' },
  { pkg: '@modelcontextprotocol/server-slack', from: 'scratch', version: '2025.4.25', env: () => ({ SLACK_BOT_TOKEN: 'xoxb-dummy', SLACK_TEAM_ID: 'T00000000' }), setupNote: 'dummy token and team id' },
  {
    pkg: '@modelcontextprotocol/server-gdrive',
    from: 'scratch',
    version: '2025.1.14',
    env: (tmp) => {
      const creds = join(tmp, 'gdrive-credentials.json');
      writeFileSync(creds, JSON.stringify({ access_token: 'dummy', token_type: 'Bearer' }));
      return { GDRIVE_CREDENTIALS_PATH: creds };
    },
    setupNote: 'fake OAuth credentials file; resources/list needs Google Drive and fails offline',
  },
  {
    pkg: '@modelcontextprotocol/server-postgres',
    from: 'scratch',
    version: '0.6.2',
    args: () => ['postgresql://capture:capture@127.0.0.1:9/capture'],
    setupNote: 'unreachable database URL; resources/list needs the database and fails',
  },
  {
    pkg: '@modelcontextprotocol/server-redis',
    from: 'scratch',
    version: '2025.4.25',
    args: (_tmp, ctx) => [`redis://127.0.0.1:${ctx.redisPort}`],
    setupNote: 'the server refuses to start without Redis; a stub that answers +OK to every command stands in',
  },
  { pkg: '@modelcontextprotocol/server-google-maps', from: 'scratch', version: '0.6.2', env: () => ({ GOOGLE_MAPS_API_KEY: 'dummy' }), setupNote: 'dummy API key' },
  { pkg: '@modelcontextprotocol/server-everart', from: 'scratch', version: '0.6.2', env: () => ({ EVERART_API_KEY: 'dummy' }), setupNote: 'dummy API key' },
  {
    pkg: '@modelcontextprotocol/server-aws-kb-retrieval',
    from: 'scratch',
    version: '0.6.2',
    env: () => ({ AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'dummy', AWS_SECRET_ACCESS_KEY: 'dummy' }),
    setupNote: 'dummy AWS credentials',
  },
  { pkg: '@modelcontextprotocol/server-gitlab', from: 'scratch', version: '2025.4.25', env: () => ({ GITLAB_PERSONAL_ACCESS_TOKEN: 'dummy' }), setupNote: 'dummy token' },
  { pkg: '@modelcontextprotocol/server-brave-search', from: 'scratch', version: '0.6.2', env: () => ({ BRAVE_API_KEY: 'dummy' }), setupNote: 'dummy API key' },
  { pkg: '@modelcontextprotocol/server-puppeteer', from: 'scratch', version: '2025.5.12' },
];

/** A Redis stand-in: answers `+OK` to every command (enough for the client to connect). */
async function startRedisStub(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on('data', (chunk) => {
      const commands = chunk.toString('latin1').split('\r\n').filter((l) => l.startsWith('*')).length;
      socket.write('+OK\r\n'.repeat(Math.max(1, commands)));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : 0 };
}

/** Reads `{ version, bin }` of an installed package. */
function manifestOf(pkgDir: string): { version: string; bin: string } {
  const json = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; bin?: string | Record<string, string> };
  const bin = typeof json.bin === 'string' ? json.bin : Object.values(json.bin ?? {})[0];
  if (!bin) throw new Error(`${pkgDir} has no bin`);
  return { version: json.version, bin: join(pkgDir, bin) };
}

/** Calls a paginated list method and concatenates its pages (at most 50 pages). */
async function listAll(rpc: StdioRpc, method: string, key: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await rpc.request(method, cursor ? { cursor } : {});
    const got = result[key];
    if (Array.isArray(got)) items.push(...(got as unknown[]));
    cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
    if (!cursor) break;
  }
  return items;
}

/** Starts one server, lists everything it shows a model, and returns the snapshot object. */
async function captureOne(spec: ServerSpec, pkgDir: string, ctx: CaptureContext): Promise<Record<string, unknown>> {
  const { version, bin } = manifestOf(pkgDir);
  const tmp = mkdtempSync(join(tmpdir(), 'portcullis-capture-'));
  const env = { PATH: process.env.PATH ?? '', HOME: tmp, NODE_ENV: 'production', ...(spec.env?.(tmp) ?? {}) };
  const rpc = startStdioRpc(process.execPath, [bin, ...(spec.args?.(tmp, ctx) ?? [])], env, tmp);
  const errors: Record<string, string> = {};
  try {
    const init = await rpc.request('initialize', {
      protocolVersion: '2025-11-25',
      capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
      clientInfo: { name: 'portcullis-capture', version: '1' },
    });
    rpc.notify('notifications/initialized');
    const caps = (init.capabilities ?? {}) as Record<string, unknown>;
    const lists: Record<string, unknown[] | null> = { tools: null, prompts: null, resources: null, resourceTemplates: null };
    const plan: [string, string, string, string][] = [
      ['tools', 'tools/list', 'tools', 'tools'],
      ['prompts', 'prompts/list', 'prompts', 'prompts'],
      ['resources', 'resources/list', 'resources', 'resources'],
      ['resourceTemplates', 'resources/templates/list', 'resourceTemplates', 'resources'],
    ];
    for (const [field, method, key, cap] of plan) {
      if (!(cap in caps)) continue;
      try {
        lists[field] = await listAll(rpc, method, key);
      } catch (e) {
        // "Method not found" under a declared capability just means the list is empty.
        if (e instanceof RpcError && e.code === -32601) lists[field] = [];
        else errors[method] = (e as Error).message.split('\n')[0]!.slice(0, 300);
      }
    }
    return {
      package: spec.pkg,
      version,
      capturedWith: 'tools/list',
      protocolVersion: init.protocolVersion ?? null,
      serverInfo: init.serverInfo ?? null,
      setup: spec.setupNote ?? 'none needed',
      tools: lists.tools ?? [],
      prompts: lists.prompts ?? [],
      resources: lists.resources ?? [],
      resourceTemplates: lists.resourceTemplates ?? [],
      instructions: typeof init.instructions === 'string' ? init.instructions : null,
      ...(Object.keys(errors).length > 0 ? { errors } : {}),
    };
  } finally {
    await rpc.close();
  }
}

/** Entry point: captures every server (or `--only NAME`) and writes the snapshots. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scratch = resolve(flag('--scratch') ?? '/tmp/official');
  if (argv.includes('--print-install')) {
    const pkgs = SERVERS.filter((s) => s.from === 'scratch').map((s) => `${s.pkg}@${s.version ?? 'latest'}`);
    console.log(`npm install --prefix ${scratch} --ignore-scripts ${pkgs.join(' ')}`);
    return;
  }
  const only = flag('--only');
  const redis = await startRedisStub();
  let failed = 0;
  try {
    for (const spec of SERVERS) {
      if (only && !spec.pkg.endsWith(only)) continue;
      const base = spec.from === 'repo' ? ROOT : scratch;
      const pkgDir = join(base, 'node_modules', ...spec.pkg.split('/'));
      if (!existsSync(pkgDir)) {
        console.error(`skip ${spec.pkg}: not installed under ${base} (npm install --prefix ${base} --ignore-scripts ${spec.pkg}@${spec.version ?? 'latest'})`);
        failed++;
        continue;
      }
      try {
        const snap = await captureOne(spec, pkgDir, { redisPort: redis.port });
        if (spec.version && snap.version !== spec.version) console.error(`note: ${spec.pkg} is ${String(snap.version)} in ${base}, expected ${spec.version}`);
        const file = join(HERE, `${spec.pkg.split('/').pop()}@${String(snap.version)}.json`);
        writeFileSync(file, `${JSON.stringify(snap, null, 2)}\n`);
        const n = (k: string): number => (snap[k] as unknown[]).length;
        console.log(`${spec.pkg}@${String(snap.version)}: ${n('tools')} tools, ${n('prompts')} prompts, ${n('resources')} resources, ${n('resourceTemplates')} templates${snap.errors ? ` (errors: ${Object.keys(snap.errors).join(', ')})` : ''}`);
      } catch (e) {
        console.error(`FAILED ${spec.pkg}: ${(e as Error).message}`);
        failed++;
      }
    }
  } finally {
    redis.server.close();
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
