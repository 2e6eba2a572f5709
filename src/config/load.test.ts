import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { embeddedDefaultConfig, findConfigFile, loadConfigFile, parseConfigText, resolveStartConfig } from './load.js';

/** The problem lines a config produces. */
function problems(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfigText(text, 'p.yaml', env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('PORTCULLIS_ERR_CONFIG');
    return (err as ConfigError).message.split('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText errors', () => {
  it('reports a YAML syntax error with its position', () => {
    expect(problems('servers:\n  a: [1, 2\nprofiles: {}\n')).toEqual([
      'p.yaml:3:1 <yaml>: Flow sequence in block collection must be sufficiently indented and end with a ]; expected valid YAML',
    ]);
  });

  it('reports duplicate keys', () => {
    expect(problems('listen:\n  port: 1\n  port: 2\n')).toEqual(['p.yaml:3:3 <yaml>: Map keys must be unique; expected each key at most once per map']);
  });

  it('rejects a document that is not a map', () => {
    expect(problems('- a\n- b\n')).toEqual(['p.yaml:1:1 <root>: the document is a list; expected a map of settings']);
  });

  it('suggests the closest key for an unknown key, pointing at the key', () => {
    expect(problems('listen:\n  prot: 80\n')).toEqual([
      'p.yaml:2:3 listen.prot: unknown key "prot" (did you mean "port"?); expected one of host, port, allowedOrigins, allowedHosts',
    ]);
    expect(problems('mcp_servers: {}\n')[0]).toMatch(/^p\.yaml:1:1 mcp_servers: unknown key "mcp_servers" \(did you mean "mcpServers"\?\); expected one of listen, /);
    expect(problems('servers:\n  a:\n    command: x\n    autoApprove: []\n')[0]).toMatch(/^p\.yaml:4:5 servers\.a\.autoApprove: unknown key "autoApprove"; expected one of type, command, /);
  });

  it('suggests keys in nested sections', () => {
    expect(problems('servers:\n  a:\n    command: x\n    restart: { initalDelayMs: 1 }\nprofiles:\n  p:\n    tools: { alow: [] }\n    renames: {}\n')).toEqual([
      'p.yaml:4:16 servers.a.restart.initalDelayMs: unknown key "initalDelayMs" (did you mean "initialDelayMs"?); expected one of initialDelayMs, maxDelayMs',
      'p.yaml:7:14 profiles.p.tools.alow: unknown key "alow" (did you mean "allow"?); expected one of allow, deny',
      'p.yaml:8:5 profiles.p.renames: unknown key "renames" (did you mean "rename"?); expected one of servers, tools, rename, descriptions, security',
    ]);
  });

  it('explains VS Code inputs, which have no gateway equivalent', () => {
    expect(problems('inputs: []\nservers:\n  a: { command: x, env: { T: "${input:token}" } }\n')).toEqual([
      'p.yaml:1:1 inputs: VS Code "inputs" (prompted values) are not supported; expected secrets passed as ${env:NAME} references',
      'p.yaml:3:30 servers.a.env.T: VS Code "${input:…}" prompts are not supported; expected an ${env:NAME} reference or a literal value',
    ]);
  });

  it('reports wrong types and out-of-range numbers at the value', () => {
    expect(problems('listen:\n  port: 70000\nlimits:\n  maxSessions: many\n  sessionIdleMs: 0\n')).toEqual([
      'p.yaml:2:9 listen.port: number too large; expected a number <= 65535',
      'p.yaml:4:16 limits.maxSessions: got a string; expected a number',
      'p.yaml:5:18 limits.sessionIdleMs: number too small; expected a number >= 1',
    ]);
    expect(problems('servers:\n  a: { command: x, maxInFlight: 1.5 }\n')).toEqual([
      'p.yaml:2:33 servers.a.maxInFlight: got a number; expected an integer',
    ]);
    expect(problems('servers:\n  a: { command: x, args: a b }\n')).toEqual(['p.yaml:2:26 servers.a.args: got a string; expected a list']);
    expect(problems('servers: [a]\nprofiles:\n  p: { servers: x }\n')).toEqual([
      'p.yaml:1:10 servers: got a list; expected a map',
      'p.yaml:3:17 profiles.p.servers: got a string; expected a list',
    ]);
    expect(problems('servers:\n  a: { command: x, disabled: maybe }\n')).toEqual(['p.yaml:2:30 servers.a.disabled: got a string; expected true or false']);
  });

  it('reports unsupported enum values, showing only literal values', () => {
    expect(problems('logging:\n  level: loud\n')).toEqual([
      'p.yaml:2:10 logging.level: unsupported value "loud"; expected one of "fatal", "error", "warn", "info", "debug", "trace", "silent"',
    ]);
    expect(problems('servers:\n  a: { command: x, era: "${env:ERA}" }\n', { ERA: 'secret-ish' })).toEqual([
      'p.yaml:2:25 servers.a.era: unsupported value; expected one of "auto", "legacy", "modern"',
    ]);
  });

  it('reports a bad server name at the key', () => {
    expect(problems('servers:\n  "my server":\n    command: x\n')).toEqual([
      'p.yaml:2:3 servers["my server"]: invalid name "my server"; expected 1-32 letters, digits, _ or -',
    ]);
    expect(problems(`servers:\n  ${'a'.repeat(33)}: { command: x }\n`)[0]).toMatch(/^p\.yaml:2:3 servers\.a{33}: invalid name/);
  });

  it('reports server entries without or with both command and url', () => {
    expect(problems('servers:\n  a:\n    args: [x]\n  b:\n    command: x\n    url: http://h/mcp\n')).toEqual([
      'p.yaml:3:5 servers.a: neither command nor url given; expected "command" (a stdio server) or "url" (a remote server)',
      'p.yaml:6:10 servers.b.url: both command and url given; expected only one of them',
    ]);
  });

  it('reports keys that do not fit the transport', () => {
    expect(problems('servers:\n  a:\n    command: x\n    type: sse\n    headers: { A: b }\n  r:\n    url: ftp://h/x\n    env: { A: b }\n')).toEqual([
      'p.yaml:4:11 servers.a.type: type "sse" with a command; expected "stdio" or no type',
      'p.yaml:5:14 servers.a.headers: headers on a stdio server; expected headers only with "url"',
      'p.yaml:7:10 servers.r.url: not an absolute http(s) URL; expected e.g. "https://mcp.example.com/mcp"',
      'p.yaml:8:10 servers.r.env: "env" on a remote server; expected "env" only with "command"',
    ]);
  });

  it('rejects both servers and mcpServers', () => {
    expect(problems('servers: {}\nmcpServers: {}\n')).toEqual([
      'p.yaml:2:1 mcpServers: both "servers" and "mcpServers" given; expected only one of them (they are the same map under two names)',
    ]);
  });

  it('reports a profile naming a missing server, with a hint', () => {
    expect(problems('servers:\n  github: { command: x }\n  fs: { command: y }\nprofiles:\n  dev:\n    servers: [fs, gihtub]\n')).toEqual([
      'p.yaml:6:19 profiles.dev.servers[1]: unknown server "gihtub" (did you mean "github"?); expected one of github, fs',
    ]);
    expect(problems('profiles:\n  dev:\n    servers:\n      - nope\n')).toEqual([
      'p.yaml:4:9 profiles.dev.servers[0]: unknown server "nope"; expected a server defined under "servers"',
    ]);
  });

  it('reports duplicate prefixes', () => {
    expect(problems('servers:\n  a: { command: x }\n  b: { command: y, prefix: a }\n  c: { command: z, prefix: "" }\n  d: { command: z, prefix: "" }\n')).toEqual([
      'p.yaml:3:28 servers.b.prefix: prefix "a" is already used by server "a"; expected a distinct prefix per server (or "" for no namespacing)',
    ]);
  });

  it('reports invalid separators, prefixes, renames and listen patterns', () => {
    expect(problems('namespaceSeparator: "/"\nservers:\n  a: { command: x, prefix: "a b" }\nprofiles:\n  p: { rename: { a__x: "x y" } }\nlisten: { allowedOrigins: ["localhost"] }\n')).toEqual([
      'p.yaml:1:21 namespaceSeparator: invalid separator; expected 1-8 letters, digits, _, . or -',
      'p.yaml:3:28 servers.a.prefix: invalid prefix; expected "" or up to 64 letters, digits, _, . or -',
      'p.yaml:5:24 profiles.p.rename.a__x: invalid tool name; expected 1-128 letters, digits, _, . or -',
      'p.yaml:6:28 listen.allowedOrigins[0]: invalid origin pattern; expected "*" or scheme://host[:port|:*], e.g. "https://app.example.com:*"',
    ]);
  });

  it('reports missing environment variables by path without cascading errors', () => {
    expect(problems('servers:\n  gh:\n    url: "${env:GH_URL}"\n    headers:\n      Authorization: "Bearer ${env:GH_TOKEN}"\n')).toEqual([
      'p.yaml:3:10 servers.gh.url: environment variable GH_URL is not set; expected GH_URL to be set, or a default as ${env:GH_URL:-default}',
      'p.yaml:5:22 servers.gh.headers.Authorization: environment variable GH_TOKEN is not set; expected GH_TOKEN to be set, or a default as ${env:GH_TOKEN:-default}',
    ]);
  });

  it('never shows a resolved secret in a problem', () => {
    const env = { U: 'not a url SECRET', T: 'SECRET', P: 'SECRET99999' };
    const url = problems('servers:\n  gh:\n    url: "${env:U}"\n', env).join('\n');
    expect(url).toContain('servers.gh.url: not an absolute http(s) URL');
    const other = problems('listen: { port: "${env:P}" }\nservers:\n  gh:\n    url: http://h/mcp\n    type: "${env:T}"\n', env).join('\n');
    expect(other).toContain('servers.gh.type: unsupported value;');
    expect(`${url}\n${other}`).not.toContain('SECRET');
  });

  it('lists every problem, in file order', () => {
    const lines = problems('listen:\n  port: -1\nservers:\n  a: { comand: x }\nprofiles:\n  p: { servers: [zz] }\nlogging: { level: 3 }\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['p.yaml:2:9', 'p.yaml:4:6', 'p.yaml:4:8', 'p.yaml:6:18', 'p.yaml:7:19']);
  });
});

describe('loading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-load-'));

  it('loads a file and names it in problems', async () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'servers:\n  a: { command: x }\n');
    expect((await loadConfigFile(good)).source).toBe(good);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'listen:\n  port: x\n');
    await expect(loadConfigFile(bad)).rejects.toThrow(`${bad}:2:9 listen.port: got a string; expected a number`);
  });

  it('reports an unreadable file', async () => {
    const missing = join(dir, 'missing.yaml');
    await expect(loadConfigFile(missing)).rejects.toThrow(`${missing} <file>: cannot read the file (ENOENT); expected a readable YAML file`);
  });

  it('looks up --config, then $PORTCULLIS_CONFIG, then ./portcullis.yaml, then nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'portcullis-cwd-'));
    expect(findConfigFile('x.yaml', { PORTCULLIS_CONFIG: 'y.yaml' }, dir)).toBe(join(dir, 'x.yaml'));
    expect(findConfigFile(undefined, { PORTCULLIS_CONFIG: 'y.yaml' }, dir)).toBe(join(dir, 'y.yaml'));
    writeFileSync(join(dir, 'portcullis.yaml'), '');
    expect(findConfigFile(undefined, {}, dir)).toBe(join(dir, 'portcullis.yaml'));
    expect(findConfigFile(undefined, {}, empty)).toBeUndefined();
  });

  it('falls back to the embedded default, which runs the bundled everything server', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'portcullis-cwd-'));
    const { config, path } = await resolveStartConfig(undefined, {}, empty);
    expect(path).toBeUndefined();
    expect(config).toEqual(embeddedDefaultConfig({}));
    expect(config.source).toBe('embedded-default');
    // Where its pins live still follows the environment.
    expect((await resolveStartConfig(undefined, { PORTCULLIS_STATE_DIR: '/srv/state' }, empty)).config.state.dir).toBe('/srv/state');
    const s = config.servers.everything;
    expect(s?.transport).toBe('stdio');
    expect(s?.command).toBe(process.execPath);
    expect(s?.args[0]).toMatch(/server-everything[/\\]dist[/\\]index\.js$/);
    expect(s?.args[1]).toBe('stdio');
    expect(config.profiles.default?.servers).toEqual(['everything']);
  });

  it('an explicitly named missing file is an error, not the default', async () => {
    await expect(resolveStartConfig('nope.yaml', {}, dir)).rejects.toBeInstanceOf(ConfigError);
  });
});
