/**
 * The conformance fixture over stdio, driven by the official SDK client: the harness only reaches the stdio
 * fixture through the gateway, so this pins its own behaviour per era (a broken fixture must not read as a
 * gateway regression).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = join(root, 'test', 'fixtures', 'conformance-server.ts');

function connect(era: 'legacy' | 'modern' | 'both', mode: 'legacy' | 'auto'): { client: Client; transport: StdioClientTransport } {
  const client = new Client({ name: 'fixture-test', version: '1.0.0' }, { versionNegotiation: { mode }, capabilities: { elicitation: {} } });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', fixture, '--transport', 'stdio', '--era', era],
    cwd: root,
    stderr: 'ignore',
  });
  return { client, transport };
}

const textOf = (r: unknown): string => (r as { content: { text: string }[] }).content[0]?.text ?? '';

describe('conformance fixture over stdio', () => {
  it.each([
    ['legacy', 'auto', 'legacy'],
    ['modern', 'auto', 'modern'],
    ['both', 'auto', 'modern'],
    ['both', 'legacy', 'legacy'],
  ] as const)('era %s with a %s client lands on the %s era and serves the scenario tools', async (era, mode, landed) => {
    const { client, transport } = connect(era, mode);
    try {
      await client.connect(transport);
      expect(client.getProtocolEra()).toBe(landed);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['test_simple_text', 'test_sampling', 'test_input_required_result_elicitation']));
      expect(textOf(await client.callTool({ name: 'test_simple_text', arguments: {} }))).toBe('This is a simple text response for testing.');
      const prompt = await client.getPrompt({ name: 'test_prompt_with_arguments', arguments: { arg1: 'a', arg2: 'b' } });
      expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: "Prompt with arguments: arg1='a', arg2='b'" });
    } finally {
      await client.close();
    }
  });

  it('refuses a 2025 client when modern-only', async () => {
    const { client, transport } = connect('modern', 'legacy');
    await expect(client.connect(transport)).rejects.toThrow(/Unsupported protocol version/);
    await client.close();
  });

  it('answers an elicitation round on either era (pushed on 2025, input_required on 2026)', async () => {
    for (const [era, mode] of [
      ['legacy', 'legacy'],
      ['modern', 'auto'],
    ] as const) {
      const { client, transport } = connect(era, mode);
      client.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { name: 'Ada' } }));
      try {
        await client.connect(transport);
        const result = await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} });
        expect(textOf(result)).toBe('Hello, Ada!');
      } finally {
        await client.close();
      }
    }
  });

  it.each([
    ['legacy', 'legacy'],
    ['modern', 'auto'],
  ] as const)('delivers tools/list_changed after test_trigger_tool_change (%s era)', async (era, mode) => {
    const { client, transport } = connect(era, mode);
    try {
      await client.connect(transport);
      const changed = new Promise<void>((resolve) => {
        client.setNotificationHandler('notifications/tools/list_changed', () => resolve());
      });
      if (era === 'modern') await client.listen({ toolsListChanged: true });
      await client.callTool({ name: 'test_trigger_tool_change', arguments: {} });
      await changed;
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('test_dynamic_tool');
    } finally {
      await client.close();
    }
  });
});
