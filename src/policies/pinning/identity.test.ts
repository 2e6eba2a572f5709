import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../telemetry/redact.js';
import { normaliseUrl, relativeIdentity, resolveIdentity } from './identity.js';

const root = mkdtempSync(join(tmpdir(), 'portcullis-identity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string, mode?: number): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  if (mode !== undefined) chmodSync(file, mode);
  return file;
}
const pkg = (dir: string, name: string, version: string): string => write(join(dir, 'package.json'), JSON.stringify({ name, version }));

describe('relativeIdentity', () => {
  it('writes paths under the named roots relative to them, the deepest root first, and keeps the rest', () => {
    const roots = { portcullis: '/opt/portcullis', config: '/opt/portcullis/deploy' };
    const id = relativeIdentity(
      {
        transport: 'stdio',
        command: '/opt/portcullis/node_modules/.bin/srv',
        args: ['/opt/portcullis/deploy/tools.json', '--root=/opt/portcullis/data', '--other=/srv/data', 'plain', '/opt/portcullis-old/x'],
        resolvedCommand: '/opt/portcullis/node_modules/srv/bin.js',
        package: { name: 'srv', version: '1.2.3', path: '/opt/portcullis/node_modules/srv' },
      },
      roots,
    );
    expect(id).toEqual({
      transport: 'stdio',
      command: '{portcullis}/node_modules/.bin/srv',
      args: ['{config}/tools.json', '--root={portcullis}/data', '--other=/srv/data', 'plain', '/opt/portcullis-old/x'],
      resolvedCommand: '{portcullis}/node_modules/srv/bin.js',
      package: { name: 'srv', version: '1.2.3', path: '{portcullis}/node_modules/srv' },
    });
    // A bare command name and an http identity are left alone; relative roots are ignored.
    expect(relativeIdentity({ transport: 'stdio', command: 'npx', args: ['-y', 'srv'] }, roots)).toEqual({ transport: 'stdio', command: 'npx', args: ['-y', 'srv'] });
    expect(relativeIdentity({ transport: 'streamable-http', url: 'https://x.example/mcp' }, roots)).toEqual({ transport: 'streamable-http', url: 'https://x.example/mcp' });
    expect(relativeIdentity({ transport: 'stdio', command: '/a/b' }, { config: 'a' })).toEqual({ transport: 'stdio', command: '/a/b' });
  });
});

describe('normaliseUrl', () => {
  it('drops credentials, fragment and secret-looking parameters, and sorts the rest', () => {
    expect(normaliseUrl('HTTPS://user:pass@Example.COM:443/mcp?z=1&api_key=s3cret&a=2&access_token=t#frag')).toBe('https://example.com/mcp?a=2&z=1');
    expect(normaliseUrl('http://localhost:8080/sse')).toBe('http://localhost:8080/sse');
  });
});

describe.skipIf(process.platform === 'win32')('resolveIdentity: stdio', () => {
  const bin = join(root, 'bin');
  write(join(bin, 'my-server'), '#!/bin/sh\n', 0o755);
  write(join(bin, 'not-executable'), '#!/bin/sh\n', 0o644);
  const env = { PATH: bin, SECRET_TOKEN: 'do-not-record-me', npm_config_cache: join(root, 'npm-cache') };

  it('resolves the command on PATH and never records environment values', async () => {
    const id = await resolveIdentity({ transport: 'stdio', command: 'my-server', args: ['--flag'], env, cwd: root });
    expect(id).toEqual({ transport: 'stdio', command: 'my-server', args: ['--flag'], resolvedCommand: join(bin, 'my-server') });
    expect(JSON.stringify(id)).not.toContain('do-not-record-me');
    const missing = await resolveIdentity({ transport: 'stdio', command: 'not-executable', env, cwd: root });
    expect(missing.resolvedCommand).toBeUndefined();
  });

  it('leaves credentials out of the pinned arguments (the shared redaction, see telemetry/redact)', async () => {
    const id = await resolveIdentity({ transport: 'stdio', command: 'my-server', args: ['--token', 't0k', '--api-key=k3y', 'postgres://u:pw@db:5432/app', '--port', '8080'], env, cwd: root });
    expect(id.args).toEqual(['--token', REDACTED, `--api-key=${REDACTED}`, 'postgres://redacted:redacted@db:5432/app', '--port', '8080']);
  });

  it('node <script>: the package the script belongs to', async () => {
    const dir = join(root, 'proj');
    pkg(dir, 'my-mcp', '2.3.4');
    write(join(dir, 'dist', 'index.js'), '');
    const id = await resolveIdentity({ transport: 'stdio', command: 'node', args: ['--enable-source-maps', '-r', 'dotenv/config', 'dist/index.js'], cwd: dir, env });
    expect(id.package).toEqual({ name: 'my-mcp', version: '2.3.4', path: dir });
  });

  it('npx: the package in local node_modules, else the npx cache, else the spec only', async () => {
    const project = join(root, 'project');
    pkg(join(project, 'node_modules', '@acme', 'mcp'), '@acme/mcp', '1.0.0');
    const local = await resolveIdentity({ transport: 'stdio', command: 'npx', args: ['-y', '@acme/mcp', '--port', '1'], cwd: join(project, 'src'), env });
    expect(local).toMatchObject({ spec: '@acme/mcp', package: { name: '@acme/mcp', version: '1.0.0', path: join(project, 'node_modules', '@acme', 'mcp') } });

    const npx = join(env.npm_config_cache, '_npx');
    const older = pkg(join(npx, 'aaaa', 'node_modules', 'srv'), 'srv', '1.0.0');
    pkg(join(npx, 'bbbb', 'node_modules', 'srv'), 'srv', '2.0.0');
    utimesSync(older, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const newest = await resolveIdentity({ transport: 'stdio', command: 'npx', args: ['srv'], cwd: root, env });
    expect(newest.package?.version).toBe('2.0.0');
    const exact = await resolveIdentity({ transport: 'stdio', command: 'npx', args: ['--yes', 'srv@1.0.0'], cwd: root, env });
    expect(exact).toMatchObject({ spec: 'srv@1.0.0', package: { version: '1.0.0', path: join(npx, 'aaaa', 'node_modules', 'srv') } });
    const absent = await resolveIdentity({ transport: 'stdio', command: 'npx', args: ['-y', 'srv@9.9.9'], cwd: root, env });
    expect(absent.spec).toBe('srv@9.9.9');
    expect(absent.package).toBeUndefined();
  });

  it('uvx, pipx run and docker run: the requested spec', async () => {
    const spec = async (command: string, args: string[]): Promise<string | undefined> => (await resolveIdentity({ transport: 'stdio', command, args, cwd: root, env })).spec;
    expect(await spec('uvx', ['mcp-server-git', '--repository', '.'])).toBe('mcp-server-git');
    expect(await spec('uvx', ['--python', '3.12', '--from', 'git+https://x/y', 'tool'])).toBe('git+https://x/y');
    expect(await spec('pipx', ['run', 'mcp-server-fetch==1.2'])).toBe('mcp-server-fetch==1.2');
    expect(await spec('docker', ['run', '-i', '--rm', '-e', 'TOKEN', '-v', '/a:/b', '--name=x', 'ghcr.io/acme/mcp:1.4', 'serve'])).toBe('ghcr.io/acme/mcp:1.4');
    expect(await spec('/usr/local/bin/docker', ['ps'])).toBeUndefined();
  });
});

describe('resolveIdentity: http', () => {
  it('records the normalised URL only, without pinTls', async () => {
    expect(await resolveIdentity({ transport: 'sse', url: 'https://k:v@mcp.example.com/sse?token=x' })).toEqual({ transport: 'sse', url: 'https://mcp.example.com/sse' });
  });

  let openssl = true;
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    openssl = false;
  }
  // Node cannot create X.509 certificates; the openssl CLI makes a throw-away self-signed one.
  it.skipIf(!openssl)('pins the TLS certificate, or with pinTls: key its public key across a renewal (skipped: no openssl CLI to make a test certificate)', async () => {
    const key = join(root, 'key.pem');
    const cert = join(root, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const certPem = readFileSync(cert);
    const server = createTlsServer({ key: readFileSync(key), cert: certPem }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const id = await resolveIdentity({ transport: 'streamable-http', url: `https://127.0.0.1:${port}/mcp` }, { pinTls: true });
      expect(id.tlsCertSha256).toBe(createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex'));
      expect(id.tlsKeySha256).toBeUndefined();
      // pinTls: key pins the public key, so a renewed certificate with the same key keeps the identity.
      const byKey = await resolveIdentity({ transport: 'streamable-http', url: `https://127.0.0.1:${port}/mcp` }, { pinTls: 'key' });
      const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
      expect(byKey.tlsKeySha256).toBe(createHash('sha256').update(spki).digest('hex'));
      expect(byKey.tlsCertSha256).toBeUndefined();
      const renewed = join(root, 'renewed.pem');
      execFileSync('openssl', ['req', '-x509', '-key', key, '-out', renewed, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
      const server2 = createTlsServer({ key: readFileSync(key), cert: readFileSync(renewed) }, (s) => s.end());
      await new Promise<void>((r) => server2.listen(0, '127.0.0.1', r));
      try {
        const port2 = (server2.address() as AddressInfo).port;
        const again = await resolveIdentity({ transport: 'streamable-http', url: `https://127.0.0.1:${port2}/mcp` }, { pinTls: 'key' });
        expect(again.tlsKeySha256).toBe(byKey.tlsKeySha256);
        const cert2 = await resolveIdentity({ transport: 'streamable-http', url: `https://127.0.0.1:${port2}/mcp` }, { pinTls: 'certificate' });
        expect(cert2.tlsCertSha256).not.toBe(id.tlsCertSha256);
      } finally {
        await new Promise((r) => server2.close(r));
      }
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('bounds the TLS handshake with a timeout and honours the signal', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createNetServer((s) => sockets.add(s)); // accepts, never speaks TLS
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(resolveIdentity({ transport: 'streamable-http', url }, { pinTls: true, timeoutMs: 100 })).rejects.toThrow(/timed out/);
      const ac = new AbortController();
      const pending = resolveIdentity({ transport: 'streamable-http', url }, { pinTls: true, signal: ac.signal, timeoutMs: 10_000 });
      setTimeout(() => ac.abort(new Error('stop now')), 20);
      await expect(pending).rejects.toThrow(/stop now/);
      await expect(resolveIdentity({ transport: 'streamable-http', url }, { pinTls: true, signal: AbortSignal.abort() })).rejects.toThrow();
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
