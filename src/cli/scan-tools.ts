/**
 * `portcullis scan --tools FILE [--format json|text] [--server NAME] [--no-classifier]`: screens a
 * `tools/list` result offline (`--no-classifier`: the rules alone, without the learned screen). The input is a JSON file (or `-` for stdin) holding `{"tools": [...]}`, a
 * JSON-RPC response whose `result` has `tools`, or a plain array of tools. The file's tools are
 * screened as one server's. Exit 0 when no tool is blocked, 1 when any is, 2 for usage errors and
 * unreadable or invalid input.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { screenItem, verdictFor, type Finding, type Verdict } from '../policies/screen/index.js';

/** Where `runScanTools` writes. */
export interface ScanToolsOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** One tool's result, as printed in JSON. */
export interface ToolReport {
  name: string;
  verdict: Verdict;
  findings: Finding[];
}

const STD: ScanToolsOutput = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** Usage of this subcommand. */
export const SCAN_TOOLS_USAGE = 'Usage: portcullis scan --tools FILE [--format json|text] [--server NAME] [--no-classifier]   (FILE "-" reads stdin)';

/** Largest input accepted (a tools/list result is far smaller). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

class InputError extends Error {}

async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      const buf = await readFile(file);
      if (buf.byteLength > MAX_INPUT_BYTES) throw new InputError(`${file}: larger than ${MAX_INPUT_BYTES} bytes`);
      return buf.toString('utf8');
    } catch (err) {
      if (err instanceof InputError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      throw new InputError(`${file}: cannot read the file (${code})`);
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.byteLength;
    if (size > MAX_INPUT_BYTES) throw new InputError(`stdin: larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The tools in a parsed input, or an error naming what is wrong. */
export function toolsOf(input: unknown, source: string): Array<Record<string, unknown>> {
  let list: unknown;
  if (Array.isArray(input)) list = input;
  else if (isRecord(input) && Array.isArray(input.tools)) list = input.tools;
  else if (isRecord(input) && isRecord(input.result) && Array.isArray(input.result.tools)) list = input.result.tools;
  else if (isRecord(input) && isRecord(input.error)) throw new InputError(`${source}: the JSON-RPC response is an error, not a tools/list result`);
  else throw new InputError(`${source}: expected a tools/list result ({"tools": [...]}), a JSON-RPC response with result.tools, or an array of tools`);
  const tools = list as unknown[];
  tools.forEach((t, i) => {
    if (!isRecord(t) || typeof t.name !== 'string') throw new InputError(`${source}: tools[${i}] is not a tool (expected an object with a string "name")`);
  });
  return tools as Array<Record<string, unknown>>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Screens `tools` as the tools of one server. */
export function scanTools(tools: ReadonlyArray<Record<string, unknown>>, server: string, opts: { classifier?: boolean } = {}): ToolReport[] {
  return tools.map((def) => {
    const name = String(def.name);
    const findings = screenItem({ kind: 'tool', name, def }, { server, classifier: opts.classifier !== false });
    return { name, verdict: verdictFor(findings), findings };
  });
}

function summaryOf(reports: readonly ToolReport[]): { tools: number; block: number; review: number; allow: number } {
  const count = (v: Verdict) => reports.filter((r) => r.verdict === v).length;
  return { tools: reports.length, block: count('block'), review: count('review'), allow: count('allow') };
}

/** The human-readable report: one block per tool with findings, one line per clean tool, a summary. */
export function formatText(reports: readonly ToolReport[], source: string): string {
  const lines: string[] = [`Screened ${source}`, ''];
  for (const r of reports) {
    lines.push(`${r.verdict.toUpperCase().padEnd(6)} ${r.name}`);
    for (const f of r.findings) {
      lines.push(`  ${f.severity.padEnd(8)} ${f.rule}${f.field ? `  [${f.field}]` : ''}`);
      lines.push(`           ${f.message}`);
      lines.push(`           evidence: ${f.evidence}`);
    }
  }
  const s = summaryOf(reports);
  lines.push('', `Summary: ${s.tools} tool${s.tools === 1 ? '' : 's'}: ${s.block} blocked, ${s.review} to review, ${s.allow} allowed`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `portcullis scan --tools …` with `argv` (the arguments after `scan`). Returns the exit
 * code: 0 nothing blocked, 1 something blocked, 2 usage error or bad input.
 */
export async function runScanTools(argv: string[], out: ScanToolsOutput = STD): Promise<number> {
  let values: { tools?: string; format?: string; server?: string; 'no-classifier'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { tools: { type: 'string' }, format: { type: 'string' }, server: { type: 'string' }, 'no-classifier': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    out.stderr(`portcullis: scan: ${err instanceof Error ? err.message.replace(/\. To specify a positional.*$/s, '') : String(err)}\n${SCAN_TOOLS_USAGE}\n`);
    return 2;
  }
  if (values.help === true) {
    out.stdout(`${SCAN_TOOLS_USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (values.tools === undefined || values.tools === '' || (format !== 'json' && format !== 'text')) {
    const why = values.tools === undefined || values.tools === '' ? 'missing --tools FILE' : `--format must be json or text, not "${format}"`;
    out.stderr(`portcullis: scan: ${why}\n${SCAN_TOOLS_USAGE}\n`);
    return 2;
  }
  const source = values.tools === '-' ? 'stdin' : values.tools;
  let reports: ToolReport[];
  try {
    const text = await readInput(values.tools);
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${source}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const server = values.server ?? (values.tools === '-' ? 'stdin' : basename(values.tools));
    reports = scanTools(toolsOf(input, source), server, { classifier: values['no-classifier'] !== true });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    out.stderr(`portcullis: scan: ${err.message}\n`);
    return 2;
  }
  if (format === 'json') out.stdout(`${JSON.stringify({ tools: reports, summary: summaryOf(reports) }, null, 2)}\n`);
  else out.stdout(formatText(reports, source));
  return reports.some((r) => r.verdict === 'block') ? 1 : 0;
}
