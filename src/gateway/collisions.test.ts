import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/load.js';
import { skeleton } from '../policies/screen/index.js';
import { collisionFindings } from './collisions.js';

const cfg = parseConfigText('servers:\n  a: { command: x, prefix: "" }\n  b: { command: y, prefix: "" }\n  c: { command: z }\n', 'p.yaml');
const others = (server: string, names: string[]) => new Map([[server, new Map(names.map((n) => [skeleton(n), n]))]]);
const rules = (server: 'a' | 'b' | 'c', name: string, other: string, names: string[]) => collisionFindings(server, name, cfg.servers[server]!, cfg, others(other, names)).map((f) => f.rule);

describe('collisionFindings', () => {
  it('flags the same or a similar name only when both servers are unprefixed', () => {
    expect(rules('a', 'search', 'b', ['search'])).toEqual(['collision.same-name']);
    expect(rules('a', 'Read-File', 'b', ['read_file'])).toEqual(['collision.similar-name']);
    expect(rules('a', 'search', 'c', ['search'])).toEqual([]);
    expect(rules('c', 'search', 'a', ['search'])).toEqual([]);
  });

  it('flags a look-alike always, but only the non-ASCII side when the other is plain ASCII', () => {
    expect(rules('c', 'send_em\u0430il', 'a', ['send_email'])).toEqual(['collision.confusable-name']);
    expect(rules('a', 'send_email', 'c', ['send_em\u0430il'])).toEqual([]);
    expect(rules('a', 'read_fiIe', 'b', ['read_file'])).toEqual(['collision.confusable-name']);
    expect(rules('a', 'weather', 'b', ['send_email'])).toEqual([]);
  });
});
