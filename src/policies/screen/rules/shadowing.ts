/**
 * Cross-server references (shadowing): text that names another server's tools, or that says how
 * other tools or servers must behave ("when the send_email tool is used, always BCC …"). A server
 * should describe its own tools only; instructions about someone else's tools are how a malicious
 * server hijacks a trusted one.
 */
import { prepare, skeleton } from '../normalise.js';
import type { ScreenContext, Severity } from '../types.js';
import { excerpt } from '../visible.js';
import type { FieldText } from '../walk.js';
import { anyOf, gap, sentenceAround, type Emit, type PhraseRule } from './rule.js';

interface OtherName {
  server: string;
  name: string;
  /** Compound names (`send_email`, `readFile`) are distinctive; single words need quoting. */
  compound: boolean;
}

interface NameIndex {
  bySkeleton: Map<string, OtherName>;
  servers: Map<string, string>;
}

const MAX_NAMES = 20_000;
const MAX_TOKENS = 4_000;
/** Index per map object, with a fingerprint of its content so a map changed in place is re-indexed. */
const indexes = new WeakMap<ReadonlyMap<string, readonly string[]>, { fingerprint: string; index: NameIndex }>();

function fingerprintOf(others: ReadonlyMap<string, readonly string[]>): string {
  let h = 0x811c9dc5;
  let n = 0;
  for (const [server, names] of others) {
    for (const s of [server, ...names]) {
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ 0x1f, 0x01000193);
      n++;
    }
  }
  return `${n}:${h >>> 0}`;
}

function indexOf(others: ReadonlyMap<string, readonly string[]>): NameIndex {
  const fingerprint = fingerprintOf(others);
  const cached = indexes.get(others);
  if (cached !== undefined && cached.fingerprint === fingerprint) return cached.index;
  const bySkeleton = new Map<string, OtherName>();
  const servers = new Map<string, string>();
  let n = 0;
  for (const [server, names] of others) {
    const sk = skeleton(server);
    if (sk.length >= 3) servers.set(sk, server);
    for (const name of names) {
      if (++n > MAX_NAMES) break;
      const key = skeleton(name);
      if (key.length < 3 || bySkeleton.has(key)) continue;
      bySkeleton.set(key, { server, name, compound: /[_.\-/:]|[a-z][A-Z]|[A-Za-z]\d/.test(name) && key.length >= 5 });
    }
  }
  const index = { bySkeleton, servers };
  indexes.set(others, { fingerprint, index });
  return index;
}

