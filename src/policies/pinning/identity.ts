/**
 * Server identity: what a configured server *is*, pinned like a tool so that a change (another
 * binary on PATH, another package version, another URL, another TLS certificate) is flagged and
 * quarantines the server until an admin approves it. Environment values are never part of it
 * (they are secrets more often than not), nor are credentials in URLs.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { isAbsolute, resolve, sep } from 'node:path';
import { connect } from 'node:tls';
import { redactArgs } from '../../telemetry/redact.js';
import { launchTarget, resolveOnPath, type PackageIdentity } from './identity-stdio.js';

/** A server's pinned identity; used as the definition of its `identity` pin. */
export interface ServerIdentity {
  transport: 'stdio' | 'streamable-http' | 'sse';
  /**
   * stdio: the command and arguments as configured, credential-looking values blanked by
   * `redactArgs` (telemetry/redact): a credential is not what a server is, and rotating one must
   * not quarantine the server.
   */
  command?: string;
  args?: string[];
  /** stdio: the file the command resolves to on PATH (or relative to cwd); absent when not found. */
  resolvedCommand?: string;
  /** stdio: the installed package behind `node script` / `npx pkg`. */
  package?: PackageIdentity;
  /** stdio: the requested package or image spec of `npx`, `uvx`, `pipx run`, `docker run`. */
  spec?: string;
  /** http: the URL without credentials, secret-looking query parameters or fragment. */
  url?: string;
  /** http with `pinTls: certificate`: SHA-256 of the server certificate (DER), lowercase hex. */
  tlsCertSha256?: string;
  /** http with `pinTls: key`: SHA-256 of the certificate's public key (SPKI, DER), lowercase hex; unchanged by renewals that keep the key. */
  tlsKeySha256?: string;
}

/** The configured server, as far as identity goes. */
export interface IdentitySource {
  transport: 'stdio' | 'streamable-http' | 'sse';
  command?: string;
  args?: string[];
  cwd?: string;
  url?: string;
  /** Used only to look things up (PATH, npm cache); never recorded. */
  env?: Record<string, string>;
}

/** Options of `resolveIdentity`. */
export interface IdentityOptions {
  /** Also pin the TLS identity of an https URL: its certificate (`true`/`certificate`, rotates with it) or its public key (`key`). */
  pinTls?: boolean | 'certificate' | 'key';
  signal?: AbortSignal;
  /** Bound of the TLS handshake, default 5000 ms. */
  timeoutMs?: number;
}

/** Query parameters that look like credentials; dropped from the pinned URL. */
const SECRET_PARAM = /key|token|secret|passw|pwd|auth|sig|credential|session|code|jwt|bearer/i;

/** `url` without user info, fragment and secret-looking query parameters; the rest sorted. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.hash = '';
  const kept = [...u.searchParams].filter(([k]) => !SECRET_PARAM.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  return u.toString();
}

/**
 * SHA-256 (lowercase hex) of the certificate a TLS server presents at `url`, or with `of: 'key'` of
 * its public key (SPKI). The certificate is not validated — this records what is there
 * (self-signed included), it does not trust it.
 */
export async function tlsFingerprint(url: string, opts: { signal?: AbortSignal; timeoutMs?: number; of?: 'certificate' | 'key' } = {}): Promise<string> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || 443);
  opts.signal?.throwIfAborted();
  return new Promise<string>((resolveCert, reject) => {
    const socket = connect({ host, port, servername: isIP(host) === 0 ? host : undefined, rejectUnauthorized: false });
    const finish = (err: Error | undefined, fingerprint?: string): void => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolveCert(fingerprint ?? '');
    };
    const onAbort = (): void => finish(opts.signal?.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
    const timer = setTimeout(() => finish(new Error(`TLS handshake with ${host}:${port} timed out`)), opts.timeoutMs ?? 5000);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (err) => finish(new Error(`cannot read the TLS certificate of ${host}:${port}: ${err.message}`, { cause: err })));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert?.raw) finish(new Error(`${host}:${port} presented no certificate`));
      else {
        const der = opts.of === 'key' ? new X509Certificate(cert.raw).publicKey.export({ type: 'spki', format: 'der' }) : cert.raw;
        finish(undefined, createHash('sha256').update(der).digest('hex'));
      }
    });
  });
}

