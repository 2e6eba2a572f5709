import { describe, expect, it } from 'vitest';
import { assignUniqueNames, fitName, MAX_NAME_LENGTH, namespacedName } from './names.js';
import { compileGlobs } from './glob.js';

describe('names', () => {
  it('joins prefix and name, or keeps the name without a prefix', () => {
    expect(namespacedName('github', '__', 'create_issue')).toBe('github__create_issue');
    expect(namespacedName('', '__', 'echo')).toBe('echo');
  });

  it('shortens long names deterministically within the limit', () => {
    const long = `server__${'x'.repeat(80)}`;
    const a = fitName(long);
    expect(a.length).toBe(MAX_NAME_LENGTH);
    expect(fitName(long)).toBe(a);
    expect(fitName(`${long}y`)).not.toBe(a);
    expect(fitName('short')).toBe('short');
  });

  it('makes colliding names unique, independent of input order', () => {
    const c1 = { wanted: 'echo', key: 'a\u0000echo' };
    const c2 = { wanted: 'echo', key: 'b\u0000echo' };
    const one = assignUniqueNames([c1, c2]);
    const two = assignUniqueNames([c2, c1]);
    expect(one[0]).toBe('echo');
    expect(one[1]).not.toBe('echo');
    expect(two[1]).toBe('echo');
    expect(two[0]).toBe(one[1]);
    expect(new Set(one).size).toBe(2);
  });

  it('keeps names unique after shortening two long names with a common head', () => {
    const head = 'p__' + 'a'.repeat(70);
    const names = assignUniqueNames([
      { wanted: `${head}1`, key: '1' },
      { wanted: `${head}2`, key: '2' },
    ]);
    expect(names[0]).not.toBe(names[1]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  });
});

describe('globs', () => {
  it('matches * and ? and escapes regex characters', () => {
    const m = compileGlobs(['fs__read_*', 'a.b?']);
    expect(m('fs__read_file')).toBe(true);
    expect(m('fs__write_file')).toBe(false);
    expect(m('a.bc')).toBe(true);
    expect(m('axbc')).toBe(false);
    expect(compileGlobs([])('x')).toBe(false);
  });
});
