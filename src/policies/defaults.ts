/**
 * The default filter chain, in order. Later policies (authentication, RBAC, rate limits, screening,
 * guardrails, audit) slot in here.
 */
import type { GatewayConfig } from '../config/types.js';
import type { Filter } from '../pipeline/filter.js';
import { accessLogFilter } from './access-log.js';
import { deadlineFilter } from './deadline.js';
import { profileToolFilter, type ToolLookup } from './profile-tools.js';
import { sizeLimitFilter } from './size-limit.js';

/**
 * Builds the filters a config generation enables (`filters:` in the YAML; all by default), in chain
 * order. With none, the router still enforces profiles (unknown tools are refused) and the upstream
 * client still enforces each server's deadline; the filters add the records and the bounds.
 */
export function defaultFilters(config: GatewayConfig, tools: ToolLookup): Filter[] {
  const on = new Set(config.filters);
  const all: [string, () => Filter][] = [
    ['access-log', () => accessLogFilter()],
    ['deadline', () => deadlineFilter(config.limits.requestTimeoutMs, config.servers)],
    ['size-limit', () => sizeLimitFilter(config.limits.maxResultBytes)],
    ['profile-tools', () => profileToolFilter(tools)],
  ];
  return all.filter(([name]) => on.has(name)).map(([, make]) => make());
}
