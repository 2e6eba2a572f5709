/**
 * From screening findings to a verdict under a server's configured actions (`security.actions`):
 * the strongest action any finding maps to decides — `block` → block, `quarantine` → review,
 * `warn`/`allow` → allow. Shared by the gateway's surface guard and `portcullis scan --config`, so
 * a scan says what the gateway would do.
 */
import { stricter } from '../config/security.js';
import type { SeverityAction, SeverityActions } from '../config/types.js';
import type { Finding, Verdict } from './screen/index.js';

/** The strongest action the findings map to (`allow` for none). */
export function worstAction(findings: readonly Finding[], action: (severity: Finding['severity']) => SeverityAction): SeverityAction {
  let worst: SeverityAction = 'allow';
  for (const f of findings) worst = stricter(worst, action(f.severity));
  return worst;
}

/** The verdict an action stands for: `block` → block, `quarantine` → review, else allow. */
export function verdictOfAction(action: SeverityAction): Verdict {
  return action === 'block' ? 'block' : action === 'quarantine' ? 'review' : 'allow';
}

/** The verdict of findings under per-severity actions. */
export function verdictUnder(findings: readonly Finding[], actions: SeverityActions): Verdict {
  return verdictOfAction(worstAction(findings, (s) => actions[s]));
}
