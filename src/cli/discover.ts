/**
 * `portcullis discover`: list the MCP client configs on this machine, tell which servers bypass
 * Portcullis (shadow MCP) and scan them; `--wrap CLIENT` routes a client through Portcullis,
 * `--unwrap CLIENT` puts its config back. See docs/discover.md.
 * Exit 0: done (nothing blocked); 1: a scanned server is blocked, or wrap/unwrap refused; 2: usage.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closest } from '../config/hints.js';
import { findConfigFile, loadConfigFile } from '../config/load.js';
import { DEFAULT_GATEWAY, type GatewayAddress } from '../discover/classify.js';
import type { DiscoverRoots } from '../discover/clients.js';
import { formatDiscoverText } from '../discover/format.js';
import { discover } from '../discover/report.js';
import { CLIENT_IDS, type ClientId } from '../discover/types.js';
import { unwrapClient } from '../discover/unwrap.js';
import { WrapError, defaultPortcullisCommand, splitCommand, wrapClient } from '../discover/wrap.js';
import { STD_OUTPUT, parseFormat, parseTimeout, withChildCleanup, type CliOutput } from './scan-config.js';

/** Usage of `discover`. */
export const DISCOVER_USAGE = `Usage: portcullis discover [--format json|text] [--no-scan] [--client NAME] [--timeout-ms N]
                           [--wrap CLIENT | --unwrap CLIENT [--force]]
                           [--home DIR] [--project DIR] [--portcullis-command CMD]
Clients: ${CLIENT_IDS.join(', ')}`;

/** Default per-server scan budget for discover, in ms. */
export const DEFAULT_DISCOVER_TIMEOUT_MS = 15_000;

/** Things tests replace. */
export interface DiscoverDeps {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

function clientId(flag: string, value: unknown): ClientId | undefined {
  if (value === undefined) return undefined;
  const v = String(value);
  if ((CLIENT_IDS as readonly string[]).includes(v)) return v as ClientId;
  const hint = closest(v, CLIENT_IDS);
  throw new Error(`${flag}: unknown client "${v}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${CLIENT_IDS.join(', ')}`);
}

/** Listen addresses of the Portcullis config found for the project (else the default). */
async function knownGateways(env: NodeJS.ProcessEnv, project: string): Promise<GatewayAddress[]> {
  const path = findConfigFile(undefined, env, project);
  if (path === undefined) return [DEFAULT_GATEWAY];
  try {
    const { listen } = await loadConfigFile(path, env);
    return [{ host: listen.host, port: listen.port }];
  } catch {
    return [DEFAULT_GATEWAY];
  }
}

const OPTIONS = {
  format: { type: 'string' },
  'no-scan': { type: 'boolean' },
  client: { type: 'string' },
  wrap: { type: 'string' },
  unwrap: { type: 'string' },
  force: { type: 'boolean' },
  home: { type: 'string' },
  project: { type: 'string' },
  'portcullis-command': { type: 'string' },
  'timeout-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `portcullis discover …`; `argv` is everything after `discover`. Resolves with the exit code. */
export async function runDiscover(argv: string[], out: CliOutput = STD_OUTPUT, deps: DiscoverDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const cwd = deps.cwd ?? process.cwd();
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];
  let format: 'json' | 'text';
  let client: ClientId | undefined;
  let wrap: ClientId | undefined;
  let unwrap: ClientId | undefined;
  let timeoutMs: number;
  let command: string[];
  try {
    ({ values: parsed } = parseArgs({ args: argv, options: OPTIONS, strict: true }));
    format = parseFormat(parsed.format);
    client = clientId('--client', parsed.client);
    wrap = clientId('--wrap', parsed.wrap);
    unwrap = clientId('--unwrap', parsed.unwrap);
    timeoutMs = parseTimeout(parsed['timeout-ms']) ?? DEFAULT_DISCOVER_TIMEOUT_MS;
    if (wrap && unwrap) throw new Error('--wrap and --unwrap cannot be used together');
    command = parsed['portcullis-command'] === undefined ? defaultPortcullisCommand() : splitCommand(parsed['portcullis-command']);
    if (command.length === 0) throw new Error('--portcullis-command is empty');
  } catch (e) {
    out.stderr(`portcullis discover: ${e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e)}\n${DISCOVER_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    out.stdout(`${DISCOVER_USAGE}\n`);
    return 0;
  }
  const home = resolve(cwd, parsed.home ?? homedir());
  const project = resolve(cwd, parsed.project ?? cwd);
  // A --home of your choosing is read as it is: no APPDATA/XDG folders of the real user are mixed in.
  const roots: DiscoverRoots = { home, project, env: parsed.home === undefined ? env : {} };
  const gateways = await knownGateways(env, project);
  const emit = (json: unknown, text: string): void => out.stdout(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : text);

  try {
    if (wrap) {
      const r = await wrapClient({ roots, client: wrap, command, gateways });
      const lines =
        r.status === 'already-wrapped'
          ? [`${wrap}: already routed through Portcullis; nothing changed`]
          : [
              `${wrap}: wrapped ${r.file ?? ''}`,
              `  backup: ${r.backup ?? ''}`,
              `  Portcullis config: ${r.yaml ?? ''} (mode 0600)`,
              ...r.moved.map((m) => `  moved ${m.name}${m.as === m.name ? '' : ` (as ${m.as})`}`),
              ...r.skipped.map((s) => `  left in place: ${s.name} (${s.reason})`),
              ...r.otherFiles.map((f) => `  not touched, also has servers: ${f}`),
              `  undo: portcullis discover --unwrap ${wrap}`,
            ];
      emit({ wrap: { client: wrap, ...r } }, `${lines.join('\n')}\n`);
      return 0;
    }
    if (unwrap) {
      const r = await unwrapClient({ roots, client: unwrap, force: parsed.force === true });
      emit({ unwrap: { client: unwrap, ...r } }, `${unwrap}: restored ${r.file} from ${r.backup}\n${r.yaml ? `  left in place: ${r.yaml}\n` : ''}`);
      return 0;
    }
  } catch (e) {
    if (!(e instanceof WrapError)) throw e;
    out.stderr(`portcullis discover: ${e.message}\n`);
    return 1;
  }
  const report = await withChildCleanup(() => discover({ roots, ...(client ? { client } : {}), scan: parsed['no-scan'] !== true, timeoutMs, gateways, env }));
  emit(report, formatDiscoverText(report));
  return report.summary.blocked > 0 ? 1 : 0;
}
