import { describe, expect, it } from 'vitest';
import { validateDocument } from '../config/load.js';
import { NO_POSITION } from '../config/positions.js';
import { normaliseEntry, portcullisName, translateValue, type TranslateContext } from './entries.js';
import type { DiscoveredServer } from './types.js';

const ctx = (vars: TranslateContext['vars'], workspace?: string): TranslateContext => ({ vars, home: '/home/me', ...(workspace ? { workspace } : {}) });

describe('translateValue', () => {
  it('literal: escapes ${ so Portcullis keeps it as written', () => {
    expect(translateValue('pa${ss', ctx('literal'))).toEqual({ ok: 'pa$${ss' });
    expect(translateValue('${{ secrets.KEY }}', ctx('literal'))).toMatchObject({ why: expect.stringContaining('template') });
  });

  it('shell (Claude Code): ${NAME} and ${NAME:-default}', () => {
    expect(translateValue('Bearer ${API_KEY}', ctx('shell'))).toEqual({ ok: 'Bearer ${env:API_KEY}' });
    expect(translateValue('${BASE:-https://x}/mcp', ctx('shell'))).toEqual({ ok: '${env:BASE:-https://x}/mcp' });
    expect(translateValue('$HOME stays', ctx('shell'))).toEqual({ ok: '$HOME stays' });
    expect(translateValue('${1bad}', ctx('shell'))).toMatchObject({ why: expect.any(String) });
  });

  it('dollar (Gemini CLI): $NAME and ${NAME}', () => {
    expect(translateValue('$TOKEN-${OTHER}', ctx('dollar'))).toEqual({ ok: '${env:TOKEN}-${env:OTHER}' });
    expect(translateValue('costs $5', ctx('dollar'))).toEqual({ ok: 'costs $5' });
  });

  it('vscode: env, userHome, workspaceFolder (project files only), input refused', () => {
    expect(translateValue('${env:GH}', ctx('vscode'))).toEqual({ ok: '${env:GH}' });
    expect(translateValue('${userHome}/x', ctx('vscode'))).toEqual({ ok: '/home/me/x' });
    expect(translateValue('${workspaceFolder}/s.js', ctx('vscode', '/proj'))).toEqual({ ok: '/proj/s.js' });
    expect(translateValue('${workspaceFolder}/s.js', ctx('vscode'))).toMatchObject({ why: expect.stringContaining('workspace') });
    expect(translateValue('${input:key}', ctx('vscode'))).toMatchObject({ why: expect.stringContaining('input') });
    expect(translateValue('${unknownThing}', ctx('vscode'))).toMatchObject({ why: expect.stringContaining('unknownThing') });
  });
});

describe('normaliseEntry', () => {
  const n = (raw: unknown, dialect: Parameters<typeof normaliseEntry>[2] = 'common', vars: TranslateContext['vars'] = 'literal'): DiscoveredServer => {
    const s = normaliseEntry('x', raw, dialect, ctx(vars));
    if (typeof s === 'string') throw new Error(s);
    return s;
  };

  it('rejects entries that are not objects or have neither command nor url', () => {
    expect(normaliseEntry('a', 'npx', 'common', ctx('literal'))).toBe('a: not an object');
    expect(normaliseEntry('b', { args: [] }, 'common', ctx('literal'))).toBe('b: neither a command nor a url');
  });

  it('picks the transport from type, transportType, httpUrl and the URL path', () => {
    expect(n({ url: 'https://h/mcp' }).transport).toBe('streamable-http');
    expect(n({ url: 'https://h/sse' }).transport).toBe('sse');
    expect(n({ url: 'https://h/x', type: 'sse' }).transport).toBe('sse');
    expect(n({ url: 'https://h/sse', type: 'streamableHttp' }).transport).toBe('streamable-http');
    expect(n({ url: 'https://h/x', transportType: 'sse' }).transport).toBe('sse');
    expect(n({ url: 'https://h/x' }, 'gemini').transport).toBe('sse');
    expect(n({ httpUrl: 'https://h/x' }, 'gemini').transport).toBe('streamable-http');
  });

  it('never keeps header or env values in display fields, but remembers them for redaction', () => {
    const s = n({ url: 'https://h/mcp', headers: { Authorization: 'Bearer abcdefgh' } });
    expect(s.headerKeys).toEqual(['Authorization']);
    expect(s.secrets).toEqual(['Bearer abcdefgh']);
    expect(JSON.stringify({ ...s, secrets: [], portcullis: undefined })).not.toContain('abcdefgh');
  });

  it('produces entries the Portcullis schema accepts', () => {
    const entries = [
      n({ command: 'npx', args: ['-y', 'x'], env: { K: 'v', N: 3 }, cwd: '/w' }),
      n({ serverUrl: 'https://h/mcp', headers: { A: 'b' }, disabled: true }),
      n({ url: 'https://h/mcp', bearer_token_env_var: 'TOK', env_http_headers: { 'X-K': 'KEYVAR' } }, 'codex'),
      n({ transport: { type: 'stdio', command: 'uvx', args: ['s'] } }, 'continue-json'),
      n({ command: { path: '/bin/s', args: ['--stdio'], env: { A: '1' } } }, 'zed'),
    ];
    const doc = { servers: Object.fromEntries(entries.map((e, i) => [`s${i}`, e.portcullis])) };
    const config = validateDocument(doc, 'test', NO_POSITION, { TOK: 't', KEYVAR: 'k' });
    expect(config.servers.s0).toMatchObject({ transport: 'stdio', command: 'npx', env: { K: 'v', N: '3' }, cwd: '/w' });
    expect(config.servers.s1).toMatchObject({ transport: 'streamable-http', disabled: true });
    expect(config.servers.s2?.headers).toEqual({ Authorization: 'Bearer t', 'X-K': 'k' });
    expect(config.servers.s3).toMatchObject({ command: 'uvx', args: ['s'] });
    expect(config.servers.s4).toMatchObject({ command: '/bin/s', args: ['--stdio'], env: { A: '1' } });
  });
});

describe('portcullisName', () => {
  it('makes valid, unique, bounded names', () => {
    const taken = new Set<string>();
    expect(portcullisName('github', taken)).toBe('github');
    expect(portcullisName('github', taken)).toBe('github-2');
    expect(portcullisName('My Server (dev)', taken)).toBe('My-Server-dev');
    expect(portcullisName('***', taken)).toBe('server');
    const long = portcullisName('a'.repeat(80), taken);
    expect(long).toMatch(/^a{23}-[0-9a-f]{8}$/);
    expect([...taken].every((t) => /^[A-Za-z0-9_-]{1,32}$/.test(t))).toBe(true);
  });
});
