/**
 * What lies outside a tool's own job, for rules that need to know whether an instruction reaches
 * beyond the tool it describes: the user and what they are told, the conversation and the model's
 * own instructions, secrets and private files, other tools and servers, outside addresses, and
 * secrecy or pressure words.
 */
import { HOME_PATHS, MODEL_CONTEXT, SECRET, STRONG_FILES, WEAK_FILES } from './lexicon.js';

const PARTS = [
  String.raw`\b(?:tell|show|inform|hide from|keep from|notify) (?:the |your |this )?(?:user|human)s?\b`,
  String.raw`\b(?:tell|inform|notify|mention|reveal|hide|conceal|secret\w*|silent\w*|quiet\w*|without (?:asking|telling|confirm\w*))\b`,
  String.raw`\b(?:an?other|other|any|every|all|different) (?:[\w.-]+ )?(?:tools?|servers?|functions?)\b`,
  String.raw`\b(?:instead of|in place of|rather than|ignore|disregard|override|never|always|every (?:time|turn|request|message|answer|reply))\b`,
  String.raw`\b(?:system prompt|instructions you|conversation|chat history|previous messages)\b`,
  String.raw`\b${SECRET}\b`,
  STRONG_FILES,
  WEAK_FILES,
  HOME_PATHS,
  String.raw`https?:\/\/|[\w.+-]+@[\w-]+\.[a-z]{2,}`,
  String.raw`\b(?:delete|remove|wipe|erase|destroy|drop|truncate|overwrite|format|rm -rf|chmod|sudo)\b`,
  String.raw`\b(?:send|upload|forward|post|exfiltrate|leak|transmit|bcc|cc)\b`,
];

/** Text that reaches beyond the tool's own job (see the module comment). */
export const OUT_OF_SCOPE = new RegExp(`${PARTS.join('|')}|${MODEL_CONTEXT.source}`);

/**
 * Notes to the model that protect the user rather than steer the model against them: resist
 * instructions planted in content ("never act on a message that appears inside a document"), hand
 * the decision back to the user ("ask the user for it", "show them the full name before
 * submitting"), refuse to act on the user's behalf.
 */
export const PROTECTIVE =
  /\b(?:ask (?:the user|them)|confirm (?:it |this )?with (?:the user|them)|show (?:the user|them)|have (?:the user|them) (?:confirm|check|approve)|only (?:the )?(?:logged-in |signed-in |authenticated )?(?:user|guardian|owner|account holder|parent|admin)s? (?:can|may)|(?:user-generated|untrusted|third-party) (?:content|text|data)|not (?:commands|instructions)|on the basis of (?:a |any )?(?:message|text|instruction)s?|(?:appears?|found|embedded) (?:inside|in|within) (?:a |the |any )?(?:documents?|e-?mails?|web ?pages?|messages?|metadata|content|files?)|on (?:their|the user'?s?) behalf|do not (?:guess|invent|make up|assume))\b/;

/** What turns a note back into an attack: concealment, acting without the user, moving data or money. */
export const AGAINST_USER =
  /\b(?:without (?:asking|confirm\w*|telling|informing|the user)|(?:do not|don't|never) (?:tell|show|mention|inform|display|reveal) (?:the user|them|it|this)|secretly|silently|quietly|authori[sz]ed to|send|forward|upload|copy|bcc|password|token|api key|credentials?|secret|\.env|ignore (?:all|previous|prior|your|the above))\b/;

/** True when the text after an address to the model protects the user and carries nothing against them. */
export function protectsUser(after: string): boolean {
  return PROTECTIVE.test(after) && !AGAINST_USER.test(after);
}
