/**
 * The optional second opinion: an external classifier or LLM judge behind HTTP, off by default.
 * The deterministic engine stands alone; a judge can only add findings. Whatever goes wrong on the
 * judge's side (timeout, refused connection, bad status, oversized or malformed answer) gives no
 * findings from it plus one `judge.unavailable` info finding, never an exception.
 */
import { z } from 'zod';
import type { Finding, ScreenContext, ScreenItem } from './types.js';
import { makeVisible } from './visible.js';

/** A second opinion on one item, given the engine's findings. */
export interface Judge {
  name: string;
  review(item: ScreenItem, ctx: ScreenContext, findings: readonly Finding[], signal: AbortSignal): Promise<Finding[]>;
}

/** Options of {@link createHttpJudge}. */
export interface HttpJudgeOptions {
  url: string;
  headers?: Record<string, string>;
  /** Deadline for one review, in milliseconds (default 5000). */
  timeoutMs?: number;
}

/** Largest answer read from a judge. */
const MAX_ANSWER_BYTES = 1_048_576;
const MAX_FINDINGS = 100;

const FindingSchema = z.object({
  rule: z.string().min(1).max(200),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
  field: z.string().max(1000),
  evidence: z.string().max(4000),
  message: z.string().max(4000),
});
const AnswerSchema = z.object({ findings: z.array(FindingSchema).max(MAX_FINDINGS) });

function unavailable(name: string, reason: string): Finding[] {
  return [
    {
      rule: 'judge.unavailable',
      severity: 'info',
      field: '',
      evidence: `${name}: ${reason}`.slice(0, 200),
      message: 'The optional second-opinion service could not be reached or gave an unusable answer; only the built-in screening applies.',
    },
  ];
}

async function readCapped(res: Response, signal: AbortSignal): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal.aborted) throw new Error('timed out');
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ANSWER_BYTES) throw new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`);
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A judge that POSTs `{ item, server, findings }` as JSON to `opts.url` and expects
 * `{ findings: Finding[] }` back (validated). Evidence from the judge is made visible and capped.
 */
export function createHttpJudge(opts: HttpJudgeOptions): Judge {
  const timeoutMs = opts.timeoutMs ?? 5000;
  let name = 'http-judge';
  try {
    name = `http-judge ${new URL(opts.url).host}`;
  } catch {
    // Reported when a review is attempted.
  }
  return {
    name,
    async review(item, ctx, findings, signal) {
      const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers },
          body: JSON.stringify({ item, server: ctx.server, findings }),
          signal: deadline,
          redirect: 'error',
        });
        if (!res.ok) {
          await res.body?.cancel().catch(() => undefined);
          return unavailable(name, `HTTP ${res.status}`);
        }
        const text = await readCapped(res, deadline);
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return unavailable(name, 'answer is not JSON');
        }
        const parsed = AnswerSchema.safeParse(json);
        if (!parsed.success) return unavailable(name, `answer does not match {findings: Finding[]}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        return parsed.data.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          field: f.field.slice(0, 300),
          evidence: makeVisible(f.evidence.slice(0, 200)),
          message: f.message.slice(0, 1000),
        }));
      } catch (err) {
        const reason = deadline.aborted && !signal.aborted ? `no answer within ${timeoutMs} ms` : signal.aborted ? 'cancelled' : errorText(err);
        return unavailable(name, reason);
      }
    },
  };
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const code = cause !== null && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    return code !== undefined ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
