import { describe, expect, it, vi } from 'vitest';
import { ParamHeaderRegistry } from './param-headers.js';

const tool = (name: string, properties: Record<string, unknown>) => ({ name, inputSchema: { type: 'object', properties } });

describe('x-mcp-header (SEP-2243)', () => {
  it('drops invalid tools from tools/list and builds encoded headers for calls', () => {
    const onInvalid = vi.fn();
    const reg = new ParamHeaderRegistry(100, onInvalid);
    const result = reg.learn({
      tools: [
        tool('sql', { region: { type: 'string', 'x-mcp-header': 'Region' }, n: { type: 'integer', 'x-mcp-header': 'N' }, f: { type: 'boolean', 'x-mcp-header': 'F' } }),
        tool('bad', { x: { type: 'object', 'x-mcp-header': 'X' } }),
        tool('plain', { x: { type: 'string' } }),
      ],
      nextCursor: 'c',
    });
    expect((result.tools as { name: string }[]).map((t) => t.name)).toEqual(['sql', 'plain']);
    expect(result.nextCursor).toBe('c');
    expect(onInvalid).toHaveBeenCalledWith('bad', expect.any(String));
    expect(reg.headersFor('sql', { region: 'Hello, 世界', n: 42, f: false })).toEqual({
      'mcp-param-region': `=?base64?${Buffer.from('Hello, 世界').toString('base64')}?=`,
      'mcp-param-n': '42',
      'mcp-param-f': 'false',
    });
    expect(reg.headersFor('sql', { region: 'us-west1' })).toEqual({ 'mcp-param-region': 'us-west1' });
    expect(reg.headersFor('plain', { x: 'y' })).toEqual({});
  });
});
