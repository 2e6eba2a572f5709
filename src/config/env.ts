/**
 * `${env:VAR}` and `${env:VAR:-default}` references in string values, resolved before validation.
 * `$${` writes a literal `${`. Resolved values never appear in problems (they may be secrets).
 */

/** A path into the parsed document: map keys and list indexes. */
export type ConfigPath = readonly (string | number)[];

/** A problem found before or beside schema validation, located by path. */
export interface PathIssue {
  path: ConfigPath;
  problem: string;
  expected: string;
  /** Point at the key rather than the value (unknown keys, bad names). */
  atKey?: boolean;
}

const REF = /\$\$\{|\$\{env:([^}]*)\}/g;
const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;
const EXPECTED = '${env:NAME} or ${env:NAME:-default} with NAME made of letters, digits and _';

/** Resolves references in one string; pushes a problem for each one that cannot be resolved. */
function resolveString(value: string, path: ConfigPath, env: NodeJS.ProcessEnv, issues: PathIssue[]): string {
  if (!value.includes('${')) return value;
  const out = value.replace(REF, (match, inner: string | undefined) => {
    if (match === '$${') return '${';
    const m = INNER.exec(inner ?? '');
    if (!m) {
      issues.push({ path, problem: `malformed environment reference "${match}"`, expected: EXPECTED });
      return '';
    }
    const name = m[1] ?? '';
    const fallback = m[2];
    const v = env[name];
    if (fallback !== undefined) return v === undefined || v === '' ? fallback : v;
    if (v === undefined) {
      issues.push({
        path,
        problem: `environment variable ${name} is not set`,
        expected: `${name} to be set, or a default as \${env:${name}:-default}`,
      });
      return '';
    }
    return v;
  });
  if (/\$\{input:/.test(value)) {
    issues.push({ path, problem: 'VS Code "${input:…}" prompts are not supported', expected: 'an ${env:NAME} reference or a literal value' });
  }
  if (/\$\{env:/.test(value.replace(REF, ''))) {
    issues.push({ path, problem: 'unterminated environment reference "${env:"', expected: EXPECTED });
  }
  return out;
}

/**
 * Returns a copy of `value` with every `${env:…}` reference in string values resolved from `env`.
 * Map keys are left as written. Problems are appended to `issues` with the path of the string.
 */
export function resolveEnvRefs(value: unknown, env: NodeJS.ProcessEnv, issues: PathIssue[], path: ConfigPath = []): unknown {
  if (typeof value === 'string') return resolveString(value, path, env, issues);
  if (Array.isArray(value)) return value.map((v, i) => resolveEnvRefs(v, env, issues, [...path, i]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, so a `__proto__` key stays a plain key (and is reported as unknown).
      Object.defineProperty(out, k, { value: resolveEnvRefs(v, env, issues, [...path, k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