/**
 * Directories whose location is not part of what a server is, by name: Portcullis's own install
 * directory and the config file's directory. A checkout or install that moves (or a second clone
 * sharing the state directory) runs the same servers.
 */
export type IdentityRoots = Readonly<Record<string, string>>;

/**
 * `identity` with every absolute path under one of `roots` written as `{name}/relative/path`
 * (arguments, also after `--flag=`; the command and the file it resolves to; the package
 * directory). Package names and versions, and paths elsewhere, are kept as they are.
 */
export function relativeIdentity(identity: ServerIdentity, roots: IdentityRoots): ServerIdentity {
  const dirs = Object.entries(roots)
    .filter(([, dir]) => isAbsolute(dir))
    .map(([name, dir]): [string, string] => [name, resolve(dir)])
    .sort((a, b) => b[1].length - a[1].length);
  const rel = (path: string): string => {
    for (const [name, dir] of dirs) {
      if (path === dir) return `{${name}}`;
      if (path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return `{${name}}/${path.slice(dir.length).replace(/^[\\/]+/, '').split(sep).join('/')}`;
    }
    return path;
  };
  const arg = (a: string): string => {
    if (isAbsolute(a)) return rel(a);
    const eq = a.indexOf('=');
    return eq > 0 && isAbsolute(a.slice(eq + 1)) ? `${a.slice(0, eq + 1)}${rel(a.slice(eq + 1))}` : a;
  };
  const out: ServerIdentity = { ...identity };
  if (out.command !== undefined && isAbsolute(out.command)) out.command = rel(out.command);
  if (out.args) out.args = out.args.map(arg);
  if (out.resolvedCommand !== undefined) out.resolvedCommand = rel(out.resolvedCommand);
  if (out.package) out.package = { ...out.package, path: rel(out.package.path) };
  return out;
}

/**
 * The identity of a configured server. stdio: the command resolved on PATH and the package or
 * image behind launcher forms (local look-ups only). HTTP: the normalised URL and, with
 * `pinTls`, the certificate fingerprint (rejects when the handshake fails or times out).
 */
export async function resolveIdentity(server: IdentitySource, opts: IdentityOptions = {}): Promise<ServerIdentity> {
  if (server.transport === 'stdio') {
    const command = server.command ?? '';
    const args = server.args ?? [];
    const env: NodeJS.ProcessEnv = { ...process.env, ...server.env };
    const cwd = server.cwd ?? process.cwd();
    const identity: ServerIdentity = { transport: 'stdio', command, args: redactArgs(args) };
    const resolved = await resolveOnPath(command, env, cwd);
    if (resolved !== undefined) identity.resolvedCommand = resolved;
    const target = await launchTarget(command, args, cwd, env);
    if (target.spec !== undefined) identity.spec = target.spec;
    if (target.package !== undefined) identity.package = target.package;
    return identity;
  }
  const identity: ServerIdentity = { transport: server.transport, url: normaliseUrl(server.url ?? '') };
  if (opts.pinTls && new URL(identity.url ?? '').protocol === 'https:') {
    const of = opts.pinTls === 'key' ? 'key' : 'certificate';
    const tlsOpts: { signal?: AbortSignal; timeoutMs?: number; of: 'certificate' | 'key' } = { of };
    if (opts.signal) tlsOpts.signal = opts.signal;
    if (opts.timeoutMs !== undefined) tlsOpts.timeoutMs = opts.timeoutMs;
    const fingerprint = await tlsFingerprint(server.url ?? '', tlsOpts);
    if (of === 'key') identity.tlsKeySha256 = fingerprint;
    else identity.tlsCertSha256 = fingerprint;
  }
  return identity;
}
