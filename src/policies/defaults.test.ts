import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/load.js';
import { defaultFilters } from './defaults.js';

const ANY = { isExposed: () => true, hiddenReason: () => undefined };

describe('defaultFilters', () => {
  it('builds every filter in chain order by default, and only the configured ones otherwise', () => {
    const all = defaultFilters(parseConfigText('', 'p.yaml'), ANY);
    expect(all.map((f) => f.name)).toEqual(['access-log', 'deadline', 'size-limit', 'profile-tools']);
    const some = defaultFilters(parseConfigText('filters: [profile-tools, deadline]\n', 'p.yaml'), ANY);
    expect(some.map((f) => f.name)).toEqual(['deadline', 'profile-tools']);
    expect(defaultFilters(parseConfigText('filters: []\n', 'p.yaml'), ANY)).toEqual([]);
  });
});
