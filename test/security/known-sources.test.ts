import { describe, expect, it } from 'vitest';
import { knownSources, sourceName } from './known-sources.js';

describe('known sources (the exclusion list for the next independent set)', () => {
  it('names npm packages and GitHub repositories', () => {
    expect(sourceName('https://www.npmjs.com/package/@scope/pkg-mcp')).toBe('@scope/pkg-mcp');
    expect(sourceName('https://www.npmjs.com/package/plain-mcp/')).toBe('plain-mcp');
    expect(sourceName('https://github.com/owner/repo.git')).toBe('owner/repo');
    expect(sourceName('https://github.com/owner/repo/tree/main/src')).toBe('owner/repo');
    expect(sourceName('written for Portcullis')).toBeUndefined();
  });

  it('covers the sources of the first set, the training data and the newest set', () => {
    const all = knownSources();
    expect(all).toContain('microsoft/playwright-mcp');
    expect(all).toContain('xcodebuildmcp');
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
  });
});
