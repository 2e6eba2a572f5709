/**
 * What a stdio server command really runs: the executable found on PATH, and for the launcher
 * forms (`node script`, `npx pkg`, `uvx pkg`, `pipx run pkg`, `docker run image`) the package or
 * image behind it. Local file system only — no network, no process is started.
 */
import { constants } from 'node:fs';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, extname, isAbsolute, join, resolve } from 'node:path';

/** An installed package: name, version, directory. */
export interface PackageIdentity {
  name: string;
  version: string;
  path: string;
}

/** The launcher-specific part of a stdio identity. */
export interface LaunchTarget {
  /** The package, image or script spec as requested (`@scope/pkg@1.2.3`, `mcp-server-git`, `ghcr.io/x/y:1`). */
  spec?: string;
  package?: PackageIdentity;
}

/** Most `_npx` cache entries looked at. */
const MAX_NPX_ENTRIES = 500;

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The file `command` runs: a path resolved against `cwd`, or the first executable hit on PATH. */
export async function resolveOnPath(command: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string | undefined> {
  if (command.includes('/') || (process.platform === 'win32' && command.includes('\\'))) {
    const file = resolve(cwd, command);
    return (await isExecutable(file)) ? file : undefined;
  }
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    for (const ext of exts) {
      const file = join(dir, command + ext);
      if (await isExecutable(file)) return file;
    }
  }
  return undefined;
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function packageAt(dir: string): Promise<PackageIdentity | undefined> {
  const pkg = await readJson(join(dir, 'package.json'));
  if (typeof pkg?.name !== 'string') return undefined;
  return { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : '', path: dir };
}

/** The nearest package.json with a name, walking up from `from`. */
async function enclosingPackage(from: string): Promise<PackageIdentity | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = await packageAt(dir);
    if (pkg) return pkg;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The first positional argument, skipping options (and the values of `valued` options). */
function firstPositional(args: readonly string[], valued: ReadonlySet<string>): { value: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return args[i + 1] === undefined ? undefined : { value: args[i + 1] ?? '', index: i + 1 };
    if (a.startsWith('-')) {
      if (!a.includes('=') && valued.has(a)) i++;
      continue;
    }
    return { value: a, index: i };
  }
  return undefined;
}

/** The value of `--flag value`, `--flag=value` or `-f value`. */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return undefined;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** `@scope/name@range` → name and the requested version (may be empty). */
export function parseNpmSpec(spec: string): { name: string; version: string } {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? { name: spec, version: '' } : { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

function npmCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.npm_config_cache) return env.npm_config_cache;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'npm-cache');
  return join(env.HOME ?? homedir(), '.npm');
}

/**
 * Where `npx` would find `spec`: the project's node_modules (walking up from `cwd`), else the npx
 * cache (`<npm cache>/_npx/<hash>/node_modules/<name>`). Among several cache entries, one with
 * the exact requested version wins, else the most recently installed. Undefined when not installed.
 */
export async function findNpmPackage(spec: string, cwd: string, env: NodeJS.ProcessEnv): Promise<PackageIdentity | undefined> {
  const { name, version } = parseNpmSpec(spec);
  if (name === '' || name.includes('..') || isAbsolute(name) || name.startsWith('.')) return undefined;
  const exact = EXACT_VERSION.test(version) ? version.replace(/^v/, '') : undefined;
  const fits = (p: PackageIdentity | undefined): p is PackageIdentity => p !== undefined && p.name === name && (exact === undefined || p.version === exact);
  for (let dir = cwd; ; dir = dirname(dir)) {
    const local = await packageAt(join(dir, 'node_modules', name));
    if (fits(local)) return local;
    if (dirname(dir) === dir) break;
  }
  const npx = join(npmCacheDir(env), '_npx');
  let entries: string[];
  try {
    entries = (await readdir(npx)).slice(0, MAX_NPX_ENTRIES);
  } catch {
    return undefined;
  }
  let best: { pkg: PackageIdentity; mtime: number } | undefined;
  for (const entry of entries) {
    const dir = join(npx, entry, 'node_modules', name);
    const pkg = await packageAt(dir);
    if (!fits(pkg)) continue;
    const mtime = (await stat(join(dir, 'package.json'))).mtimeMs;
    if (best === undefined || mtime > best.mtime) best = { pkg, mtime };
  }
  return best?.pkg;
}

const NODE_VALUED = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '-C', '--conditions', '--input-type']);
const NPX_VALUED = new Set(['-p', '--package', '-c', '--call', '-w', '--workspace', '--registry', '--cache', '--userconfig']);
const UV_VALUED = new Set(['--from', '--with', '--with-requirements', '--python', '-p', '--index', '--index-url', '--extra-index-url', '-c', '--constraints', '--spec']);
const DOCKER_VALUED = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '-p', '--publish', '--name', '--network', '--net', '-w', '--workdir', '-u', '--user',
  '--mount', '--entrypoint', '-l', '--label', '--label-file', '--platform', '--pull', '--cpus', '-m', '--memory', '--add-host', '--cap-add',
  '--cap-drop', '--device', '--dns', '-h', '--hostname', '--ipc', '--log-driver', '--log-opt', '--restart', '--runtime', '--security-opt',
  '--shm-size', '--tmpfs', '--ulimit', '--volumes-from', '--gpus', '--pid', '--userns', '--uts', '--cidfile', '--group-add', '-a', '--attach',
]);

/** The launcher-specific identity of `command args` (empty when the command is not a known launcher). */
export async function launchTarget(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<LaunchTarget> {
  const base = basename(command, extname(command)).toLowerCase();
  if (base === 'node' || base === 'nodejs') {
    if (optionValue(args, ['-e', '--eval', '-p', '--print']) !== undefined) return {};
    const script = firstPositional(args, NODE_VALUED)?.value;
    if (script === undefined) return {};
    const pkg = await enclosingPackage(dirname(resolve(cwd, script)));
    return pkg ? { package: pkg } : {};
  }
  let npmArgs: readonly string[] | undefined;
  if (base === 'npx' || base === 'bunx') npmArgs = args;
  else if ((base === 'npm' && args[0] === 'exec') || ((base === 'pnpm' || base === 'yarn') && args[0] === 'dlx')) npmArgs = args.slice(1);
  if (npmArgs !== undefined) {
    const spec = optionValue(npmArgs, ['-p', '--package']) ?? firstPositional(npmArgs, NPX_VALUED)?.value;
    if (spec === undefined) return {};
    const pkg = await findNpmPackage(spec, cwd, env);
    return pkg ? { spec, package: pkg } : { spec };
  }
  let pyArgs: readonly string[] | undefined;
  if (base === 'uvx') pyArgs = args;
  else if (base === 'pipx' && args[0] === 'run') pyArgs = args.slice(1);
  else if (base === 'uv' && args[0] === 'tool' && args[1] === 'run') pyArgs = args.slice(2);
  if (pyArgs !== undefined) {
    const spec = optionValue(pyArgs, ['--from', '--spec']) ?? firstPositional(pyArgs, UV_VALUED)?.value;
    return spec === undefined ? {} : { spec };
  }
  if ((base === 'docker' || base === 'podman') && args[0] === 'run') {
    const image = firstPositional(args.slice(1), DOCKER_VALUED)?.value;
    return image === undefined ? {} : { spec: image };
  }
  return {};
}
