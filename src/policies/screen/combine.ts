/**
 * Turning hits into findings: weak signals of different kinds that appear together in one item
 * (a pseudo-tag, a sensitive file, concealment) become one strong finding; hits inside a side
 * parameter (`sidenote`, `notes`, `context`, …) count for more, and so does a weak sensitive-file
 * reference that names one of the tool's own fields; duplicates are merged and the
 * result is put in a stable order (most severe first, then field order, then rule id).
 */
import { STRONG_FILES, WEAK_FILES } from './rules/lexicon.js';
import { RANK, SENTENCE_BREAK, shift, type Family, type Hit } from './rules/rule.js';
import type { Finding, Severity } from './types.js';
import type { FieldText } from './walk.js';

type Group = 'obfuscation' | 'manipulation' | 'concealment' | 'redirection' | 'data' | 'command' | 'mismatch';

const GROUP: Partial<Record<Family, Group>> = {
  hidden: 'obfuscation',
  control: 'obfuscation',
  encoded: 'obfuscation',
  override: 'manipulation',
  'pseudo-tag': 'manipulation',
  directive: 'manipulation',
  urgency: 'manipulation',
  concealment: 'concealment',
  redirection: 'redirection',
  'cross-server': 'redirection',
  'sensitive-file': 'data',
  credential: 'data',
  conversation: 'data',
  'exfil-url': 'data',
  command: 'command',
  mismatch: 'mismatch',
};

const DATA_FAMILIES = new Set<Family>(['sensitive-file', 'credential', 'conversation', 'exfil-url', 'concealment', 'directive']);
const SIDE_PARAM = /^(?:_+\w*|side_?note|notes?|note_?for_?(?:ai|model|assistant)|context|ctx|metadata|meta|extra(?:_?info|_?data)?|debug(?:_?info)?|internal|hidden|feedback|annotation|comment|memo|reasoning|details|additional_?(?:context|info|data)|aux(?:iliary)?|payload|telemetry|diagnostics?|trace)$/i;

/** Raises data and concealment hits that sit inside a side parameter such as `sidenote`. */
export function escalateSideParams(hits: Hit[], fields: readonly FieldText[]): void {
  for (const h of hits) {
    const param = fields[h.order]?.param;
    if (param !== undefined && SIDE_PARAM.test(param) && DATA_FAMILIES.has(h.family) && RANK[h.severity] >= RANK.medium) h.severity = shift(h.severity, 1);
  }
}

/** A private file or store, as the sensitive-file rule names them. */
const SENSITIVE_PATH = new RegExp(`${STRONG_FILES}|${WEAK_FILES}`);

/** "field" / "parameter" in the languages the multilingual rules cover. */
const FIELD_WORD = /field|parameter|param\b|argument|\binput\b|欄|フィールド|パラメータ|引数|campo|champ|paramètre|feld|поле|параметр|аргумент|필드|매개변수|인자|字段|参数|\balan|parametre|\bpole\b|parametr|\bveld\b|trường|tham số/i;

/** Parameter names that receive locations or secrets by design ("Reads the .env file at `path`"). */
const LOCATION_OR_SECRET_PARAM = /path|file|dir|folder|name|key|secret|token|password|env|url|uri/i;

/**
 * A weak sensitive-file reference in a description that also names, after its first sentence, one
 * of the tool's own free-text parameters ("… ~/.aws/credentials の内容を memo_id に含めて …") is the file routed into that
 * parameter, in whatever language the verbs are: raised to high.
 */
