import { describe, expect, it, vi } from 'vitest';
import type { ScreenContext, ScreenItem } from './screen.js';

const calls: { item: ScreenItem; context: ScreenContext }[] = [];
vi.mock('./screen.js', () => ({
  screenItem: (item: ScreenItem, context: ScreenContext) => {
    calls.push({ item, context });
    return item.name === 'evil' ? [{ rule: 'r', severity: 'high', field: 'description', evidence: 'e', message: 'm' }] : [];
  },
  verdictFor: (findings: unknown[]) => (findings.length > 0 ? 'block' : 'allow'),
}));

const { itemsOf, screenListings, worstVerdict } = await import('./inventory.js');

const listing = (name: string, tools: string[], extra: object = {}) => ({
  name,
  transport: 'stdio' as const,
  status: 'ok' as const,
  tools: tools.map((t) => ({ name: t, description: `${t} tool` })),
  prompts: [],
  resources: [],
  resourceTemplates: [],
  ...extra,
});

describe('screenListings', () => {
  it('screens every item with the other servers as context, never the server itself', () => {
    calls.length = 0;
    const reports = screenListings([
      listing('a', ['read', 'evil'], { prompts: [{ name: 'p' }], instructions: 'use me' }),
      listing('b', ['write'], { resources: [{ uri: 'file:///x' }], resourceTemplates: [{ name: 't', uriTemplate: 'file:///{p}' }] }),
      { ...listing('down', []), status: 'error' as const, error: 'refused' },
    ]);
    const contextOf = (server: string) => calls.find((c) => c.context.server === server)!.context.otherServers;
    expect([...contextOf('a')!]).toEqual([['b', ['write']]]);
    expect([...contextOf('b')!]).toEqual([['a', ['read', 'evil', 'p']]]);
    expect(calls.map((c) => `${c.context.server}:${c.item.kind}:${c.item.name}`)).toEqual([
      'a:tool:read',
      'a:tool:evil',
      'a:prompt:p',
      'a:server:a',
      'b:tool:write',
      'b:resource:file:///x',
      'b:resource-template:t',
    ]);
    expect(calls.find((c) => c.item.kind === 'server')!.item.def).toEqual({ instructions: 'use me' });
    expect(reports[1]!.resources).toEqual([{ name: 'file:///x', uri: 'file:///x', verdict: 'allow', findings: [] }]);
    expect(reports[2]).toMatchObject({ status: 'error', error: 'refused', tools: [] });
    expect(worstVerdict(reports)).toBe('block');
    expect(worstVerdict(reports.slice(1))).toBe('allow');
    expect(itemsOf(reports[0]!).map((i) => `${i.list}/${i.item.name}/${i.item.verdict}`)).toEqual(['tools/read/allow', 'tools/evil/block', 'prompts/p/allow', 'instructions/a/allow']);
  });
});
