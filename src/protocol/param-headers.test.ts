import { describe, expect, it } from 'vitest';
import { checkParamHeaders, decodeHeaderValue, encodeHeaderValue, paramHeadersFor, paramHeadersOf } from './param-headers.js';

const schema = {
  type: 'object',
  properties: {
    region: { type: 'string', 'x-mcp-header': 'Region' },
    count: { type: 'integer', 'x-mcp-header': 'Count' },
    nested: { type: 'object', properties: { flag: { type: 'boolean', 'x-mcp-header': 'Flag' } } },
  },
};

describe('x-mcp-header', () => {
  it('encodes unsafe values with the base64 sentinel and decodes strictly', () => {
    expect(encodeHeaderValue('us-west1')).toBe('us-west1');
    expect(encodeHeaderValue('Hello, 世界')).toBe('=?base64?SGVsbG8sIOS4lueVjA==?=');
    expect(encodeHeaderValue(' padded ')).toBe('=?base64?IHBhZGRlZCA=?=');
    expect(decodeHeaderValue('=?base64?SGVsbG8=?=')).toBe('Hello');
    expect(decodeHeaderValue('=?base64?SGVsbG8?=')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?SGVs!!!bG8=?=')).toBeUndefined();
    expect(decodeHeaderValue('SGVsbG8=')).toBe('SGVsbG8=');
    expect(decodeHeaderValue('  x  ')).toBe('x');
  });

  it('finds annotated parameters reachable through properties only', () => {
    expect(paramHeadersOf(schema)).toEqual([
      { header: 'mcp-param-region', path: ['region'] },
      { header: 'mcp-param-count', path: ['count'] },
      { header: 'mcp-param-flag', path: ['nested', 'flag'] },
    ]);
    expect(paramHeadersOf({ type: 'object', properties: { a: { type: 'array', items: { type: 'string', 'x-mcp-header': 'A' } } } })).toBeInstanceOf(Error);
    expect(paramHeadersOf({ type: 'object', properties: { a: { type: 'number', 'x-mcp-header': 'A' } } })).toBeInstanceOf(Error);
    expect(paramHeadersOf({ type: 'object', properties: { a: { type: 'string', 'x-mcp-header': 'A' }, b: { type: 'string', 'x-mcp-header': 'a' } } })).toBeInstanceOf(Error);
  });

  it('builds headers for a call and validates what a client sent', () => {
    const args = { region: 'Hello, 世界', count: 42, nested: { flag: true } };
    const headers = paramHeadersFor(schema, args);
    expect(headers).toEqual({ 'mcp-param-region': '=?base64?SGVsbG8sIOS4lueVjA==?=', 'mcp-param-count': '42', 'mcp-param-flag': 'true' });
    expect(checkParamHeaders(schema, args, headers)).toBeUndefined();
    expect(checkParamHeaders(schema, args, { ...headers, 'mcp-param-count': '42.0' })).toBeUndefined();
    expect(checkParamHeaders(schema, args, { ...headers, 'mcp-param-region': 'other' })).toMatch(/does not match/);
    const { 'mcp-param-flag': _f, ...missing } = headers;
    expect(checkParamHeaders(schema, args, missing)).toMatch(/required/);
    expect(checkParamHeaders(schema, { region: 'x' }, { 'mcp-param-region': 'x', 'mcp-param-count': '1' })).toMatch(/absent/);
  });
});