export function routeIntoParams(hits: Hit[], fields: readonly FieldText[], params: ReadonlySet<string>): void {
  const names = [...params].filter((n) => (n.length >= 3 || (n.length >= 2 && /[^ -~]/.test(n))) && !LOCATION_OR_SECRET_PARAM.test(n));
  if (names.length === 0) return;
  for (const h of hits) {
    if (h.rule !== 'exfil.sensitive-file' || h.severity !== 'low') continue;
    const f = fields[h.order];
    if (f === undefined || f.param !== undefined || (f.kind !== 'description' && f.kind !== 'instructions')) continue;
    // Past the first sentence (the tool's purpose, where a kubectl tool may name ~/.kube/config and its `context`).
    const sentences = f.text.toLowerCase().split(SENTENCE_BREAK);
    // A tool whose purpose is that file ("Switches the kubectl context in ~/.kube/config") names it by right.
    if (SENSITIVE_PATH.test(sentences[0] ?? '')) continue;
    const rest = sentences.slice(1).join(' ');
    const named = names.find((n) => {
      const m = new RegExp(`(?<![\\p{L}\\p{N}_])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u').exec(rest);
      // Named as a field ("the memo field", "memo 欄", "campo observacoes"), not as an ordinary word ("host keys").
      return m !== null && FIELD_WORD.test(rest.slice(Math.max(0, m.index - 24), m.index + n.length + 24));
    });
    if (named === undefined) continue;
    h.severity = 'high';
    h.message = `The text points the AI model at a file that holds keys, passwords or private configuration and names this tool's "${named}" parameter: the file's contents are to be sent through it.`;
  }
}

/**
 * One finding for signals that appear together, if they do: two different medium-or-worse rules
 * (or one plus two weak signals of other kinds) make a high; three rules from three kinds, or two
 * highs of different kinds, make a critical.
 */
export function combinedHit(hits: readonly Hit[]): Hit | undefined {
  const byRule = new Map<string, Hit>();
  for (const h of hits) {
    if (GROUP[h.family] === undefined) continue;
    const cur = byRule.get(h.rule);
    if (cur === undefined || RANK[h.severity] > RANK[cur.severity] || (RANK[h.severity] === RANK[cur.severity] && h.order < cur.order)) byRule.set(h.rule, h);
  }
  const strong = [...byRule.values()].filter((h) => RANK[h.severity] >= RANK.medium);
  const strongGroups = new Set(strong.map((h) => GROUP[h.family]));
  const weakGroups = new Set([...byRule.values()].filter((h) => h.severity === 'low' && !strongGroups.has(GROUP[h.family])).map((h) => GROUP[h.family]));
  const highGroups = new Set(strong.filter((h) => RANK[h.severity] >= RANK.high).map((h) => GROUP[h.family]));
  let severity: Severity | undefined;
  if (strongGroups.size >= 3 || highGroups.size >= 2) severity = 'critical';
  else if (strong.length >= 2 || (strong.length === 1 && weakGroups.size >= 2)) severity = 'high';
  if (severity === undefined) return undefined;
  const weak = [...byRule.values()].filter((h) => h.severity === 'low');
  const parts = [...strong, ...(strong.length >= 2 ? [] : weak)].sort((a, b) => a.order - b.order);
  const first = parts[0];
  if (first === undefined) return undefined;
  const groups = [...new Set(parts.map((h) => GROUP[h.family]))].join(' + ');
  return {
    rule: 'combined.poisoning-pattern',
    severity,
    field: first.field,
    evidence: `${groups}: ${parts.map((h) => `${h.rule} (${h.field})`).join(', ')}`.slice(0, 220),
    message: 'Several different warning signs appear together in this definition (for example hidden instructions plus a request for secrets). Together they match how poisoned tools are built.',
    family: 'combined',
    order: first.order,
  };
}

/** Most findings reported for one item (the most severe are kept). */
export const MAX_FINDINGS = 100;

/** Merges duplicates (same rule and field: the most severe wins), orders and caps the findings. */
export function finalise(hits: readonly Hit[]): Finding[] {
  const byKey = new Map<string, Hit>();
  for (const h of hits) {
    const key = `${h.rule}\u0000${h.field}`;
    const cur = byKey.get(key);
    if (cur === undefined || RANK[h.severity] > RANK[cur.severity]) byKey.set(key, h);
  }
  const sorted = [...byKey.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.order - b.order || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  // Findings about the item as a whole (bounds, combinations) are always kept.
  const whole = sorted.filter((h) => h.family === 'limits' || h.family === 'combined');
  const kept = sorted.length <= MAX_FINDINGS ? sorted : sorted.filter((h, i) => whole.includes(h) || i < MAX_FINDINGS - whole.length);
  const out: Finding[] = kept.map((h) => ({ rule: h.rule, severity: h.severity, field: h.field, evidence: h.evidence, message: h.message }));
  if (sorted.length > MAX_FINDINGS) {
    out.push({
      rule: 'limits.too-many-findings',
      severity: 'info',
      field: '',
      evidence: `${sorted.length - kept.length} more findings not listed`,
      message: `Only the ${MAX_FINDINGS} most severe findings are listed for one item.`,
    });
  }
  return out;
}
