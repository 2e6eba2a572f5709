/**
 * From findings to a verdict: the most severe finding decides, against the policy's thresholds.
 */
import { RANK } from './rules/rule.js';
import type { Finding, Verdict, VerdictPolicy } from './types.js';

/** The default policy: `high` and above block, `medium` asks for review. */
export const DEFAULT_VERDICT_POLICY: Readonly<VerdictPolicy> = Object.freeze({ block: 'high', review: 'medium' });

/** `block` when any finding reaches `policy.block`, `review` when any reaches `policy.review`, else `allow`. */
export function verdictFor(findings: readonly Finding[], policy: VerdictPolicy = DEFAULT_VERDICT_POLICY): Verdict {
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, RANK[f.severity] ?? -1);
  if (worst < 0) return 'allow';
  if (worst >= RANK[policy.block]) return 'block';
  if (worst >= RANK[policy.review]) return 'review';
  return 'allow';
}
