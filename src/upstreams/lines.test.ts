import { describe, expect, it, vi } from 'vitest';
import { encodeHeaderValue } from '../protocol/param-headers.js';
import { LineSplitter } from './lines.js';
import { backoffDelay } from './negotiate.js';

describe('LineSplitter', () => {
  it('splits across chunks, strips CR, drops an oversize line and recovers', () => {
    const lines: string[] = [];
    const oversize = vi.fn();
    const s = new LineSplitter(8, (l) => lines.push(l.toString()), oversize);
    s.push(Buffer.from('ab'));
    s.push(Buffer.from('c\r\nde\n0123'));
    s.push(Buffer.from('456789xyz\nok\n'));
    expect(lines).toEqual(['abc', 'de', 'ok']);
    expect(oversize).toHaveBeenCalledOnce();
  });
});

describe('encodeHeaderValue', () => {
  it('keeps plain ASCII and base64-encodes everything else', () => {
    const b64 = (v: string) => `=?base64?${Buffer.from(v).toString('base64')}?=`;
    expect(encodeHeaderValue('get_weather')).toBe('get_weather');
    expect(encodeHeaderValue('file:///a b.txt')).toBe('file:///a b.txt');
    expect(encodeHeaderValue('café')).toBe(b64('café'));
    expect(encodeHeaderValue(' lead')).toBe(b64(' lead'));
    expect(encodeHeaderValue('a\nb')).toBe(b64('a\nb'));
    expect(encodeHeaderValue('=?base64?abc?=')).toBe(b64('=?base64?abc?='));
    expect(encodeHeaderValue('')).toBe(b64(''));
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and jitters within [50%, 100%]', () => {
    expect(backoffDelay(0, 100, 1000, () => 1)).toBe(100);
    expect(backoffDelay(2, 100, 1000, () => 1)).toBe(400);
    expect(backoffDelay(10, 100, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(10, 100, 1000, () => 0)).toBe(500);
  });
});
