import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './lines.js';

function collect(max: number, chunks: (string | Buffer)[]): Promise<{ lines: string[]; oversized: number }> {
  const input = new PassThrough();
  const lines: string[] = [];
  let oversized = 0;
  return new Promise((resolve) => {
    let done = false;
    readLines(input, max, {
      line: (l) => lines.push(l),
      oversized: () => oversized++,
      end: () => {
        if (done) return;
        done = true;
        resolve({ lines, oversized });
      },
    });
    for (const c of chunks) input.write(c);
    input.end();
  });
}

describe('readLines', () => {
  it('splits lines across chunk boundaries and strips CR', async () => {
    const r = await collect(100, ['{"a":', '1}\r\n{"b"', ':2}\n']);
    expect(r.lines).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('drops an oversized line without buffering it, then continues', async () => {
    const big = 'x'.repeat(50);
    const r = await collect(20, [big, big, '\nok\n', `${big}\nfine\n`]);
    expect(r.lines).toEqual(['ok', 'fine']);
    expect(r.oversized).toBe(2);
  });

  it('keeps multi-byte characters split across chunks intact', async () => {
    const bytes = Buffer.from('{"t":"héllo"}\n');
    const r = await collect(100, [bytes.subarray(0, 8), bytes.subarray(8)]);
    expect(r.lines).toEqual(['{"t":"héllo"}']);
  });
});
