/**
 * The screening engine (issue 4): offline, deterministic screening of every model-visible string
 * of an MCP server's surface, with an optional second opinion over HTTP (off by default).
 */
export { screenItem } from './engine.js';
export { createHttpJudge, type HttpJudgeOptions, type Judge } from './judge.js';
export { skeleton } from './normalise.js';
export { DEFAULT_VERDICT_POLICY, verdictFor } from './verdict.js';
export { makeVisible } from './visible.js';
export type { Finding, ItemKind, ScreenContext, ScreenItem, Severity, Verdict, VerdictPolicy } from './types.js';
