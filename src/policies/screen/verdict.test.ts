import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from './types.js';
import { verdictFor } from './verdict.js';

const f = (severity: Severity): Finding => ({ rule: 'r', severity, field: 'description', evidence: 'e', message: 'm' });

describe('verdictFor', () => {
  it('uses high for block and medium for review by default', () => {
    expect(verdictFor([])).toBe('allow');
    expect(verdictFor([f('info'), f('low')])).toBe('allow');
    expect(verdictFor([f('low'), f('medium')])).toBe('review');
    expect(verdictFor([f('medium'), f('high')])).toBe('block');
    expect(verdictFor([f('critical')])).toBe('block');
  });

  it('follows a custom policy', () => {
    expect(verdictFor([f('high')], { block: 'critical', review: 'low' })).toBe('review');
    expect(verdictFor([f('low')], { block: 'critical', review: 'low' })).toBe('review');
    expect(verdictFor([f('medium')], { block: 'medium', review: 'low' })).toBe('block');
  });
});
