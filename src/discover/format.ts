/**
 * Text output of `portcullis scan --config` and `portcullis discover`. Invisible characters in
 * names and evidence are shown as `\u{…}` so a terminal never renders hidden text or escape
 * sequences a server put in its definitions.
 */
import { itemsOf, worstVerdict, type ServerReport } from './inventory.js';
import type { DiscoverReport, ServerEntryReport } from './report.js';

/** Makes control, format (bidi, zero-width, tag) and other invisible characters visible. */
export function visible(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`));
}

const LABEL = { block: 'BLOCK', review: 'REVIEW', allow: 'allow' } as const;

/** `portcullis scan --config --format text`. */
export function formatScanText(reports: readonly ServerReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.status === 'error') {
      lines.push(`${visible(r.name)} (${r.transport}): error: ${visible(r.error ?? 'unknown error')}`);
      continue;
    }
    const items = itemsOf(r);
    const count = (v: string): number => items.filter((i) => i.item.verdict === v).length;
    lines.push(
      `${visible(r.name)} (${r.transport}): ${LABEL[worstVerdict([r])]} — ${r.tools.length} tools, ${r.prompts.length} prompts, ${r.resources.length + r.resourceTemplates.length} resources; ${count('block')} blocked, ${count('review')} to review`,
    );
    if (r.error !== undefined) lines.push(`  warning: ${visible(r.error)}`);
    for (const { list, item } of items) {
      if (item.verdict === 'allow') continue;
      lines.push(`  ${LABEL[item.verdict]} ${list === 'instructions' ? 'instructions' : `${list.replace(/s$/, '')} ${visible(item.name)}`}`);
      for (const f of item.findings) {
        lines.push(`    [${f.severity}] ${f.rule} at ${visible(f.field)}: ${visible(f.message)}`);
        if (f.evidence !== '') lines.push(`      evidence: ${visible(f.evidence.length > 300 ? `${f.evidence.slice(0, 300)}…` : f.evidence)}`);
      }
    }
  }
  const errors = reports.filter((r) => r.status === 'error').length;
  lines.push(`${reports.length} server${reports.length === 1 ? '' : 's'} scanned, ${errors} unreachable; overall: ${LABEL[worstVerdict(reports)]}`);
  return `${lines.join('\n')}\n`;
}

function scanLabel(s: ServerEntryReport): string {
  if (s.route === 'portcullis') return 'through Portcullis';
  const scan = s.scan;
  if (!scan) return 'SHADOW';
  if (scan.status !== 'ok') return `SHADOW, ${scan.status === 'error' ? 'scan failed' : 'not scanned'}: ${visible(scan.error ?? '')}`;
  return `SHADOW, scan: ${LABEL[scan.verdict ?? 'allow']} (${scan.tools} tools, ${scan.prompts} prompts, ${scan.resources} resources)`;
}

/** `portcullis discover --format text`. */
export function formatDiscoverText(report: DiscoverReport): string {
  const lines: string[] = [];
  for (const c of report.clients) {
    lines.push(c.name);
    for (const f of c.configs) {
      lines.push(`  ${f.path} (${f.scope})${f.status === 'error' ? ` — error: ${f.error ?? ''}` : ''}`);
      if (f.status === 'ok' && f.servers.length === 0) lines.push('    (no servers)');
      for (const s of f.servers) {
        const where = s.section !== undefined ? ` ${s.section}` : '';
        const target = s.command ?? s.url ?? '';
        lines.push(`    ${visible(s.name)}${where} [${s.transport}${s.disabled ? ', disabled' : ''}] ${visible(target)}`);
        if (s.envKeys.length > 0 || s.headerKeys.length > 0) {
          lines.push(`      ${[s.envKeys.length > 0 ? `env: ${s.envKeys.join(', ')}` : '', s.headerKeys.length > 0 ? `headers: ${s.headerKeys.join(', ')}` : ''].filter(Boolean).join('; ')} (values hidden)`);
        }
        lines.push(`      ${scanLabel(s)}`);
        for (const fl of s.scan?.flagged ?? []) lines.push(`        ${LABEL[fl.verdict]} ${fl.list} ${visible(fl.name)}: ${fl.rules.join(', ')}`);
      }
      for (const p of f.problems) lines.push(`    problem: ${visible(p)}`);
    }
  }
  const s = report.summary;
  if (report.clients.length === 0) lines.push('No MCP client configs found.');
  lines.push(`${s.configs} config file${s.configs === 1 ? '' : 's'}, ${s.servers} servers: ${s.shadow} shadow, ${s.throughPortcullis} through Portcullis; ${s.scanned} scanned, ${s.blocked} blocked`);
  return `${lines.join('\n')}\n`;
}
