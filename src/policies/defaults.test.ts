import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/load.js';
import { defaultFilters } from './defaults.js';

describe('defaultFilters', () => {
  it('builds every filter in chain order by default, and only the configured ones otherwise', () => {
    const all = defaultFilters(parseConfigText('', 'p.yaml'), () => true);
    expect(all.map((f) => f.name)).toEqual(['access-log', 'deadline', 'size-limit', 'profile-tools']);
    const some = defaultFilters(parseConfigText('filters: [profile-tools, deadline]\n', 'p.yaml'), () => true);
    expect(some.map((f) => f.name)).toEqual(['deadline', 'profile-tools']);
    expect(defaultFilters(parseConfigText('filters: []\n', 'p.yaml'), () => true)).toEqual([]);
  });
});
