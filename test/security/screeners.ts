/**
 * The screeners the efficacy runner measures, behind one shape: Portcullis's engine
 * (`src/policies/screen/index.ts`, or the test stand-in while that does not exist yet) and the
 * agent-threat-rules (ATR) rule set, evaluated the way ATR evaluates MCP content.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as standIn from './stand-in-screen.js';
import { allText, visibleText } from './visible-text.js';

/** A verdict, as the engine gives it. */
export type Verdict = 'block' | 'review' | 'allow';

/** The finding fields the report uses. */
export interface ReportFinding {
  rule: string;
  severity: string;
  field: string;
  evidence: string;
}

/** What a screener says about one tool. */
export interface ScreenResult {
  verdict: Verdict;
  findings: ReportFinding[];
}

/** Kinds of catalogue entries (as the engine names them). */
export type ItemKind = 'tool' | 'prompt' | 'resource' | 'resource-template' | 'server';

/** One catalogue entry to screen. */
export interface Item {
  kind: ItemKind;
  name: string;
  def: Record<string, unknown>;
}

/** Something that screens catalogue entries. */
export interface Screener {
  /** Shown in reports, e.g. `portcullis` or `stand-in`. */
  name: string;
  screen(item: Item, server: string, otherServers?: Record<string, string[]>): ScreenResult;
}

interface EngineModule {
  screenItem(item: Item, ctx: { server: string; otherServers?: ReadonlyMap<string, readonly string[]>; classifier?: boolean }): ReportFinding[];
  verdictFor(findings: ReportFinding[]): Verdict;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the real engine's entry point lives. */
export const ENGINE_PATH = join(ROOT, 'src', 'policies', 'screen', 'index.ts');

/** True once the real engine exists in the checkout. */
export function engineExists(): boolean {
  return existsSync(ENGINE_PATH);
}

function wrap(name: string, mod: EngineModule, classifier = true): Screener {
  return {
    name,
    screen: (item, server, otherServers) => {
      const findings = mod.screenItem(item, { server, otherServers: new Map(Object.entries(otherServers ?? {})), classifier });
      return { verdict: mod.verdictFor(findings), findings };
    },
  };
}

/** The stand-in screener (always available). */
export function standInScreener(): Screener {
  return wrap('stand-in', standIn as unknown as EngineModule);
}

/**
 * The real engine when present (`portcullis`), else the stand-in. `classifier: false` measures the
 * rules alone (`portcullis-rules`), without the learned screen.
 */
export async function portcullisScreener(opts: { allowStandIn?: boolean; classifier?: boolean } = {}): Promise<Screener> {
  if (!engineExists()) {
    if (opts.allowStandIn === false) throw new Error(`the screening engine is missing (${ENGINE_PATH})`);
    return standInScreener();
  }
  const mod = (await import(pathToFileURL(ENGINE_PATH).href)) as EngineModule;
  return opts.classifier === false ? wrap('portcullis-rules', mod, false) : wrap('portcullis', mod);
}

/** ATR lanes measured: `hunt` runs every non-draft rule, `enforce` only `maturity: stable` ones. */
export type AtrLane = 'hunt' | 'enforce';
/** ATR rule scope: `all` bundled rules, or only those written for MCP exchanges (`agent_source.type: mcp_exchange`). */
export type AtrScope = 'all' | 'mcp';

/** The rules directory shipped in the agent-threat-rules package. */
export const ATR_RULES_DIR = join(ROOT, 'node_modules', 'agent-threat-rules', 'rules');

/**
 * ATR as a screener. Each item's model-visible text is one `tool_response` event (ATR's MCP path:
 * its `mcp_exchange` rules plus the `llm_io` prompt-injection rules it applies to content a model
 * ingests from a tool), with the text also offered as `tool_description`. ATR's own
 * `computeVerdict` maps matches to deny/ask/allow → block/review/allow.
 */
export async function atrScreener(lane: AtrLane, scope: AtrScope = 'all'): Promise<Screener & { rules: number }> {
  const atr = await import('agent-threat-rules');
  const engine = new atr.ATREngine({ lane });
  const all = atr.loadRulesFromDirectory(ATR_RULES_DIR);
  const chosen = scope === 'all' ? all : all.filter((r) => r.agent_source.type === 'mcp_exchange');
  for (const r of chosen) engine.addRule(r);
  const map: Record<string, Verdict> = { deny: 'block', ask: 'review', allow: 'allow' };
  return {
    name: scope === 'all' ? `atr-${lane}` : `atr-mcp-${lane}`,
    rules: chosen.length,
    screen: (item) => {
      const text = item.kind === 'tool' ? visibleText(item.def) : allText(item.def);
      const matches = engine.evaluate({
        type: 'tool_response',
        timestamp: new Date(0).toISOString(),
        content: text,
        fields: { tool_name: item.name, tool_description: text },
      });
      const verdict = map[atr.computeVerdict(matches).outcome] ?? 'review';
      return {
        verdict,
        findings: matches.map((m) => ({ rule: m.rule.id, severity: m.rule.severity, field: 'text', evidence: m.rule.title.slice(0, 80) })),
      };
    },
  };
}
