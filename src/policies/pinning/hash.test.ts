import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from './hash.js';

const sha = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

describe('canonicalHash', () => {
  it('is sha256 over RFC 8785 JSON', () => {
    expect(canonicalHash({ b: 1, a: [true, null, 'x'] })).toBe(sha('{"a":[true,null,"x"],"b":1}'));
    expect(canonicalHash('instructions')).toBe(sha('"instructions"'));
    expect(canonicalHash({ n: 1e21, m: 0.1 })).toBe(sha('{"m":0.1,"n":1e+21}'));
  });

  it('does not depend on key order or whitespace', () => {
    const a = JSON.parse('{"name":"t","inputSchema":{"type":"object","properties":{"x":{"type":"string"},"y":{"type":"number"}}}}') as unknown;
    const b = JSON.parse('{ "inputSchema" : { "properties" : { "y":{"type":"number"} , "x" : {"type":"string"} }, "type":"object" },\n "name" : "t" }') as unknown;
    expect(canonicalHash(a)).toBe(canonicalHash(b));
  });

  it('changes with any content change, including whitespace inside strings', () => {
    const base = canonicalHash({ name: 't', description: 'Adds numbers' });
    expect(canonicalHash({ name: 't', description: 'Adds numbers ' })).not.toBe(base);
    expect(canonicalHash({ name: 't', description: 'Adds numbers', title: 'x' })).not.toBe(base);
    expect(canonicalHash([1, 2])).not.toBe(canonicalHash([2, 1]));
  });

  it('ignores a top-level _meta but not a nested one', () => {
    const def = { name: 't', description: 'd' };
    expect(canonicalHash({ ...def, _meta: { traceId: 'abc', ts: 1 } })).toBe(canonicalHash(def));
    expect(canonicalHash({ ...def, inputSchema: { _meta: 1 } })).not.toBe(canonicalHash({ ...def, inputSchema: {} }));
  });

  it('pins the _meta keys that change what the client renders or allows (MCP Apps ui, openai/…)', () => {
    const def = { name: 't', description: 'd' };
    const ui = (resourceUri: string, extra: Record<string, unknown> = {}) => ({ ...def, _meta: { ui: { resourceUri, ...extra }, traceId: 'x' } });
    expect(canonicalHash(ui('ui://app/a'))).not.toBe(canonicalHash(def));
    expect(canonicalHash(ui('ui://app/a'))).not.toBe(canonicalHash(ui('ui://evil/b')));
    expect(canonicalHash(ui('ui://app/a'))).not.toBe(canonicalHash(ui('ui://app/a', { permissions: { camera: {} } })));
    // The trace id beside it still does not count.
    expect(canonicalHash(ui('ui://app/a'))).toBe(canonicalHash({ ...ui('ui://app/a'), _meta: { ui: { resourceUri: 'ui://app/a' }, traceId: 'y' } }));
    expect(canonicalHash({ ...def, _meta: { 'ui/resourceUri': 'ui://a' } })).not.toBe(canonicalHash({ ...def, _meta: { 'ui/resourceUri': 'ui://b' } }));
    expect(canonicalHash({ ...def, _meta: { 'openai/outputTemplate': 'ui://a' } })).not.toBe(canonicalHash({ ...def, _meta: { 'openai/outputTemplate': 'ui://b' } }));
    // A listing whose _meta holds no pinned key hashes as before.
    expect(canonicalHash({ ...def, _meta: { 'io.example/x': 1 } })).toBe(canonicalHash(def));
  });

  it('preserves unicode exactly (no normalisation): NFC vs NFD, invisible characters', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(canonicalHash({ d: nfc })).not.toBe(canonicalHash({ d: nfd }));
    expect(canonicalHash({ d: 'ab' })).not.toBe(canonicalHash({ d: 'a\u200bb' }));
    expect(canonicalHash({ d: 'a\u{E0041}' })).not.toBe(canonicalHash({ d: 'a' }));
    expect(canonicalHash({ d: '日本語 🙂' })).toBe(sha('{"d":"日本語 🙂"}'));
  });

  it('hashes lone surrogates in their own domain instead of throwing', () => {
    const lone = JSON.parse('{"d":"x\\ud800"}') as unknown;
    const literal = { d: 'x\\ud800' };
    expect(canonicalHash(lone)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(canonicalHash(lone)).not.toBe(canonicalHash(literal));
    expect(canonicalHash(lone)).not.toBe(canonicalHash({ d: 'x\ufffd' }));
    expect(canonicalHash({ b: 1, a: 'x\ud800' })).toBe(canonicalHash({ a: 'x\ud800', b: 1 }));
  });
});
