/**
 * Command-line parsing for the `portcullis` bin (node:util parseArgs). Pure: returns what to do,
 * or throws `UsageError`; `main.ts` does the printing and exiting.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../config/hints.js';

/** Options of `portcullis start`. */
export interface StartOptions {
  configPath?: string;
  port?: number;
  host?: string;
}

/** Options of `portcullis stdio`. */
export interface StdioOptions {
  configPath?: string;
  profile?: string;
}

/** What the command line asks for. */
export type Command =
  | { kind: 'start'; options: StartOptions }
  | { kind: 'stdio'; options: StdioOptions }
  | { kind: 'validate'; file: string }
  /** Commands that parse their own options (the rest of the command line). */
  | { kind: 'scan' | 'discover' | 'pins'; argv: string[] }
  | { kind: 'version' }
  | { kind: 'help' };

/** A command line that cannot be understood; main prints it with the usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The text of `portcullis --help`. */
export const USAGE = `Usage: portcullis <command> [options]

Commands:
  start [--config FILE] [--port N] [--host H]
                         Run the HTTP gateway (endpoint /mcp, profiles at /mcp/<profile>).
  stdio [--config FILE] [--profile P]
                         Serve one profile over stdin/stdout (for desktop clients).
  validate FILE          Check a config file; prints "ok: N servers, M profiles" or every problem.
  scan --tools FILE [--format json|text]
                         Screen a tools/list result (or an array of tools) offline; exit 1 if any is blocked.
  scan --config FILE [--format json|text]
                         Connect to the configured servers and screen everything they list.
  discover [--no-scan] [--wrap CLIENT | --unwrap CLIENT]
                         Find MCP client configs on this machine, list servers that bypass Portcullis,
                         scan them; --wrap routes a client through Portcullis (with a backup).
  pins list|show|approve|reject|forget|history [...]
                         Review and approve pinned definitions (quarantined changes). See docs/security.md.
  version                Print the version (also --version, -v).
  help                   Print this help (also --help, -h).

Config lookup for start and stdio: --config FILE (-c FILE), then $PORTCULLIS_CONFIG, then ./portcullis.yaml,
then a built-in default (the MCP "everything" demo server).
Docs: docs/config.md`;

const COMMANDS = ['start', 'stdio', 'validate', 'scan', 'discover', 'pins', 'version', 'help'];
const CONFIG = { type: 'string', short: 'c' } as const;
const HELP = { type: 'boolean', short: 'h' } as const;

/** Runs parseArgs, turning its errors into UsageError. */
function parse(args: string[], config: ParseArgsConfig, command: string): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\. To specify a positional.*$/s, '') : String(err);
    const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
    const known = Object.keys(config.options ?? {}).map((o) => `--${o}`);
    const hint = unknown === undefined ? undefined : closest(unknown, known);
    throw new UsageError(`${command}: ${message}${hint ? ` (did you mean ${hint}?)` : ''}`);
  }
}

function port(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new UsageError(`start: --port must be an integer from 0 to 65535, got "${s}"`);
  return n;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parses `process.argv.slice(2)`. @throws UsageError for unknown commands, flags or bad values. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return { kind: 'help' };
  if (first === 'version' || first === '--version' || first === '-v') {
    if (rest.length > 0) throw new UsageError(`version: unexpected argument "${rest[0] ?? ''}"`);
    return { kind: 'version' };
  }
  switch (first) {
    case 'start': {
      const { values } = parse(rest, { options: { config: CONFIG, port: { type: 'string' }, host: { type: 'string' }, help: HELP } }, first);
      if (values.help) return { kind: 'help' };
      const options: StartOptions = {};
      const configPath = str(values.config);
      const p = port(values.port);
      const host = str(values.host);
      if (configPath !== undefined) options.configPath = configPath;
      if (p !== undefined) options.port = p;
      if (host !== undefined) options.host = host;
      return { kind: 'start', options };
    }
    case 'stdio': {
      const { values } = parse(rest, { options: { config: CONFIG, profile: { type: 'string' }, help: HELP } }, first);
      if (values.help) return { kind: 'help' };
      const options: StdioOptions = {};
      const configPath = str(values.config);
      const profile = str(values.profile);
      if (configPath !== undefined) options.configPath = configPath;
      if (profile !== undefined) options.profile = profile;
      return { kind: 'stdio', options };
    }
    case 'validate': {
      const { values, positionals } = parse(rest, { options: { help: HELP }, allowPositionals: true }, first);
      if (values.help) return { kind: 'help' };
      if (positionals.length !== 1 || positionals[0] === undefined) {
        throw new UsageError(positionals.length === 0 ? 'validate: missing FILE' : 'validate: expects exactly one FILE');
      }
      return { kind: 'validate', file: positionals[0] };
    }
    case 'scan':
    case 'discover':
    case 'pins':
      return { kind: first, argv: rest };
    default: {
      if (first.startsWith('-')) throw new UsageError(`unknown option "${first}"; options come after the command`);
      const hint = closest(first, COMMANDS);
      throw new UsageError(`unknown command "${first}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
}
