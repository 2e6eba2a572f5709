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
