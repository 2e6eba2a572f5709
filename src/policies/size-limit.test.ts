import { describe, expect, it } from 'vitest';
import { payloadSize, sizeLimitFilter } from './size-limit.js';
import type { Exchange } from '../pipeline/exchange.js';

describe('size-limit', () => {
  it('estimates result payloads from their bulk strings', () => {
    expect(payloadSize({ content: [{ type: 'text', text: 'abc' }, { type: 'image', data: 'xxxx', mimeType: 'image/png' }] })).toBe(7);
    expect(payloadSize({ contents: [{ uri: 'u', blob: 'b'.repeat(10) }] })).toBe(10);
    expect(payloadSize({ messages: [{ role: 'user', content: { type: 'resource', resource: { uri: 'u', text: 'hello' } } }] })).toBe(5);
    expect(payloadSize({ content: [], structuredContent: { a: 1 } })).toBe(7);
  });

  it('refuses results over the limit and passes the rest', async () => {
    const f = sizeLimitFilter(10);
    const ex = { decisions: [] } as unknown as Exchange;
    const big = await f.handle(ex, async () => ({ result: { content: [{ type: 'text', text: 'x'.repeat(11) }] } }));
    expect(big).toMatchObject({ error: { data: { portcullis: 'PORTCULLIS_ERR_TOO_LARGE' } } });
    expect(ex.decisions[0]).toMatchObject({ filter: 'size-limit', action: 'deny' });
    const ok = await f.handle(ex, async () => ({ result: { content: [{ type: 'text', text: 'fine' }] } }));
    expect(ok).toEqual({ result: { content: [{ type: 'text', text: 'fine' }] } });
  });
});
