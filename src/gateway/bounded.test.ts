import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded.js';

describe('mapBounded', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([50, 10, 30, 0, 20, 5, 40], 3, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:50', '1:10', '2:30', '3:0', '4:20', '5:5', '6:40']);
    expect(peak).toBe(3);
  });

  it('handles an empty list and a limit of one', async () => {
    expect(await mapBounded([], 4, async (x: number) => x)).toEqual([]);
    const seen: number[] = [];
    await mapBounded([1, 2, 3], 1, async (x) => {
      seen.push(x);
    });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects when one call fails', async () => {
    await expect(mapBounded([1, 2], 2, async (x) => { if (x === 2) throw new Error('boom'); return x; })).rejects.toThrow('boom');
  });
});
