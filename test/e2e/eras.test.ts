/**
 * The official SDK client in both protocol eras — 2025 (legacy handshake, the default) and 2026
 * (`versionNegotiation: { mode: 'auto' }`) — against Portcullis fronting server-everything: tools,
 * resources, prompts, completion, progress notifications, and a profile with allow/deny/rename.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { EVERYTHING, nodeServer } from '../helpers/e2e.js';

let gw: GatewayProcess;

beforeAll(async () => {
  gw = await startGateway(
    writeConfig(
      `servers:\n${nodeServer('everything', [EVERYTHING, 'stdio'])}` +
        'profiles:\n' +
        '  picked:\n' +
        '    tools:\n' +
        '      allow: ["everything__get-*", "everything__echo"]\n' +
        '      deny: ["everything__get-env", "everything__get-resource-*"]\n' +
        '    rename:\n' +
        '      everything__get-sum: add\n',
    ),
  );
});

afterAll(async () => {
  await gw?.stop();
});

const ERAS = [
  { era: 'legacy', options: {} },
  { era: 'modern', options: { versionNegotiation: { mode: 'auto' as const } } },
] as const;

async function connect(options: (typeof ERAS)[number]['options'], path = ''): Promise<Client> {
  const client = new Client({ name: 'e2e-eras', version: '1' }, options);
  await client.connect(new StreamableHTTPClientTransport(new URL(`${gw.url}${path}`)));
  return client;
}

const textOf = (r: unknown): string => (r as { content: { text: string }[] }).content[0]!.text;
const DOC = 'demo://resource/static/document/architecture.md';

describe.each(ERAS)('SDK client, $era era', ({ era, options }) => {
  it('negotiates the era, lists and calls tools', async () => {
    const client = await connect(options);
    try {
      expect(client.getProtocolEra()).toBe(era);
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('everything__echo');
      expect(names).toContain('everything__trigger-long-running-operation');
      expect(textOf(await client.callTool({ name: 'everything__echo', arguments: { message: `hello ${era}` } }))).toBe(`Echo: hello ${era}`);
    } finally {
      await client.close();
    }
  });

  it('lists and reads a resource', async () => {
    const client = await connect(options);
    try {
      const resources = (await client.listResources()).resources.map((r) => r.uri);
      expect(resources).toContain(DOC);
      const read = await client.readResource({ uri: DOC });
      const first = read.contents[0] as { uri: string; text?: string };
      expect(first.uri).toBe(DOC);
      expect(first.text ?? '').toMatch(/\S/);
    } finally {
      await client.close();
    }
  });

  it('lists and gets a prompt, and completes a prompt argument', async () => {
    const client = await connect(options);
    try {
      const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
      expect(prompts).toContain('everything__simple-prompt');
      const got = await client.getPrompt({ name: 'everything__args-prompt', arguments: { city: 'Paris' } });
      expect(JSON.stringify(got.messages)).toContain('Paris');
      const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'everything__completable-prompt' }, argument: { name: 'department', value: 'Eng' } });
      expect(completion.completion.values).toContain('Engineering');
    } finally {
      await client.close();
    }
  });

  it('relays progress notifications of a long-running tool before its result', async () => {
    const client = await connect(options);
    try {
      const seen: number[] = [];
      const result = await client.callTool(
        { name: 'everything__trigger-long-running-operation', arguments: { duration: 1, steps: 3 } },
        { onprogress: (p) => seen.push(p.progress) },
      );
      expect(textOf(result)).toMatch(/completed/i);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    } finally {
      await client.close();
    }
  });

  it('serves a profile at /mcp/<profile> with only the selected tools, renamed', async () => {
    const client = await connect(options, '/picked');
    try {
      const names = (await client.listTools()).tools.map((t) => t.name).sort();
      expect(names).toContain('add');
      expect(names).toContain('everything__echo');
      expect(names).toContain('everything__get-tiny-image');
      expect(names).not.toContain('everything__get-sum');
      expect(names).not.toContain('everything__get-env');
      expect(names.some((n) => n.startsWith('everything__get-resource-'))).toBe(false);
      expect(names.some((n) => n.startsWith('everything__trigger-'))).toBe(false);
      expect(textOf(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }))).toContain('5');
      const hidden = await client.callTool({ name: 'everything__get-env', arguments: {} }).then(
        (r) => (r as { isError?: boolean }).isError === true,
        () => true,
      );
      expect(hidden).toBe(true);
    } finally {
      await client.close();
    }
  });
});
