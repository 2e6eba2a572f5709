import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY, throughPortcullis } from './classify.js';
import type { DiscoveredServer } from './types.js';

const WRAP = '/home/me/.config/portcullis/clients';
const stdio = (command: string, ...args: string[]): DiscoveredServer => ({ name: 'x', key: 'x', transport: 'stdio', command, args, envKeys: [], headerKeys: [], disabled: false, secrets: [] });
const remote = (url: string): DiscoveredServer => ({ name: 'x', key: 'x', transport: 'streamable-http', url, args: [], envKeys: [], headerKeys: [], disabled: false, secrets: [] });
const through = (s: DiscoveredServer, gateways = [DEFAULT_GATEWAY]): boolean => throughPortcullis(s, gateways, WRAP);

describe('throughPortcullis', () => {
  it('recognises the Portcullis program running its stdio command', () => {
    expect(through(stdio('portcullis', 'stdio', '--config', '/x.yaml'))).toBe(true);
    expect(through(stdio('/usr/local/bin/portcullis', 'stdio'))).toBe(true);
    expect(through(stdio('C:\\bin\\portcullis.cmd', 'stdio'))).toBe(true);
    expect(through(stdio('npx', '-y', 'portcullis', 'stdio'))).toBe(true);
    expect(through(stdio('npx', 'portcullis@0.1.0', 'stdio', '--profile', 'dev'))).toBe(true);
    expect(through(stdio('pnpm', 'dlx', 'portcullis', 'stdio'))).toBe(true);
    expect(through(stdio('node', '/opt/portcullis/dist/cli/main.js', 'stdio', '-c', 'p.yaml'))).toBe(true);
    expect(through(stdio('node', '/lib/node_modules/portcullis/dist/cli/main.js', 'stdio'))).toBe(true);
  });

  it('does not count other commands, other Portcullis subcommands or look-alike packages', () => {
    expect(through(stdio('portcullis', 'start'))).toBe(false);
    expect(through(stdio('npx', '-y', 'portcullis-evil', 'stdio'))).toBe(false);
    expect(through(stdio('npx', '-y', '@modelcontextprotocol/server-memory'))).toBe(false);
    expect(through(stdio('node', '/opt/other/dist/cli/main.js', 'stdio'))).toBe(false);
    expect(through(stdio('sh', '-c', 'portcullis stdio'))).toBe(false);
  });

  it('counts any command whose --config is a wrap file (custom --portcullis-command)', () => {
    expect(through(stdio('/opt/pc/run', 'stdio', '--config', `${WRAP}/cursor.yaml`))).toBe(true);
    expect(through(stdio('/opt/pc/run', `--config=${WRAP}/cursor.yaml`))).toBe(true);
    expect(through(stdio('/opt/pc/run', '--config', '/home/me/.config/portcullis/other.yaml'))).toBe(false);
  });

  it('recognises URLs of a known gateway: /mcp, /mcp/<profile>, /sse; loopback names are interchangeable', () => {
    expect(through(remote('http://127.0.0.1:8080/mcp'))).toBe(true);
    expect(through(remote('http://localhost:8080/mcp/dev'))).toBe(true);
    expect(through(remote('http://[::1]:8080/sse'))).toBe(true);
    expect(through(remote('http://localhost:8080/other'))).toBe(false);
    expect(through(remote('http://localhost:9090/mcp'))).toBe(false);
    expect(through(remote('https://gw.example.com/mcp'), [{ host: 'gw.example.com', port: 443 }])).toBe(true);
    expect(through(remote('http://10.0.0.5:7000/mcp'), [{ host: '0.0.0.0', port: 7000 }])).toBe(true);
    expect(through(remote('https://mcp.example.com/mcp'))).toBe(false);
  });
});
