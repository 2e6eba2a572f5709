/**
 * Best-effort readiness probe for a gateway arm: waits until the gateway lists the fixture's tools, so a
 * gateway that announces `listening` before its upstream is connected does not turn start-up latency into
 * conformance failures. It never fails the arm by itself: when the deadline passes, the suite runs anyway and
 * reports whatever it sees.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { ClientEra } from './suite.js';

const PROBE_TOOL = 'test_simple_text';

async function listsProbeTool(url: string, clientEra: ClientEra): Promise<boolean> {
  const client = new Client(
    { name: 'portcullis-conformance-ready', version: '1.0.0' },
    clientEra === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const { tools } = await client.listTools(undefined, { timeout: 3000 });
    return tools.some((t) => t.name === PROBE_TOOL);
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Polls `url` until it lists the fixture's tools or `timeoutMs` passes; resolves whether it got there. */
export async function waitForCatalog(url: string, clientEra: ClientEra, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await listsProbeTool(url, clientEra)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
