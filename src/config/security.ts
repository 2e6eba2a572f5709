/**
 * The `security:` and `state:` sections of `portcullis.yaml`, and the per-server / per-profile
 * `security:` overrides: what screening findings do (by severity), how definitions are pinned,
 * and where pins are kept. Schema, defaults and normalisation live together here.
 */
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { SecurityConfig, SeverityAction, SeverityActions, StateConfig, TlsPin } from './types.js';

/** The severities of screening findings, strongest first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** What a finding of some severity does, strongest first. */
export const ACTIONS = ['block', 'quarantine', 'warn', 'allow'] as const;

/** Default actions: strong signals block, medium ones wait for an admin, weak ones are logged. */
export const DEFAULT_ACTIONS: SeverityActions = { critical: 'block', high: 'block', medium: 'quarantine', low: 'warn', info: 'allow' };

const numeric = (v: unknown): unknown => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
const boolish = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);
const int = (min: number) => z.preprocess(numeric, z.number().int().min(min));
const bool = z.preprocess(boolish, z.boolean());
const nullIsAbsent = (v: unknown): unknown => (v === null ? undefined : v);

const action = z.enum(ACTIONS);
const actionsSchema = z.strictObject({ critical: action.optional(), high: action.optional(), medium: action.optional(), low: action.optional(), info: action.optional() });
const mode = z.enum(['tofu', 'preapproved']);
const newItems = z.enum(['auto-if-clean', 'require-approval']);
/** `pinTls`: off, the certificate (`true` or `certificate`; every renewal is a change) or its public key (`key`; survives renewals that keep the key). */
const pinTls = z.union([bool, z.enum(['certificate', 'key'])], { error: 'expected false, true (the certificate), "certificate" or "key" (the public key)' }).transform((v): TlsPin => (v === true ? 'certificate' : v));

/** `servers.<name>.security`: overrides for one server. */
export const serverSecuritySchema = z.preprocess(
  nullIsAbsent,
  z.strictObject({ actions: actionsSchema.optional(), mode: mode.optional(), newItems: newItems.optional(), pinTls: pinTls.optional() }).optional(),
);

/** `profiles.<name>.security`: stricter actions for one profile. */
export const profileSecuritySchema = z.preprocess(nullIsAbsent, z.strictObject({ actions: actionsSchema.optional() }).optional());

/** The top-level `security:` section. */
export const securitySchema = z.preprocess(
  nullIsAbsent,
  z
    .strictObject({
      screening: bool.default(true),
      classifier: bool.default(true),
      pinning: bool.default(true),
      actions: actionsSchema.default({}),
      mode: mode.default('tofu'),
      newItems: newItems.default('auto-if-clean'),
      refreshIntervalMs: int(0).default(300_000),
      pinTls: pinTls.default(false),
      judge: z.strictObject({ url: z.url({ protocol: /^https?$/ }), timeoutMs: int(1).default(5000), concurrency: z.preprocess(numeric, z.number().int().min(1).max(64)).default(8), headers: z.record(z.string(), z.string()).default({}) }).optional(),
    })
    .prefault({}),
);

/** The top-level `state:` section. */
export const stateSchema = z.preprocess(nullIsAbsent, z.strictObject({ dir: z.string().min(1).optional(), pins: z.enum(['sqlite', 'memory']).default('sqlite') }).prefault({}));

/** Fills unset severities from `base`. */
export function mergeActions(base: SeverityActions, over: Partial<Record<keyof SeverityActions, SeverityAction | undefined>> | undefined): SeverityActions {
  const out = { ...base };
  if (over) for (const s of SEVERITIES) if (over[s] !== undefined) out[s] = over[s];
  return out;
}

/** The stronger of two actions. */
export function stricter(a: SeverityAction, b: SeverityAction): SeverityAction {
  return ACTIONS.indexOf(a) <= ACTIONS.indexOf(b) ? a : b;
}

/** Normalises the `security:` section. */
export function toSecurity(raw: z.output<typeof securitySchema>): SecurityConfig {
  const out: SecurityConfig = {
    screening: raw.screening,
    classifier: raw.classifier,
    pinning: raw.pinning,
    actions: mergeActions(DEFAULT_ACTIONS, raw.actions),
    mode: raw.mode,
    newItems: raw.newItems,
    refreshIntervalMs: raw.refreshIntervalMs,
    pinTls: raw.pinTls,
  };
  if (raw.judge) out.judge = { ...raw.judge };
  return out;
}

/**
 * Normalises `state:`. The directory: `state.dir` (relative to the config file), else
 * `$PORTCULLIS_STATE_DIR`, else `$XDG_STATE_HOME/portcullis`, else `~/.local/state/portcullis`.
 */
export function toState(raw: z.output<typeof stateSchema>, source: string, env: NodeJS.ProcessEnv): StateConfig {
  const base = isAbsolute(source) ? dirname(source) : process.cwd();
  const dir =
    raw.dir !== undefined
      ? resolve(base, expandHome(raw.dir))
      : env.PORTCULLIS_STATE_DIR
        ? resolve(expandHome(env.PORTCULLIS_STATE_DIR))
        : join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'portcullis');
  return { dir, pins: raw.pins };
}

const expandHome = (p: string): string => (p === '~' || p.startsWith('~/') ? join(homedir(), p.slice(1)) : p);
