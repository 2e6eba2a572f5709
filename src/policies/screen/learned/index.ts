/**
 * The learned screen: a second, statistical reading of an item next to the rule tables. A linear
 * model over words and character n-grams (`features.ts`, `model.ts`), trained on labelled poisoned
 * and clean definitions, rates how much an item's text reads like a poisoned one. It catches
 * wording the rules have no phrase for; it can also be wrong, so its finding says it is a
 * judgement, names its score, and shows the sentence that weighs most. A score at the model's
 * threshold gives a medium finding — held for an admin's review by default (`quarantine`), never
 * blocked outright by a judgement alone — unless `security.actions.medium` says otherwise. Off with
 * `security.classifier: false`.
 */
import { META, type Emit } from '../rules/rule.js';
import { makeVisible } from '../visible.js';
import type { FieldText } from '../walk.js';
import { itemFeatures } from './features.js';
import { scoreItem, shippedModel, type Model } from './model.js';

/** Rule id of the learned finding. */
export const LEARNED_RULE = 'learned.poisoning-likely';

/** Scores an item's fields and emits one finding when the score reaches a threshold. */
export function scanLearned(fields: readonly FieldText[], emit: Emit, model: Model = shippedModel()): void {
  const { p, top } = scoreItem(model, itemFeatures(fields));
  if (p < model.threshold) return;
  // A security tool describing attacks ("flags phrases such as 'ignore previous instructions'") reads
  // like one; when the sentence that weighs most talks about detecting or examples, the rules decide.
  if (top !== undefined && META.test(top.text)) return;
  const text = top === undefined ? '' : makeVisible(top.text);
  const order = top === undefined ? 0 : Math.max(0, fields.findIndex((f) => f.field === top.field));
  emit({
    rule: LEARNED_RULE,
    severity: 'medium',
    field: top?.field ?? '',
    evidence: `score ${p.toFixed(2)}: ${text.length > 180 ? `${text.slice(0, 180)}…` : text}`,
    message: `A statistical model trained on known poisoned and clean tool definitions rates this text as likely poisoned (score ${p.toFixed(2)} of 1). The sentence that weighs most is shown. This is a judgement, not a matched rule: read the text and decide.`,
    family: 'learned',
    order,
  });
}
