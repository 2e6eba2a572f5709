import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './hints.js';

describe('hints', () => {
  it('counts edits, with adjacent swaps as one', () => {
    expect(editDistance('port', 'port')).toBe(0);
    expect(editDistance('prot', 'port')).toBe(1);
    expect(editDistance('comand', 'command')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close keys, ignoring case, _ and -', () => {
    const keys = ['command', 'args', 'env', 'cwd', 'url', 'headers', 'maxInFlight', 'timeoutMs'];
    expect(closest('comand', keys)).toBe('command');
    expect(closest('max_in_flight', keys)).toBe('maxInFlight');
    expect(closest('TimeoutMS', keys)).toBe('timeoutMs');
    expect(closest('autoApprove', keys)).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
    expect(closest('b', ['a'])).toBeUndefined();
    expect(closest('A', ['a'])).toBe('a');
  });
});
