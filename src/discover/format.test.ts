import { describe, expect, it } from 'vitest';
import { formatDiscoverText, visible } from './format.js';
import type { DiscoverReport } from './report.js';

describe('text output', () => {
  it('shows invisible and control characters as escapes', () => {
    expect(visible('a\u200Bb\u202Ec\u{E0041}\u001b[31m\n')).toBe('a\\u{200b}b\\u{202e}c\\u{e0041}\\u{1b}[31m\\n');
    expect(visible('plain text, ünïcödé')).toBe('plain text, ünïcödé');
  });

  it('discover text: one line per server with its route and scan result, values hidden', () => {
    const report: DiscoverReport = {
      clients: [
        {
          client: 'cursor',
          name: 'Cursor',
          configs: [
            {
              path: '/h/.cursor/mcp.json',
              scope: 'user',
              status: 'ok',
              problems: ['bad: not an object'],
              servers: [
                { name: 'gh', scope: 'user', transport: 'stdio', command: 'npx -y gh', envKeys: ['TOKEN'], headerKeys: [], disabled: false, route: 'shadow', scan: { status: 'ok', verdict: 'block', tools: 3, prompts: 0, resources: 0, flagged: [{ list: 'tools', name: 'x', verdict: 'block', rules: ['r1'] }] } },
                { name: 'pc', scope: 'user', transport: 'stdio', command: 'portcullis stdio', envKeys: [], headerKeys: [], disabled: false, route: 'portcullis' },
              ],
            },
          ],
        },
      ],
      summary: { configs: 1, servers: 2, shadow: 1, throughPortcullis: 1, scanned: 1, blocked: 1, verdict: 'block' },
    };
    expect(formatDiscoverText(report)).toBe(
      [
        'Cursor',
        '  /h/.cursor/mcp.json (user)',
        '    gh [stdio] npx -y gh',
        '      env: TOKEN (values hidden)',
        '      SHADOW, scan: BLOCK (3 tools, 0 prompts, 0 resources)',
        '        BLOCK tools x: r1',
        '    pc [stdio] portcullis stdio',
        '      through Portcullis',
        '    problem: bad: not an object',
        '1 config file, 2 servers: 1 shadow, 1 through Portcullis; 1 scanned, 1 blocked',
        '',
      ].join('\n'),
    );
  });
});
