import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfigText } from './load.js';

const parse = (text: string, env: NodeJS.ProcessEnv = {}) => parseConfigText(text, 'portcullis.yaml', env);

describe('defaults', () => {
  it('an empty file is a valid config with every default', () => {
    const cfg = parse('');
    expect(cfg).toEqual({
      listen: {
        host: '127.0.0.1',
        port: 8080,
        allowedOrigins: [
          'http://localhost:*',
          'https://localhost:*',
          'http://127.0.0.1:*',
          'https://127.0.0.1:*',
          'http://[::1]:*',
          'https://[::1]:*',
        ],
        allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      },
      limits: {
        maxBodyBytes: 4 * 1024 * 1024,
        maxUpstreamMessageBytes: 16 * 1024 * 1024,
        maxResultBytes: 8 * 1024 * 1024,
        requestTimeoutMs: 60_000,
        sessionIdleMs: 1_800_000,
        maxSessions: 10_000,
      },
      logging: { level: 'info' },
      namespaceSeparator: '__',
      filters: ['access-log', 'deadline', 'size-limit', 'profile-tools'],
      servers: {},
      security: {
        screening: true,
        classifier: true,
        pinning: true,
        actions: { critical: 'block', high: 'block', medium: 'quarantine', low: 'warn', info: 'allow' },
        mode: 'tofu',
        newItems: 'auto-if-clean',
        refreshIntervalMs: 300_000,
        pinTls: false,
      },
      state: { dir: join(homedir(), '.local', 'state', 'portcullis'), pins: 'sqlite' },
      profiles: { default: { name: 'default', servers: [], tools: { allow: [], deny: [] }, rename: {}, descriptions: {} } },
      source: 'portcullis.yaml',
    });
  });

  it('security: per-server overrides fill from the global section; profiles may tighten; state dir lookup', () => {
    const cfg = parse(
      [
        'security: { actions: { low: quarantine }, mode: preapproved }',
        'servers:',
        '  a: { command: x, security: { actions: { medium: block }, pinTls: true } }',
        '  b: { command: y }',
        '  c: { url: "https://mcp.example/mcp", security: { pinTls: key } }',
        'profiles:',
        '  prod: { security: { actions: { medium: block } } }',
        'state: { dir: data, pins: memory }',
      ].join('\n'),
      { XDG_STATE_HOME: '/xdg' },
    );
    expect(cfg.servers.a?.security).toEqual({ actions: { critical: 'block', high: 'block', medium: 'block', low: 'quarantine', info: 'allow' }, mode: 'preapproved', newItems: 'auto-if-clean', pinTls: 'certificate' });
    expect(cfg.servers.b?.security.actions.medium).toBe('quarantine');
    expect(cfg.servers.b?.security.pinTls).toBe(false);
    expect(cfg.servers.c?.security.pinTls).toBe('key');
    expect(cfg.profiles.prod?.actions).toEqual({ medium: 'block' });
    expect(cfg.state).toEqual({ dir: resolve('data'), pins: 'memory' });
    expect(parse('', { PORTCULLIS_STATE_DIR: '/srv/pc', XDG_STATE_HOME: '/xdg' }).state.dir).toBe('/srv/pc');
    expect(parse('', { XDG_STATE_HOME: '/xdg' }).state.dir).toBe('/xdg/portcullis');
    expect(() => parse('security: { actions: { high: explode } }')).toThrow(/security\.actions\.high/);
    expect(() => parse('security: { pinTls: spki }')).toThrow(/security\.pinTls: expected false, true .*"key"/);
  });

  it('empty sections mean defaults', () => {
    const cfg = parse('listen:\nlimits:\nlogging:\nservers:\nprofiles:\n');
    expect(cfg.listen.port).toBe(8080);
    expect(cfg.limits.maxSessions).toBe(10_000);
    expect(cfg.servers).toEqual({});
    expect(Object.keys(cfg.profiles)).toEqual(['default']);
  });

  it('allows any host when listening on a non-loopback address', () => {
    expect(parse('listen: { host: 0.0.0.0 }').listen.allowedHosts).toEqual([]);
    expect(parse('listen: { host: "::1" }').listen.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(parse('listen: { host: localhost }').listen.allowedHosts).toHaveLength(3);
    expect(parse('listen: { host: 127.0.0.2 }').listen.allowedHosts).toHaveLength(3);
  });

  it('keeps explicit listen lists, including empty ones', () => {
    const cfg = parse('listen: { host: 0.0.0.0, allowedOrigins: ["https://app.example.com"], allowedHosts: ["gw.internal:*"] }');
    expect(cfg.listen.allowedOrigins).toEqual(['https://app.example.com']);
    expect(cfg.listen.allowedHosts).toEqual(['gw.internal:*']);
    expect(parse('listen: { allowedHosts: [] }').listen.allowedHosts).toEqual([]);
  });

  it('fills stdio server defaults', () => {
    const cfg = parse('servers:\n  fs:\n    command: npx\n');
    expect(cfg.servers.fs).toEqual({
      name: 'fs',
      transport: 'stdio',
      command: 'npx',
      args: [],
      env: {},
      headers: {},
      era: 'auto',
      prefix: 'fs',
      timeoutMs: 60_000,
      maxInFlight: 64,
      restart: { initialDelayMs: 500, maxDelayMs: 30_000 },
      disabled: false,
      security: { actions: { critical: 'block', high: 'block', medium: 'quarantine', low: 'warn', info: 'allow' }, mode: 'tofu', newItems: 'auto-if-clean', pinTls: false },
    });
  });

  it('server timeout defaults to limits.requestTimeoutMs', () => {
    const cfg = parse('limits: { requestTimeoutMs: 5000 }\nservers: { a: { command: x }, b: { command: y, timeoutMs: 10 } }');
    expect(cfg.servers.a?.timeoutMs).toBe(5000);
    expect(cfg.servers.b?.timeoutMs).toBe(10);
  });

  it('reads every Portcullis extra', () => {
    const cfg = parse(`servers:
  a:
    command: x
    era: modern
    prefix: ""
    timeoutMs: 1000
    maxInFlight: 2
    restart: { initialDelayMs: 10, maxDelayMs: 20 }
    disabled: true
namespaceSeparator: "."
logging: { level: debug }
`);
    expect(cfg.servers.a).toMatchObject({ era: 'modern', prefix: '', timeoutMs: 1000, maxInFlight: 2, restart: { initialDelayMs: 10, maxDelayMs: 20 }, disabled: true });
    expect(cfg.namespaceSeparator).toBe('.');
    expect(cfg.logging.level).toBe('debug');
  });

  it('infers the transport of remote servers', () => {
    const cfg = parse(`servers:
  a: { url: "https://x.example/mcp" }
  b: { url: "https://x.example/sse" }
  c: { url: "https://x.example/v1/sse/" }
  d: { url: "https://x.example/sse", type: http }
  e: { url: "https://x.example/mcp", type: sse }
  f: { url: "https://x.example/mcp", type: streamable-http }
  g: { command: x, type: stdio }
`);
    const t = Object.fromEntries(Object.values(cfg.servers).map((s) => [s.name, s.transport]));
    expect(t).toEqual({ a: 'streamable-http', b: 'sse', c: 'sse', d: 'streamable-http', e: 'sse', f: 'streamable-http', g: 'stdio' });
  });

  it('writes YAML numbers and booleans in args, env and headers as strings', () => {
    const cfg = parse('servers:\n  a: { command: x, args: [--port, 8080, true], env: { N: 1 } }\n  b: { url: "http://h/mcp", headers: { X-N: 2 } }');
    expect(cfg.servers.a?.args).toEqual(['--port', '8080', 'true']);
    expect(cfg.servers.a?.env).toEqual({ N: '1' });
    expect(cfg.servers.b?.headers).toEqual({ 'X-N': '2' });
  });

  it('adds a default profile with all servers, and profile defaults', () => {
    const cfg = parse('servers: { a: { command: x }, b: { command: y } }\nprofiles:\n  dev:\n    servers: [b, b]\n  all:\n');
    expect(cfg.profiles.default?.servers).toEqual(['a', 'b']);
    expect(cfg.profiles.dev).toEqual({ name: 'dev', servers: ['b'], tools: { allow: [], deny: [] }, rename: {}, descriptions: {} });
    expect(cfg.profiles.all?.servers).toEqual(['a', 'b']);
  });

  it('keeps a user-defined default profile', () => {
    const cfg = parse('servers: { a: { command: x }, b: { command: y } }\nprofiles:\n  default: { servers: [a], tools: { deny: ["a__rm*"] } }');
    expect(cfg.profiles.default).toEqual({ name: 'default', servers: ['a'], tools: { allow: [], deny: ['a__rm*'] }, rename: {}, descriptions: {} });
  });

  it('reads profile tools, rename and descriptions', () => {
    const cfg = parse(`servers: { gh: { url: "https://api.example/mcp" } }
profiles:
  review:
    tools: { allow: ["gh__*"], deny: ["gh__delete_*"] }
    rename: { gh__search_code: search }
    descriptions: { gh__search_code: "Search code." }
`);
    expect(cfg.profiles.review).toEqual({
      name: 'review',
      servers: ['gh'],
      tools: { allow: ['gh__*'], deny: ['gh__delete_*'] },
      rename: { gh__search_code: 'search' },
      descriptions: { gh__search_code: 'Search code.' },
    });
  });

  it('accepts a pasted Claude Desktop config (JSON) under mcpServers', () => {
    const claudeDesktop = JSON.stringify(
      {
        mcpServers: {
          filesystem: {
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop', '/Users/me/Downloads'],
          },
          github: {
            command: 'docker',
            args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server'],
            env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}' },
          },
          linear: { type: 'http', url: 'https://mcp.linear.app/mcp', headers: { Authorization: 'Bearer ${env:LINEAR_KEY}' } },
          legacy: { url: 'https://mcp.example.com/sse' },
        },
      },
      null,
      2,
    );
    const cfg = parse(claudeDesktop, { GITHUB_TOKEN: 'ghp_x', LINEAR_KEY: 'lin_y' });
    expect(Object.keys(cfg.servers)).toEqual(['filesystem', 'github', 'linear', 'legacy']);
    expect(cfg.servers.filesystem).toMatchObject({ transport: 'stdio', command: 'npx', prefix: 'filesystem' });
    expect(cfg.servers.github?.env).toEqual({ GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_x' });
    expect(cfg.servers.linear).toMatchObject({ transport: 'streamable-http', headers: { Authorization: 'Bearer lin_y' } });
    expect(cfg.servers.legacy?.transport).toBe('sse');
    expect(cfg.profiles.default?.servers).toHaveLength(4);
  });

  it('accepts numeric and boolean strings from env references', () => {
    const cfg = parse('listen: { port: "${env:PORT}" }\nservers: { a: { command: x, disabled: "${env:OFF:-false}" } }', { PORT: '9000' });
    expect(cfg.listen.port).toBe(9000);
    expect(cfg.servers.a?.disabled).toBe(false);
  });
});

describe('filters', () => {
  it('can turn the pipeline filters off or pick some, and rejects unknown names', () => {
    expect(parseConfigText('filters: []\n', 'p.yaml').filters).toEqual([]);
    expect(parseConfigText('filters: [deadline]\n', 'p.yaml').filters).toEqual(['deadline']);
    expect(() => parseConfigText('filters: [firewall]\n', 'p.yaml')).toThrow(/p\.yaml:1:/);
  });
});
