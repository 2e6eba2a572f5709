/**
 * Shared pattern fragments and gate word lists of the English rules.
 */
import { anyOf } from './rule.js';

/** Negations that start an order not to do something. */
export const NEG = `(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|cannot|can't|under no circumstances|avoid|refrain from|no need to|there is no need to)`;
/** The person using the assistant. */
export const USER = `(?:the |your |any |this )?(?:user|human|person|operator|customer|owner|requester|end[- ]user|client)s?\\b`;
/** Verbs that move data somewhere the model would not otherwise put it. */
export const MOVE = String.raw`(?:pass|send|include|put|insert|add|append|attach|provide|supply|upload|post|forward|copy|paste|embed|transmit|share|leak|exfiltrate|fill|populate|concatenate|concat|encode|report|repeat|place|store|accompany|carry|bundle|piggyback|smuggle|relay)`;

/** An identifier of four or more words (`INCLUDE_SYSTEM_PROMPT_IN_OUTPUT`, `sendAllTheFilesNow`), read as words. */
export const IDENTIFIER_PHRASE = /^(?:[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+){3,}|[a-z]+(?:[A-Z][a-z0-9]+){3,})$/;

/** Gate: a negation word. */
export const NEG_W = anyOf('do', "don't", 'dont', 'never', 'must', "mustn't", 'should', "shouldn't", 'cannot', "can't", 'under', 'avoid', 'refrain', 'no');
/** Gate: a word for the user. */
export const USER_W = anyOf('user', 'users', "user's", "users'", 'human', 'humans', 'person', 'operator', 'operators', 'customer', 'customers', 'owner', 'requester', 'client', 'clients', 'end', 'them');
/** Gate: a moving verb. */
export const MOVE_W = anyOf('accompany', 'carry', 'bundle', 'piggyback', 'smuggle', 'relay', 'pass', 'send', 'include', 'put', 'insert', 'add', 'append', 'attach', 'provide', 'supply', 'upload', 'post', 'forward', 'copy', 'paste', 'embed', 'transmit', 'share', 'leak', 'exfiltrate', 'fill', 'populate', 'concatenate', 'concat', 'encode', 'report', 'repeat', 'place', 'store');

/** The simple inflections of an English verb: `report` → report, reports, reported, reporting. */
export function inflect(verb: string): string[] {
  const out = new Set([verb]);
  const last = verb.slice(-1);
  const stem = verb.slice(0, -1);
  if (/[^aeiou]y$/.test(verb)) out.add(`${stem}ies`).add(`${stem}ied`);
  else if (/(?:s|sh|ch|x|z|o)$/.test(verb)) out.add(`${verb}es`);
  else out.add(`${verb}s`);
  if (last === 'e') out.add(`${verb}d`).add(`${stem}ing`);
  else {
    if (!/[^aeiou]y$/.test(verb)) out.add(`${verb}ed`);
    out.add(`${verb}ing`);
  }
  return [...out];
}

/** A pattern for any inflection of any of `verbs` (multi-word verbs inflect their first word). */
export function verbs(...list: string[]): string {
  const forms = list.flatMap((v) => {
    const [head = v, ...rest] = v.split(' ');
    return inflect(head).map((f) => [f, ...rest].join(' '));
  });
  return `(?:${forms.sort((a, b) => b.length - a.length).join('|')})`;
}

/** The words of every inflection of `verbs` (first words only), for gates. */
export function verbWords(...list: string[]): string[] {
  return list.flatMap((v) => inflect(v.split(' ')[0] ?? v));
}
