/**
 * Shared pattern fragments and gate word lists of the English rules.
 */
import { anyOf } from './rule.js';

/** Negations that start an order not to do something. */
export const NEG = `(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|cannot|can't|under no circumstances|avoid|refrain from|no need to|there is no need to)`;
/** The person using the assistant. */
export const USER = `(?:the |your |any |this )?(?:user|human|person|operator|customer|owner|requester|end[- ]user|client)s?\\b`;
/** Verbs that move data somewhere the model would not otherwise put it. */
export const MOVE = String.raw`(?:pass|send|include|put|insert|add|append|attach|provide|supply|upload|post|forward|copy|paste|embed|transmit|share|leak|exfiltrate|fill|populate|concatenate|concat|encode|report|repeat|place|store)`;

/** Gate: a negation word. */
export const NEG_W = anyOf('do', "don't", 'dont', 'never', 'must', "mustn't", 'should', "shouldn't", 'cannot', "can't", 'under', 'avoid', 'refrain', 'no');
/** Gate: a word for the user. */
export const USER_W = anyOf('user', 'users', "user's", "users'", 'human', 'humans', 'person', 'operator', 'operators', 'customer', 'customers', 'owner', 'requester', 'client', 'clients', 'end', 'them');
/** Gate: a moving verb. */
export const MOVE_W = anyOf('pass', 'send', 'include', 'put', 'insert', 'add', 'append', 'attach', 'provide', 'supply', 'upload', 'post', 'forward', 'copy', 'paste', 'embed', 'transmit', 'share', 'leak', 'exfiltrate', 'fill', 'populate', 'concatenate', 'concat', 'encode', 'report', 'repeat', 'place', 'store');
