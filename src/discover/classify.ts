/**
 * Is a client's server entry routed through Portcullis, or is it "shadow MCP" (a server the
 * client talks to directly)? A heuristic, documented in docs/discover.md:
 *
 * - stdio: the program is Portcullis — `portcullis`, `npx [-y] portcullis[@v]` (also bunx, pnpm
 *   dlx, yarn dlx), or `node …/portcullis…/{dist,src}/cli/main.{js,ts}` — and its subcommand is
 *   `stdio`; or its arguments pass `--config` a file under the wrap folder
 *   (`~/.config/portcullis/clients/`), whatever the command (a custom `--portcullis-command`).
 * - remote: the URL's path is `/mcp`, `/mcp/<profile>` or `/sse` on a known gateway address
 *   (the listen address of the Portcullis config found for the project, else 127.0.0.1:8080);
 *   loopback names are interchangeable, and a gateway on 0.0.0.0/:: matches any host.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { DiscoveredServer } from './types.js';

/** Where a Portcullis HTTP gateway listens. */
export interface GatewayAddress {
  host: string;
  port: number;
}

/** The default listen address of `portcullis start`. */
export const DEFAULT_GATEWAY: GatewayAddress = { host: '127.0.0.1', port: 8080 };

const base = (p: string): string =>
  (p.split(/[\\/]/).pop() ?? p)
    .toLowerCase()
    .replace(/\.(exe|cmd|bat|ps1)$/, '');
const isPortcullisPackage = (a: string): boolean => /^portcullis(@[^\s/]+)?$/.test(a);
const MAIN = /portcullis[^\\/]*[\\/](?:.*[\\/])?(?:dist|src)[\\/]cli[\\/]main\.(?:js|ts|mjs)$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Index of the first argument after the Portcullis program, or -1 when the command is not Portcullis. */
function afterProgram(command: string, args: readonly string[]): number {
  const b = base(command);
  if (b === 'portcullis') return 0;
  const firstPositional = (from: number): number => {
    for (let i = from; i < args.length; i++) if (!args[i]!.startsWith('-')) return i;
    return -1;
  };
  if (b === 'npx' || b === 'bunx' || b === 'pnpx') {
    const i = firstPositional(0);
    return i >= 0 && isPortcullisPackage(args[i]!) ? i + 1 : -1;
  }
  if (b === 'pnpm' || b === 'yarn' || b === 'npm') {
    const verb = firstPositional(0);
    if (verb < 0 || !['dlx', 'exec', 'x'].includes(args[verb]!)) return -1;
    const i = firstPositional(verb + 1);
    return i >= 0 && isPortcullisPackage(args[i]!) ? i + 1 : -1;
  }
  if (b === 'node' || b === 'bun' || b === 'tsx') {
    const i = args.findIndex((a) => MAIN.test(a));
    return i >= 0 ? i + 1 : -1;
  }
  return MAIN.test(command) ? 0 : -1;
}

/** True when `--config` (or `-c`) names a file inside `wrapDir`. */
function configUnder(args: readonly string[], wrapDir: string): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = a === '--config' || a === '-c' ? args[i + 1] : a.startsWith('--config=') ? a.slice(9) : undefined;
    if (value === undefined) continue;
    const rel = relative(wrapDir, resolve(value));
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return true;
  }
  return false;
}

function gatewayUrl(url: string, gateways: readonly GatewayAddress[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^\/(mcp(\/[A-Za-z0-9_-]+)?|sse)\/?$/.test(u.pathname)) return false;
  const host = u.hostname.toLowerCase();
  const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
  return gateways.some((g) => {
    if (g.port !== port) return false;
    const gh = g.host.toLowerCase();
    if (gh === '0.0.0.0' || gh === '::' || gh === '[::]') return true;
    return gh === host || (LOOPBACK.has(gh) && LOOPBACK.has(host)) || (/^127\./.test(gh) && LOOPBACK.has(host));
  });
}

/** True when the entry runs through Portcullis (see the file comment for the rules). */
export function throughPortcullis(server: DiscoveredServer, gateways: readonly GatewayAddress[], wrapDir: string): boolean {
  if (server.transport === 'stdio') {
    const command = server.command ?? '';
    if (configUnder(server.args, wrapDir)) return true;
    const i = afterProgram(command, server.args);
    if (i < 0) return false;
    const sub = server.args.slice(i).find((a) => !a.startsWith('-'));
    return sub === 'stdio';
  }
  return server.url !== undefined && gatewayUrl(server.url, gateways);
}
