/**
 * The default filter chain, in order. Later policies (authentication, RBAC, rate limits, screening,
 * guardrails, audit) slot in here.
 */
import type { GatewayConfig } from '../config/types.js';
import type { Filter } from '../pipeline/filter.js';
import { accessLogFilter } from './access-log.js';
import { deadlineFilter } from './deadline.js';
import { profileToolFilter } from './profile-tools.js';
import { sizeLimitFilter } from './size-limit.js';

/** Builds the default filters for a config generation. */
export function defaultFilters(config: GatewayConfig, isExposed: (profile: string, tool: string) => boolean): Filter[] {
  return [
    accessLogFilter(),
    deadlineFilter(config.limits.requestTimeoutMs, config.servers),
    sizeLimitFilter(config.limits.maxBodyBytes, config.limits.maxUpstreamMessageBytes),
    profileToolFilter(isExposed),
  ];
}
