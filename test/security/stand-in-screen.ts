/**
 * A deliberately small stand-in for the screening engine (`src/policies/screen/`), with the same
 * call shape, so the efficacy runner can be written and tested before the engine lands. It is NOT
 * the product and its numbers are never published: the runner says which engine it measured.
 */
import { allStrings, hasCodePointIn, visibleStrings } from './visible-text.js';

/** Same shape as the engine's finding. */
export interface StandInFinding {
  rule: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  field: string;
  evidence: string;
  message: string;
}

const INVISIBLE = [[0xe0000, 0xe007f], [0x200b, 0x200d], [0x2060, 0x2060], [0xfeff, 0xfeff], [0x202a, 0x202e], [0x2066, 0x2069], [0xe0100, 0xe01ef]] as const;
const CONTROL = [[0x00, 0x08], [0x0b, 0x0c], [0x0e, 0x1f], [0x7f, 0x9f]] as const;

const RANGES: { rule: string; ranges: readonly (readonly [number, number])[]; message: string }[] = [
  { rule: 'stand-in.invisible', ranges: INVISIBLE, message: 'invisible characters' },
  { rule: 'stand-in.control', ranges: CONTROL, message: 'control characters' },
];

const RULES: { rule: string; severity: StandInFinding['severity']; re: RegExp; message: string }[] = [
  { rule: 'stand-in.pseudo-tag', severity: 'high', re: /<\/?(important|system|instructions?|critical)>/i, message: 'pseudo-tag' },
  { rule: 'stand-in.override', severity: 'high', re: /ignore (all )?(previous|prior) instructions/i, message: 'instruction override' },
  { rule: 'stand-in.concealment', severity: 'high', re: /(do not|don't|never) (tell|mention|inform)[^.]{0,30}user/i, message: 'concealment' },
  { rule: 'stand-in.sensitive-file', severity: 'medium', re: /(id_rsa|\.aws\/credentials|mcp\.json|\.netrc)/i, message: 'sensitive file' },
];

/** Screens one item (tools by their visible strings, other kinds by all their strings). */
export function screenItem(item: { kind: string; name: string; def: Record<string, unknown> }, _ctx: { server: string; otherServers?: ReadonlyMap<string, readonly string[]> }): StandInFinding[] {
  const out: StandInFinding[] = [];
  for (const s of item.kind === 'tool' ? visibleStrings(item.def) : allStrings(item.def)) {
    for (const r of RANGES) {
      if (hasCodePointIn(s.text, r.ranges)) out.push({ rule: r.rule, severity: 'high', field: s.path, evidence: JSON.stringify(s.text).slice(1, 81), message: r.message });
    }
    for (const r of RULES) {
      const m = r.re.exec(s.text);
      if (m) out.push({ rule: r.rule, severity: r.severity, field: s.path, evidence: JSON.stringify(m[0]).slice(1, -1).slice(0, 80), message: r.message });
    }
  }
  return out;
}

/** `block` on high or critical, `review` on medium, else `allow`. */
export function verdictFor(findings: readonly StandInFinding[]): 'block' | 'review' | 'allow' {
  if (findings.some((f) => f.severity === 'critical' || f.severity === 'high')) return 'block';
  if (findings.some((f) => f.severity === 'medium')) return 'review';
  return 'allow';
}
