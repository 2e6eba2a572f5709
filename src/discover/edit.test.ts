import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { detectFormatting, editSection } from './edit.js';
import { parseClientText } from './read.js';

const add = { name: 'portcullis', value: { command: 'portcullis', args: ['stdio'] } };

describe('editSection', () => {
  it('JSONC: removes and adds entries, keeps comments, other keys and tab indentation', () => {
    const text = '{\n\t// my servers\n\t"theme": "dark",\n\t"mcpServers": {\n\t\t"a": { "command": "x" }, // keep me? no: a goes\n\t\t"b": { "command": "y" }\n\t}\n}\n';
    const out = editSection(text, 'jsonc', { section: { path: ['mcpServers'], kind: 'map', scope: 'user' }, remove: ['a'], add });
    expect(out).toContain('\t// my servers\n\t"theme": "dark"');
    expect(out).toContain('\t\t"portcullis": {');
    const doc = parseClientText(out, 'jsonc');
    expect(doc).toEqual({ doc: { theme: 'dark', mcpServers: { b: { command: 'y' }, portcullis: add.value } } });
  });

  it('JSONC lists (Continue config.json): removes by index, appends', () => {
    const text = '{ "experimental": { "modelContextProtocolServers": [ { "a": 1 }, { "b": 2 }, { "c": 3 } ] } }';
    const out = editSection(text, 'jsonc', { section: { path: ['experimental', 'modelContextProtocolServers'], kind: 'list', scope: 'user' }, remove: [0, 2], add });
    expect(parseClientText(out, 'jsonc')).toEqual({ doc: { experimental: { modelContextProtocolServers: [{ b: 2 }, add.value] } } });
  });

  it('YAML lists (Continue config.yaml): keeps the comments and keys around the list', () => {
    const text = 'name: Mine\n# servers below\nmcpServers:\n  - name: one\n    command: a\n  - name: two\n    command: b\nmodels: []\n';
    const out = editSection(text, 'yaml', { section: { path: ['mcpServers'], kind: 'list', scope: 'user' }, remove: [0], add: { name: 'x', value: { name: 'portcullis', command: 'p' } } });
    expect(out).toContain('# servers below');
    expect(parseYaml(out)).toEqual({ name: 'Mine', mcpServers: [{ name: 'two', command: 'b' }, { name: 'portcullis', command: 'p' }], models: [] });
  });

  it('TOML (Codex): rewrites the table, keeps every value (comments are lost)', () => {
    const text = '# c\nmodel = "gpt-5"\n[mcp_servers.a]\ncommand = "x"\n[mcp_servers.b]\ncommand = "y"\n[profiles.p]\nmodel = "o3"\n';
    const out = editSection(text, 'toml', { section: { path: ['mcp_servers'], kind: 'map', scope: 'user' }, remove: ['a'], add });
    expect(parseToml(out)).toEqual({ model: 'gpt-5', mcp_servers: { b: { command: 'y' }, portcullis: add.value }, profiles: { p: { model: 'o3' } } });
  });

  it('detects indentation and line ends', () => {
    expect(detectFormatting('{\r\n    "a": 1\r\n}')).toEqual({ insertSpaces: true, tabSize: 4, eol: '\r\n' });
    expect(detectFormatting('{\n\t"a": 1\n}')).toMatchObject({ insertSpaces: false });
    expect(detectFormatting('{}')).toEqual({ insertSpaces: true, tabSize: 2, eol: '\n' });
  });
});
