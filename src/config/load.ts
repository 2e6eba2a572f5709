/**
 * Reading configuration: YAML text → validated `GatewayConfig`, or a `ConfigError` that lists
 * every problem with its line and column. Also the config lookup for `portcullis start`/`stdio`
 * and the embedded default used when there is no file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { resolveEnvRefs, type PathIssue } from './env.js';
import { fromZodIssues } from './issues.js';
import { normalise } from './normalise.js';
import { NO_POSITION, formatPath, yamlLocator, type Locator } from './positions.js';
import { checkReferences } from './references.js';
import { configSchema } from './schema.js';
import type { GatewayConfig } from './types.js';

/** Source name of the embedded default config. */
export const EMBEDDED_SOURCE = 'embedded-default';

const isUnder = (path: readonly unknown[], prefix: readonly unknown[]): boolean =>
  prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

/**
 * Validates a parsed document (plain data) and normalises it. Problems are located with `locate`.
 * @throws ConfigError listing every problem.
 */
export function validateDocument(written: unknown, source: string, locate: Locator, env: NodeJS.ProcessEnv): GatewayConfig {
  const doc = written === null || written === undefined ? {} : written;
  const issues: PathIssue[] = [];
  const data = resolveEnvRefs(doc, env, issues);
  const envPaths = issues.map((i) => i.path);
  issues.push(...checkReferences(data));
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const zodIssues = fromZodIssues(result.error.issues, configSchema, data, doc);
    // A value that lost its env reference is already reported; skip the knock-on schema problem.
    issues.push(...zodIssues.filter((z) => !envPaths.some((p) => isUnder(z.path, p))));
  }
  if (issues.length > 0 || !result.success) {
    throw new ConfigError(
      issues.map((i): ConfigIssue => ({ file: source, ...locate(i.path, i.atKey === true), path: formatPath(i.path), problem: i.problem, expected: i.expected })),
    );
  }
  return normalise(result.data, source, env);
}

/** The first line of a `yaml` error message, without its " at line …" suffix and snippet. */
function yamlProblem(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses and validates YAML (or JSON) config text. `source` names the file in problems.
 * @throws ConfigError listing every syntax or validation problem as `file:line:col path: …`.
 */
export function parseConfigText(text: string, source: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        const expected = e.code === 'DUPLICATE_KEY' ? 'each key at most once per map' : 'valid YAML';
        return { file: source, line: at.line, col: at.col, path: '<yaml>', problem: yamlProblem(e.message), expected };
      }),
    );
  }
  let written: unknown;
  try {
    written = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const problem = err instanceof Error ? err.message : 'cannot build the document';
    throw new ConfigError([{ file: source, line: 1, col: 1, path: '<yaml>', problem, expected: 'valid YAML with resolvable aliases' }]);
  }
  if (written !== null && written !== undefined && (typeof written !== 'object' || Array.isArray(written))) {
    const kind = Array.isArray(written) ? 'a list' : `a ${typeof written}`;
    const at = yamlLocator(doc, lineCounter)([], false);
    throw new ConfigError([{ file: source, ...at, path: '<root>', problem: `the document is ${kind}`, expected: 'a map of settings' }]);
  }
  return validateDocument(written, source, yamlLocator(doc, lineCounter), env);
}

/**
 * Reads and validates a config file.
 * @throws ConfigError when the file cannot be read or is invalid.
 */
export async function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError([{ file: path, line: 0, col: 0, path: '<file>', problem: `cannot read the file (${code})`, expected: 'a readable YAML file' }], { cause: err });
  }
  return parseConfigText(text, path, env);
}

/** Absolute path of a package's first (or named) bin file, resolved from this package's node_modules. */
export function resolvePackageBin(pkg: string, binName?: string): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : binName ? manifest.bin?.[binName] : Object.values(manifest.bin ?? {})[0];
  if (!bin) throw new Error(`${pkg} has no bin`);
  return resolve(dirname(manifestPath), bin);
}

/**
 * The config used when `portcullis start` finds no config file: one stdio server, `everything`,
 * running the bundled `@modelcontextprotocol/server-everything` with this Node binary.
 */
export function embeddedDefaultConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const bin = resolvePackageBin('@modelcontextprotocol/server-everything', 'mcp-server-everything');
  const doc = { servers: { everything: { command: process.execPath, args: [bin, 'stdio'] } } };
  // The environment only decides where state lives ($PORTCULLIS_STATE_DIR, $XDG_STATE_HOME).
  return validateDocument(doc, EMBEDDED_SOURCE, NO_POSITION, env);
}

/** Where the config comes from: an explicit option, `$PORTCULLIS_CONFIG`, `./portcullis.yaml`, or none. */
export function findConfigFile(configPath: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  if (configPath) return resolve(cwd, configPath);
  const fromEnv = env.PORTCULLIS_CONFIG;
  if (fromEnv) return resolve(cwd, fromEnv);
  const local = resolve(cwd, 'portcullis.yaml');
  return existsSync(local) ? local : undefined;
}

/** A loaded start config and the file it came from (`undefined` for the embedded default: nothing to watch). */
export interface StartConfig {
  config: GatewayConfig;
  path?: string;
}

/**
 * Loads the config for `start`/`stdio`: `--config FILE`, then `$PORTCULLIS_CONFIG`, then
 * `./portcullis.yaml`, then the embedded default. A named file that is missing is an error.
 * @throws ConfigError when the chosen file is unreadable or invalid.
 */
export async function resolveStartConfig(
  configPath?: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<StartConfig> {
  const path = findConfigFile(configPath, env, cwd);
  if (path === undefined) return { config: embeddedDefaultConfig(env) };
  return { config: await loadConfigFile(path, env), path };
}
