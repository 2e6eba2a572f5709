import { describe, expect, it } from 'vitest';
import { resolveEnvRefs, type PathIssue } from './env.js';

function resolveOne(value: unknown, env: NodeJS.ProcessEnv) {
  const issues: PathIssue[] = [];
  return { value: resolveEnvRefs(value, env, issues), issues };
}

describe('resolveEnvRefs', () => {
  it('resolves references anywhere in string values, at any depth', () => {
    const { value, issues } = resolveOne({ a: 'x-${env:A}-${env:B}', l: [{ b: '${env:B}' }], n: 3, t: true, z: null }, { A: '1', B: '2' });
    expect(value).toEqual({ a: 'x-1-2', l: [{ b: '2' }], n: 3, t: true, z: null });
    expect(issues).toEqual([]);
  });

  it('uses the default when the variable is unset or empty (like the shell :-)', () => {
    expect(resolveOne('${env:A:-dflt}', {}).value).toBe('dflt');
    expect(resolveOne('${env:A:-dflt}', { A: '' }).value).toBe('dflt');
    expect(resolveOne('${env:A:-}', {}).value).toBe('');
    expect(resolveOne('${env:A:-http://h:8080/x}', {}).value).toBe('http://h:8080/x');
    expect(resolveOne('${env:A:-dflt}', { A: 'set' }).value).toBe('set');
  });

  it('an empty but set variable without default resolves to empty', () => {
    expect(resolveOne('${env:A}', { A: '' })).toEqual({ value: '', issues: [] });
  });

  it('reports a missing variable with its path', () => {
    const { issues } = resolveOne({ servers: { gh: { args: ['x', '${env:TOKEN}'] } } }, {});
    expect(issues).toEqual([
      {
        path: ['servers', 'gh', 'args', 1],
        problem: 'environment variable TOKEN is not set',
        expected: 'TOKEN to be set, or a default as ${env:TOKEN:-default}',
      },
    ]);
  });

  it('reports malformed and unterminated references', () => {
    expect(resolveOne('${env:1BAD}', {}).issues[0]?.problem).toBe('malformed environment reference "${env:1BAD}"');
    expect(resolveOne('${env:A', { A: 'x' }).issues[0]?.problem).toBe('unterminated environment reference "${env:"');
  });

  it('leaves other ${…} forms and map keys alone; $${ escapes', () => {
    expect(resolveOne({ '${env:K}': '${input:token} ${workspaceFolder}' }, {}).value).toEqual({ '${env:K}': '${input:token} ${workspaceFolder}' });
    expect(resolveOne('$${env:A}', { A: 'x' }).value).toBe('${env:A}');
  });

  it('does not let a __proto__ key change the prototype', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const out = resolveOne(doc, {}).value as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
