/**
 * The zod schema for `portcullis.yaml`: strict (unknown keys are errors), with plain defaults
 * applied. Derived defaults (transport inference, prefixes, allowed hosts, the `default` profile)
 * are filled in by `normalise.ts`; cross-references (profile → server) are checked by
 * `references.ts`, so every problem is reported in one pass.
 */
import { z } from 'zod';
import { profileSecuritySchema, securitySchema, serverSecuritySchema, stateSchema } from './security.js';

/** Server and profile names. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** Characters allowed in exposed tool names (and so in prefixes, separators and renames). */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
const PREFIX_PATTERN = /^[A-Za-z0-9_.-]{0,64}$/;
const SEPARATOR_PATTERN = /^[A-Za-z0-9_.-]{1,8}$/;
/** `*`, or `scheme://host[:port|:*]` where host may be `*` or start with `*.`. */
const ORIGIN_PATTERN = /^(\*|[a-z][a-z0-9+.-]*:\/\/(\*|(\*\.)?[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(:(\d{1,5}|\*))?)$/;
/** `*`, or `host[:port|:*]` where host may be `*` or start with `*.`. */
const HOST_PATTERN = /^(\*|(\*|(\*\.)?[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(:(\d{1,5}|\*))?)$/;

/** Log levels pino accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Plain defaults (see docs/config.md). */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  limits: {
    maxBodyBytes: 4 * 1024 * 1024,
    maxUpstreamMessageBytes: 16 * 1024 * 1024,
    maxResultBytes: 8 * 1024 * 1024,
    requestTimeoutMs: 60_000,
    sessionIdleMs: 30 * 60_000,
    maxSessions: 10_000,
  },
  logLevel: 'info',
  namespaceSeparator: '__',
  era: 'auto',
  maxInFlight: 64,
  restart: { initialDelayMs: 500, maxDelayMs: 30_000 },
} as const;

const numeric = (v: unknown): unknown => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
const boolish = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);
const stringish = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
const nullIsAbsent = (v: unknown): unknown => (v === null ? undefined : v);

/** An integer in range; numeric strings (e.g. from `${env:PORT}`) are accepted. */
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.preprocess(numeric, z.number().int().min(min).max(max));
const bool = z.preprocess(boolish, z.boolean());
/** A string; numbers and booleans are written as strings (YAML `8080` in `args`). */
const str = z.preprocess(stringish, z.string());
const nonEmpty = z.preprocess(stringish, z.string().min(1));
const stringMap = z.record(z.string(), str);
const pattern = (re: RegExp, error: string) => z.string().regex(re, { error });
const name = pattern(NAME_PATTERN, 'invalid name; expected 1-32 letters, digits, _ or -');
const glob = z.string().min(1);

/** A section that may be written as an empty key (`listen:`), meaning all defaults. */
const section = <T extends z.ZodType>(schema: T) => z.preprocess(nullIsAbsent, schema);

const listenSchema = z.strictObject({
  host: nonEmpty.default(DEFAULTS.host),
  port: int(0, 65535).default(DEFAULTS.port),
  allowedOrigins: z
    .array(pattern(ORIGIN_PATTERN, 'invalid origin pattern; expected "*" or scheme://host[:port|:*], e.g. "https://app.example.com:*"'))
    .optional(),
  allowedHosts: z
    .array(pattern(HOST_PATTERN, 'invalid host pattern; expected "*" or host[:port|:*], e.g. "gateway.internal:*"'))
    .optional(),
});

const limitsSchema = z.strictObject({
  maxBodyBytes: int(1).default(DEFAULTS.limits.maxBodyBytes),
  maxUpstreamMessageBytes: int(1).default(DEFAULTS.limits.maxUpstreamMessageBytes),
  maxResultBytes: int(1).default(DEFAULTS.limits.maxResultBytes),
  requestTimeoutMs: int(1).default(DEFAULTS.limits.requestTimeoutMs),
  sessionIdleMs: int(1).default(DEFAULTS.limits.sessionIdleMs),
  maxSessions: int(1).default(DEFAULTS.limits.maxSessions),
});

const loggingSchema = z.strictObject({ level: z.enum(LOG_LEVELS).default(DEFAULTS.logLevel) });

const restartSchema = z.strictObject({
  initialDelayMs: int(0).default(DEFAULTS.restart.initialDelayMs),
  maxDelayMs: int(0).default(DEFAULTS.restart.maxDelayMs),
});

/** The transport keywords that Claude Desktop, Cursor, VS Code and Claude Code write in `type`. */
export const SERVER_TYPES = ['stdio', 'http', 'streamable-http', 'sse'] as const;
const STDIO_ONLY = ['args', 'env', 'cwd'] as const;

/** Checks one server entry's shape: exactly one of `command`/`url`, and keys that fit it. */
function checkServerShape(s: z.output<typeof serverFields>, ctx: z.RefinementCtx): void {
  const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (s.command === undefined && s.url === undefined) {
    issue([], 'neither command nor url given; expected "command" (a stdio server) or "url" (a remote server)');
    return;
  }
  if (s.command !== undefined && s.url !== undefined) {
    issue(['url'], 'both command and url given; expected only one of them');
    return;
  }
  if (s.command !== undefined) {
    if (s.type !== undefined && s.type !== 'stdio') issue(['type'], `type "${s.type}" with a command; expected "stdio" or no type`);
    if (s.headers !== undefined) issue(['headers'], 'headers on a stdio server; expected headers only with "url"');
    return;
  }
  if (s.type === 'stdio') issue(['type'], 'type "stdio" with a url; expected "http", "streamable-http", "sse" or no type');
  for (const k of STDIO_ONLY) if (s[k] !== undefined) issue([k], `"${k}" on a remote server; expected "${k}" only with "command"`);
  let ok: boolean;
  try {
    const u = new URL(s.url ?? '');
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) issue(['url'], 'not an absolute http(s) URL; expected e.g. "https://mcp.example.com/mcp"');
}

const serverFields = z.strictObject({
  type: z.enum(SERVER_TYPES).optional(),
  command: nonEmpty.optional(),
  args: z.array(str).optional(),
  env: stringMap.optional(),
  cwd: nonEmpty.optional(),
  url: nonEmpty.optional(),
  headers: stringMap.optional(),
  era: z.enum(['auto', 'legacy', 'modern']).default(DEFAULTS.era),
  prefix: pattern(PREFIX_PATTERN, 'invalid prefix; expected "" or up to 64 letters, digits, _, . or -').optional(),
  timeoutMs: int(1).optional(),
  maxInFlight: int(1, 1_000_000).default(DEFAULTS.maxInFlight),
  restart: section(restartSchema.prefault({})),
  disabled: bool.default(false),
  security: serverSecuritySchema,
});

/** One server entry, as Claude Desktop / Cursor / VS Code write it, plus Portcullis extras. */
export const serverSchema = serverFields.superRefine(checkServerShape);

const serversSchema = section(z.record(name, serverSchema).optional());

const profileSchema = z.strictObject({
  servers: z.array(name).optional(),
  tools: section(
    z.strictObject({ allow: z.array(glob).default([]), deny: z.array(glob).default([]) }).prefault({}),
  ),
  rename: section(
    z.record(z.string(), pattern(TOOL_NAME_PATTERN, 'invalid tool name; expected 1-128 letters, digits, _, . or -')).default({}),
  ),
  descriptions: section(z.record(z.string(), z.string()).default({})),
  security: profileSecuritySchema,
});

/** The filters of the default pipeline, in chain order. */
export const FILTER_NAMES = ['access-log', 'deadline', 'size-limit', 'profile-tools'] as const;

/** The whole `portcullis.yaml` document. */
export const configSchema = z.strictObject({
  listen: section(listenSchema.prefault({})),
  limits: section(limitsSchema.prefault({})),
  logging: section(loggingSchema.prefault({})),
  namespaceSeparator: pattern(SEPARATOR_PATTERN, 'invalid separator; expected 1-8 letters, digits, _, . or -').default(
    DEFAULTS.namespaceSeparator,
  ),
  servers: serversSchema,
  mcpServers: serversSchema,
  profiles: section(z.record(name, section(profileSchema.prefault({}))).default({})),
  filters: z.array(z.enum(FILTER_NAMES)).default([...FILTER_NAMES]),
  security: securitySchema,
  state: stateSchema,
});

/** The validated document before normalisation. */
export type RawConfig = z.output<typeof configSchema>;
/** One validated server entry before normalisation. */
export type RawServer = z.output<typeof serverSchema>;
