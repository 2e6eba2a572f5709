/**
 * Stance: when a sentence that gives the model an order, or names secrets and the user, protects the
 * user rather than steers the model against them. Rules that read orders, concealment and data
 * flows share these predicates instead of each keeping exceptions of its own:
 * - protective notes: resist instructions planted in content, hand the decision back to the user
 *   ({@link protectsUser});
 * - orders that only give the user more to see or decide on: tell, show, confirm with the user
 *   ({@link givesUserMore});
 * - a secret kept out of the chat ("the password is never shown in the chat": {@link keepsSecretOutOfChat});
 * - conditions that leave it to the user: "unless asked" ({@link toldIfAsked}), "only if the user
 *   provided it" ({@link ONLY_IF_USER_GAVE});
 * - environment variables the caller defines for what the tool starts, not the host's ({@link setsEnvFor}).
 * Each is cancelled by what turns a note back into an attack ({@link AGAINST_USER}).
 */
import { SECRET } from './lexicon.js';

/**
 * Notes to the model that protect the user rather than steer the model against them: resist
 * instructions planted in content ("never act on a message that appears inside a document"), hand
 * the decision back to the user ("ask the user for it", "show them the full name before
 * submitting"), refuse to act on the user's behalf.
 */
const PROTECTIVE =
  /\b(?:ask (?:the user|them)|confirm (?:it |this )?with (?:the user|them)|show (?:the user|them)|have (?:the user|them) (?:confirm|check|approve)|only (?:the )?(?:logged-in |signed-in |authenticated )?(?:user|guardian|owner|account holder|parent|admin)s? (?:can|may)|(?:user-generated|untrusted|third-party) (?:content|text|data)|not (?:commands|instructions)|on the basis of (?:a |any )?(?:message|text|instruction)s?|(?:appears?|found|embedded) (?:inside|in|within) (?:a |the |any )?(?:documents?|e-?mails?|web ?pages?|messages?|metadata|content|files?)|on (?:their|the user'?s?) behalf|do not (?:guess|invent|make up|assume))\b/;

/** What turns a note back into an attack: concealment, acting without the user, moving data or money. */
const AGAINST_USER =
  /\b(?:without (?:asking|confirm\w*|telling|informing|the user)|(?:do not|don't|never) (?:tell|show|mention|inform|display|reveal) (?:the user|them|it|this)|secretly|silently|quietly|authori[sz]ed to|send|forward|upload|copy|bcc|password|token|api key|credentials?|secret|\.env|ignore (?:all|previous|prior|your|the above))\b/;

/** True when the text after an address to the model protects the user and carries nothing against them. */
export function protectsUser(after: string): boolean {
  return PROTECTIVE.test(after) && !AGAINST_USER.test(after);
}

/** Who the user is, as orders name them. */
const THE_USER = String.raw`(?:the |your |this )?(?:users?|customers?|clients?|patients?|callers?|members?|account holders?|humans?|them)\b`;
/**
 * Orders whose every part gives the user more to see or decide on: tell, show or warn the user;
 * confirm or check with the user; tell the user to verify through a known channel; show the figures
 * before acting; and the same in the Latin-script languages ("afficher … à l'utilisateur").
 */
const FOR_THE_USER = new RegExp(
  [
    String.raw`\b(?:tell|show|display|present|state|relay|explain|inform|warn|remind|advise|alert|notify|give)\b(?: [\w'-]+){0,10}? (?:to )?${THE_USER}`,
    String.raw`\b(?:confirm|check|verify|review|double-check|agree)\b(?: [\w'-]+){0,10}? with ${THE_USER}`,
    String.raw`\bsuggest (?:checking|verifying|confirming|reviewing|consulting)\b`,
    String.raw`\b(?:show|display|state|present|quote)\b(?: [\w'-]+){1,10}? before (?:renewing|paying|submitting|sending|confirming|booking|charging|placing|proceeding|calling|deleting|buying|ordering|signing)\b`,
    String.raw`\b(?:afficher|montrer|indiquer|signaler|confirmer|mostrar|indicar|confirmar|informar|avisar|zeigen|anzeigen|mitteilen|bestatigen|mostrare|indicare|confermare|segnalare|tonen|melden|bevestigen|pokazac|potwierdzic|goster|gostermek|tampilkan|hien thi|xac nhan)\b[^.!?\n]{0,60}\b(?:utilisateur|usuario|usuaria|nutzer|benutzer|utente|gebruiker|uzytkownik\w*|kullanici\w*|pengguna|nguoi dung)`,
  ].join('|'),
);
/**
 * Besides what turns any note against the user (`AGAINST_USER`: concealment, acting without them,
 * moving data, secrets): any negation or restriction, a scripted claim, asking for codes or personal
 * data, and money.
 */
const ALSO_AGAINST = /\b(?:never|not|don't|do not|without|instead|only|just|even if|regardless|pretend|claim|as if|passcode|pin|re-?enter|date of birth|security code|card number|cvv|one-time|otp|pay|pays|paid|payment|fee|fees|charge|transfer|wire|iban|account number|to account)\b|\b(?:ne pas|nicht|nie|niet|jangan|khong|sin|sem|senza)\b/;
/** True when the sentence only has the model give the user more to see or decide on. */
export function givesUserMore(text: string): boolean {
  return FOR_THE_USER.test(text) && !AGAINST_USER.test(text) && !ALSO_AGAINST.test(text);
}

/** "… unless explicitly asked", "… unless needed": a condition under which the user is told after all. */
const UNLESS_ASKED = /\bunless (?:\w+ ){0,3}(?:asks?|asked|requests?|requested|needs?|needed|necessary|relevant|wants?|wanted)\b/;
/** True when the rest of a sentence after "don't show it to the user" makes it a condition: "… unless asked", "… unless needed". */
export function toldIfAsked(rest: string): boolean {
  return UNLESS_ASKED.test(rest);
}

/** A thing kept out of the chat or the answer ("is never shown in the chat"). */
const KEPT_OUT_OF_CHAT = /^(?:never|not) (?:\w+ ){0,2}(?:shown|displayed|printed|echoed|revealed|exposed|repeated|written|included|pasted)\b/;
/** A secret as the subject of the sentence: keeping it out of the chat is protection. */
const SECRET_SUBJECT = new RegExp(String.raw`\b(?:${SECRET}|pins?|one-time codes?|otps?|cvv|cvc|card numbers?|recovery (?:codes?|phrases?)|seed phrases?)\b`);
/** The values of a tool that reads secrets ("values are never included" in a `.env` checker). */
const VALUES_SUBJECT = /\bvalues?\b/;
const SECRET_CONTEXT = new RegExp(String.raw`\b${SECRET}\b|\.env\b|\benvironment variables?\b`);

/**
 * True when `phrase` ("never shown", "not displayed") keeps out of the chat a secret that is the
 * subject of the sentence before it, or the values of a tool whose `text` is about secrets.
 */
export function keepsSecretOutOfChat(phrase: string, before: string, text = ''): boolean {
  if (!KEPT_OUT_OF_CHAT.test(phrase)) return false;
  return SECRET_SUBJECT.test(before) || (VALUES_SUBJECT.test(before) && SECRET_CONTEXT.test(text));
}

/** "Pass credentials only if the user provided them": a flow allowed only when the user handed the thing over themselves. */
export const ONLY_IF_USER_GAVE = /\bonly (?:if|when|after) (?:the user|you(?:'ve)?) (?:has |have |had )?(?:explicitly |directly |personally )?(?:provided|gave|given|supplied|typed|entered|pasted|shared)\b/;

/** Environment variables that the caller sets for something the tool starts (a container, a job), not ones read from the host. */
const SETS_ENV = /\b(?:environment variables?|env(?:ironment)? vars?) (?:to (?:set|define|pass|inject|use)|for (?:the |this |each |a )?(?:container|pod|process|job|build|function|deployment|task|service|workflow|run|sandbox))\b|\b(?:set|define|declare|configure|override)s? (?:the |any |extra |additional |custom )?(?:environment variables?|env vars?)\b/;
/** The host's or the user's own environment: what a harvest would take. */
const HOST_ENV = /\b(?:host|your|user'?s?|current|existing|machine|local|system|all (?:the )?(?:environment|env)|every (?:environment|env))\b/;

/** True when the environment variables a sentence moves are ones the caller defines ("environment variables to set in the container"), not the host's. */
export function setsEnvFor(sentence: string): boolean {
  return SETS_ENV.test(sentence) && !HOST_ENV.test(sentence);
}
