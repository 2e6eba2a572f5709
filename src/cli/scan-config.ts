/**
 * `portcullis scan --config FILE [--format json|text] [--timeout-ms N]`: connect to every server
 * of a Portcullis config, list what each shows a model, screen it, and report.
 * Exit 0: nothing blocked; 1: something blocked; 2: usage or config error.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { loadConfigFile } from '../config/load.js';
import { formatScanText } from '../discover/format.js';
import { scanServers, worstVerdict, type ScreenPolicy, type ServerListing, type ServerReport } from '../discover/inventory.js';
import type { GatewayConfig } from '../config/types.js';
import { collisionFindings } from '../gateway/collisions.js';
import { skeleton } from '../policies/screen/index.js';
import { verdictUnder } from '../policies/surface-policy.js';
import { redactText } from '../telemetry/redact.js';
import { killAllChildrenSync } from '../upstreams/stdio.js';

/** Where a command writes. */
export interface CliOutput {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Writes to the process streams. */
export const STD_OUTPUT: CliOutput = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

/** Default per-server budget for connecting and listing, in ms. */
export const DEFAULT_SCAN_TIMEOUT_MS = 30_000;

/** Usage of `scan --config`. */
export const SCAN_CONFIG_USAGE = 'Usage: portcullis scan --config FILE [--format json|text] [--timeout-ms N]';

/** Parses `--timeout-ms`; undefined when absent. @throws Error with a usage message. */
export function parseTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 600_000) throw new Error(`--timeout-ms must be an integer from 1 to 600000, got "${s}"`);
  return Number(s);
}

/** Parses `--format`. @throws Error with a usage message. */
export function parseFormat(value: unknown): 'json' | 'text' {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new Error(`--format must be json or text, got "${String(value)}"`);
}

/**
 * Runs `work` with SIGINT/SIGTERM handlers that kill every stdio server started so far (their
 * process groups) before the process exits, so an interrupted scan leaves nothing behind.
 */
export async function withChildCleanup<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    killAllChildrenSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function usage(out: CliOutput, message: string): number {
  out.stderr(`portcullis scan: ${message}\n${SCAN_CONFIG_USAGE}\n`);
  return 2;
}

/** Runs `portcullis scan --config …`; `argv` is everything after `scan`. Resolves with the exit code. */
export async function runScanConfig(argv: string[], out: CliOutput = STD_OUTPUT): Promise<number> {
  let file: string;
  let format: 'json' | 'text';
  let timeoutMs: number;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { config: { type: 'string', short: 'c' }, format: { type: 'string' }, 'timeout-ms': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      out.stdout(`${SCAN_CONFIG_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) return usage(out, `unexpected argument "${positionals[0] ?? ''}"`);
    if (typeof values.config !== 'string') return usage(out, 'missing --config FILE');
    file = values.config;
    format = parseFormat(values.format);
    timeoutMs = parseTimeout(values['timeout-ms']) ?? DEFAULT_SCAN_TIMEOUT_MS;
  } catch (e) {
    return usage(out, e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e));
  }

  let reports: ServerReport[];
  let secrets: string[];
  try {
    const config = await loadConfigFile(file);
    const servers = Object.values(config.servers);
    secrets = servers.flatMap((s) => [...Object.values(s.env), ...Object.values(s.headers)]).filter((v) => v.length >= 4);
    reports = await withChildCleanup(() => scanServers(servers, { timeoutMs, limits: config.limits }, configPolicy(config)));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const n = e.issues.length;
    out.stderr(`${e.message}\n${n} problem${n === 1 ? '' : 's'} in ${file}\n`);
    return 2;
  }
  for (const r of reports) if (r.error !== undefined) r.error = redactText(r.error, secrets);
  out.stdout(format === 'json' ? `${JSON.stringify({ servers: reports }, null, 2)}\n` : formatScanText(reports));
  return worstVerdict(reports) === 'block' ? 1 : 0;
}

/** Verdicts under each server's `security.actions`, plus the gateway's cross-server collision check. */
function configPolicy(config: GatewayConfig): ScreenPolicy {
  return {
    classifier: config.security.classifier,
    verdict: (server, findings) => {
      const sc = config.servers[server];
      return sc ? verdictUnder(findings, sc.security.actions) : verdictUnder(findings, config.security.actions);
    },
    toolFindings: (server, tool, listings) => {
      const sc = config.servers[server];
      if (!sc) return [];
      const all = skeletonsOf(listings);
      const others = new Map([...all].filter(([name]) => name !== server));
      return collisionFindings(server, tool, sc, config, others);
    },
  };
}

/** Each listed server's tool names by confusable skeleton, computed once per set of listings. */
const skeletonCache = new WeakMap<readonly ServerListing[], Map<string, Map<string, string>>>();
function skeletonsOf(listings: readonly ServerListing[]): Map<string, Map<string, string>> {
  let out = skeletonCache.get(listings);
  if (!out) {
    out = new Map();
    for (const l of listings) {
      const m = new Map<string, string>();
      for (const t of l.tools) if (typeof t.name === 'string') m.set(skeleton(t.name), t.name);
      out.set(l.name, m);
    }
    skeletonCache.set(listings, out);
  }
  return out;
}