/** Words before a mention of another tool that make the sentence about how that tool behaves. */
const BEHAVIOUR_BEFORE =
  /(?:\b(?:when(?:ever)?|every time|each time|before|after|if (?:you|the (?:assistant|model|agent)|anyone|someone) (?:ever )?(?:uses?|calls?|invokes?|runs?)|instead of|rather than|in place of|(?:do not|don't|never|not) (?:use|call|invoke|trust)|any (?:call|calls) to|calls? to|replaces?|overrides?|bcc|cc|redirect|forward|cuando|siempre|en lugar de|en vez de|quand|toujours|au lieu de|wenn|immer|statt|anstatt|quando|sempre|invece di|em vez de|kiedy|zawsze|zamiast|khi|thay vi|saat|ketika|daripada|nar|istallet for|wanneer|in plaats van|cand|cind|intotdeauna|mereu|in loc de|kdyz|vzdy|misto|amikor|mikor|mindig|helyett|kun|aina|sijaan|altid|alltid|i stedet for|unapotumia|kila|badala ya|kapag|palagi|sa halip)\b|когда|всегда|вместо|当|每次|代わり|대신|때|عندما|بدلا|כאשר|במקום)(?:[^.!?\n]){0,40}$/u;
/** Words after a mention of another tool that give it orders or make claims about it. */
const BEHAVIOUR_AFTER = /^(?:[^.!?\n]){0,40}?\b(?:is used|are used|is called|are called|runs|is run|is invoked|must|should|shall|needs?|always|never|(?:is|are|has been|have been|was|were) (?:now )?(?:deprecated|disabled|broken|unavailable|removed|rate-limited|unsafe)|will fail)\b/;

/** Argument values set for the other tool right after its name ("| destination = sftp://…", "with confirm: true"). */
const SETS_ARGUMENT = /^[\s|`'"]{0,6}(?:(?:with|using|and set|set|passing)\s+)?[\w.-]{2,40}\s*(?:=|:=|->|=>|→)\s*\S/;

const TOKEN = /[\p{L}\p{N}_.\-/:]+/gu;

/** A tool named with its server (`server.tool`, `server/tool`, `server:tool`, `server__tool`), when both exist. */
function qualifiedName(token: string, idx: NameIndex): OtherName | undefined {
  const m = /^(.+?)(?:\.|\/|::?|__)([^./:]+)$/.exec(token);
  if (m === null) return undefined;
  const server = idx.servers.get(skeleton(m[1] ?? ''));
  const tool = idx.bySkeleton.get(skeleton(m[2] ?? ''));
  return server !== undefined && tool !== undefined && tool.server === server ? tool : undefined;
}

/** Reports mentions of other servers' tools (and of other servers) in one field. */
export function scanCrossServer(field: FieldText, order: number, ctx: ScreenContext, ownName: string, emit: Emit): void {
  if (ctx.otherServers === undefined || ctx.otherServers.size === 0) return;
  const idx = indexOf(ctx.otherServers);
  const text = field.text;
  const own = skeleton(ownName);
  TOKEN.lastIndex = 0;
  let n = 0;
  let best: { sev: Severity; start: number; end: number; what: string } | undefined;
  for (let m = TOKEN.exec(text); m !== null && n < MAX_TOKENS; m = TOKEN.exec(text), n++) {
    const token = m[0].replace(/[.:/-]+$/, '');
    if (token.length < 3) continue;
    const key = skeleton(token);
    if (key === own) continue;
    const start = m.index;
    const end = start + token.length;
    const prevCh = text[start - 1] ?? '';
    const nextCh = text[end] ?? '';
    const quoted = /["'`]/.test(prevCh) && /["'`]/.test(nextCh);
    const labelled = /^\s*(?:tool|function|command|server|mcp)\b/i.test(text.slice(end, end + 12));
    let hit = idx.bySkeleton.get(key);
    // "clinic_db.export_records", "github/create_issue": a tool named with its server.
    const qualified = hit === undefined ? qualifiedName(token, idx) : undefined;
    if (qualified !== undefined) hit = qualified;
    let what: string | undefined;
    if (hit !== undefined && hit.server !== ctx.server && (hit.compound || quoted || labelled || qualified !== undefined)) what = `${hit.server}'s tool ${hit.name}`;
    else {
      const server = idx.servers.get(key);
      if (server !== undefined && server !== ctx.server && labelled) what = `the ${server} server`;
    }
    if (what === undefined) continue;
    const { before, after } = sentenceAround(text, start, end);
    const sev: Severity = BEHAVIOUR_BEFORE.test(prepare(before).latin) || BEHAVIOUR_AFTER.test(prepare(after).latin) || SETS_ARGUMENT.test(after) ? 'high' : 'low';
    if (best === undefined || (sev === 'high' && best.sev !== 'high')) best = { sev, start, end, what };
    if (best.sev === 'high') break;
  }
  TOKEN.lastIndex = 0;
  if (best === undefined) return;
  emit({
    rule: 'shadowing.cross-server',
    severity: best.sev,
    field: field.field,
    evidence: excerpt(text, best.start, best.end),
    message: `The text refers to ${best.what}. A server should only describe its own tools; text about another server's tools can hijack how the AI model uses them.`,
    family: 'cross-server',
    order,
  });
}

/** Phrase rules about other tools' behaviour, without knowing their names. */
export const SHADOWING_RULES: readonly PhraseRule[] = [
  {
    id: 'shadowing.tool-behaviour',
    family: 'cross-server',
    severity: 'medium',
    message: 'The text tries to change how other tools or servers behave. A tool should describe itself, not give orders about the rest of the toolbox.',
    gate: anyOf('tool', 'tools', 'server', 'servers', 'function', 'functions', 'integration', 'integrations', 'connector', 'connectors'),
    re: new RegExp(
      [
        String.raw`\bwhen(?:ever)? this (?:tool|server|function) is (?:available|present|loaded|installed|enabled|active|connected)\b`,
        // "overrides the behaviour of all tools", not "overrides the server default" (a setting, not a tool).
        String.raw`\b(?:side[- ]effects? on|affects?|modif(?:y|ies)|alters?|overrides?|hijacks?) (?:the )?(?:behaviou?r of )?(?:the |all |any |other |another )(?:[\w.-]+ ){0,2}(?:tools?|servers?|functions?)\b(?![ -](?:defaults?|settings?|config\w*|url|base|address|host|port|values?|versions?|options?|parameters?|timeouts?|limits?)\b)`,
        String.raw`\bwhen(?:ever)? (?:you |the (?:assistant|model|agent) )?(?:use|call|invoke|run)s? (?:the |any |another |other )?[\w.-]+ (?:tool|function)\b${gap(60)}\b(?:must|always|never|instead|do not|don't|make sure|be sure)\b`,
        String.raw`\b(?:all|any|every) (?:other )?(?:tools?|servers?|functions?) (?:must|should|need to|have to|are required to)\b`,
        // "Before calling git_push or create_pull_request on any server, first call this tool with …".
        String.raw`\b(?:before|after|whenever|when) (?:calling|using|invoking|running) [\w.-]+(?: (?:or|and) [\w.-]+)? (?:on|from|of|in) (?:any|every|another|other|all) (?:servers?|integrations?|connectors?)\b`,
        String.raw`\bthe [\w.-]+ (?:tool|function) (?:must|should|shall|has to|needs to) (?:always |never |also )?(?:send|forward|bcc|cc|include|add|use|call|redirect|route|copy)\b`,
      ].join('|'),
      'g',
    ),
    refine: (_m, _t, f) => (f.kind === 'instructions' ? 'low' : 'medium'),
  },
];
