import { describe, expect, it } from 'vitest';
import { compileGlobs, globToRegExp } from './glob.js';

describe('globs', () => {
  it('compiles globs with characters that are literal in names (-, ., /)', () => {
    const m = compileGlobs(['everything__get-*', 'a.b', 'x/y?']);
    expect(m('everything__get-sum')).toBe(true);
    expect(m('everything__getXsum')).toBe(false);
    expect(m('a.b')).toBe(true);
    expect(m('aXb')).toBe(false);
    expect(m('x/y1')).toBe(true);
    expect(globToRegExp('(z)|[q]{1}+^$\\').test('(z)|[q]{1}+^$\\')).toBe(true);
  });

  it('an empty list matches nothing', () => {
    expect(compileGlobs([])('anything')).toBe(false);
  });
});
