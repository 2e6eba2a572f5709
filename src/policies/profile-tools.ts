/**
 * Profile tool filter: a profile exposes only the tools its allow/deny globs select. Lists are
 * already filtered when the profile's catalog view is built (so pages stay full and cacheable); this
 * filter is the enforcement point on calls: a call to a tool outside the profile is refused and the
 * decision recorded, whatever name the client guessed.
 */
import { PortcullisError, toWireError } from '../errors.js';
import type { Filter } from '../pipeline/filter.js';

/** What the filter asks the catalog. */
export interface ToolLookup {
  /** The tool is in the profile's view. */
  isExposed(profile: string, tool: string): boolean;
  /** Why the surface guard hides the tool in the profile (quarantined, blocked), if it does. */
  hiddenReason(profile: string, tool: string): string | undefined;
}

/** Creates the profile tool filter for the configured profiles. */
export function profileToolFilter(tools: ToolLookup): Filter {
  return {
    name: 'profile-tools',
    methods: ['tools/call'],
    handle(ex, next) {
      const name = ex.message.params?.name;
      if (typeof name === 'string' && !tools.isExposed(ex.client.profile, name)) {
        const hidden = tools.hiddenReason(ex.client.profile, name);
        if (hidden !== undefined) {
          ex.decisions.push({ filter: 'profile-tools', action: 'deny', reason: `tool ${name.slice(0, 128)} is ${hidden}` });
          return Promise.resolve({ error: toWireError(new PortcullisError('PORTCULLIS_ERR_QUARANTINED', `Tool ${name.slice(0, 128)} is unavailable: ${hidden}`)) });
        }
        ex.decisions.push({ filter: 'profile-tools', action: 'deny', reason: `tool ${name.slice(0, 128)} is not in profile ${ex.client.profile}` });
        return Promise.resolve({ error: toWireError(new PortcullisError('PORTCULLIS_ERR_UNKNOWN_TOOL', `Unknown tool: ${name.slice(0, 128)}`)) });
      }
      return next();
    },
  };
}
