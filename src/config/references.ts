/**
 * Checks that span entries: `servers` vs `mcpServers`, unique prefixes, profiles naming servers
 * that exist. Runs on the document as written (env resolved) beside schema validation, so these
 * problems are reported together with any others.
 */
import type { PathIssue } from './env.js';
import { closest } from './hints.js';

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The servers map key used by the document (`servers`, else `mcpServers`). */
export function serversKey(doc: Record<string, unknown>): 'servers' | 'mcpServers' {
  return 'servers' in doc || !('mcpServers' in doc) ? 'servers' : 'mcpServers';
}

/** Finds cross-entry problems in a parsed document. */
export function checkReferences(doc: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isMap(doc)) return issues;
  if ('servers' in doc && 'mcpServers' in doc) {
    issues.push({
      path: ['mcpServers'],
      atKey: true,
      problem: 'both "servers" and "mcpServers" given',
      expected: 'only one of them (they are the same map under two names)',
    });
  }
  const key = serversKey(doc);
  const servers = isMap(doc[key]) ? doc[key] : {};
  const names = Object.keys(servers);

  const byPrefix = new Map<string, string>();
  for (const name of names) {
    const entry = servers[name];
    const explicit = isMap(entry) && typeof entry.prefix === 'string';
    const prefix = explicit ? (entry.prefix as string) : name;
    if (prefix === '') continue;
    const other = byPrefix.get(prefix);
    if (other === undefined) {
      byPrefix.set(prefix, name);
      continue;
    }
    issues.push({
      path: explicit ? [key, name, 'prefix'] : [key, name],
      atKey: !explicit,
      problem: `prefix "${prefix}" is already used by server "${other}"`,
      expected: 'a distinct prefix per server (or "" for no namespacing)',
    });
  }

  const profiles = isMap(doc.profiles) ? doc.profiles : {};
  for (const [pname, profile] of Object.entries(profiles)) {
    if (!isMap(profile) || !Array.isArray(profile.servers)) continue;
    profile.servers.forEach((s: unknown, i: number) => {
      if (typeof s !== 'string' || names.includes(s)) return;
      const hint = closest(s, names);
      issues.push({
        path: ['profiles', pname, 'servers', i],
        problem: `unknown server "${s}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        expected: names.length > 0 ? `one of ${names.join(', ')}` : `a server defined under "${key}"`,
      });
    });
  }
  return issues;
}
