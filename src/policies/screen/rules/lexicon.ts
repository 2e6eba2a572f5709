/**
 * Shared vocabulary of the data rules: sensitive files, secrets, the conversation, personal data,
 * moving verbs in the screened languages, and what counts as a destination (a parameter of the
 * tool, an outside address).
 */
import type { FieldText } from '../walk.js';
import type { ItemFacts } from './rule.js';
import { MOVE, verbs } from './words.js';

/** Files whose mention alone is worth a note: keys, cloud credentials, agent configs, browser stores. */
export const STRONG_FILES = [
  String.raw`\.ssh\b(?:\/[\w.-]*)?`,
  String.raw`\bid_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?\b`,
  String.raw`\.aws\/(?:credentials|config)\b`,
  String.raw`\/etc\/(?:shadow|sudoers|passwd|master\.passwd)\b`,
  String.raw`\.git-credentials\b|\.netrc\b|\.pgpass\b|\.my\.cnf\b|\.pypirc\b|\.npmrc\b`,
  String.raw`\.docker\/config\.json\b|\.kube\/config\b|\bkubeconfig\b`,
  String.raw`\.config\/gcloud\b|\bapplication_default_credentials\.json\b|\.azure\/[\w.]+`,
  String.raw`\bmcp\.json\b|\bclaude_desktop_config\.json\b|\.cursor\/[\w.\/-]+|\.codeium\/[\w.\/-]+|\.continue\/config\b`,
  String.raw`\b(?:chrome|chromium|firefox|safari|edge|brave|opera|browser)(?:'s)? (?:cookies|login data|saved (?:passwords|logins)|password (?:store|manager)|local storage|session storage|history)\b`,
  String.raw`\b(?:browser|chrome|chromium|firefox|safari|edge)(?:'s)? (?:cookie|password|login|credential|session)s? (?:store|jar|database|db|storage|vault|file|cache)\b|\bcookie (?:store|jar)\b`,
  String.raw`\bbrowser[ _]cookies\b|\bcookies\.sqlite\b|\blogin data\b|\bkey[34]\.db\b|\blogins\.json\b|\bsaved (?:logins|passwords|credentials)\b`,
  String.raw`\bwallet\.dat\b|\b(?:seed|recovery|mnemonic) phrases?\b|\bkeychain\b|\.gnupg\b|\bsecring\.gpg\b|\.ethereum\/keystore\b|\bkeystore files?\b`,
  String.raw`\.(?:bash|zsh|sh|python|psql|mysql)_history\b`,
].join('|');

/** Files that legitimately come up in documentation; only an instruction to move them counts. */
export const WEAK_FILES = String.raw`(?:^|[\s'"(\/~])\.env(?:\.\w+)?\b|\benv file\b|\b[\w-]+\.(?:pem|p12|pfx|keystore|jks)\b|\bprivate keys?\b|\b(?:secrets?|credentials?|tokens?)\.(?:json|ya?ml|toml|txt)\b|\bwp-config\.php\b`;

/** Personal locations: the home folder and its usual sub-folders. */
export const HOME_PATHS = String.raw`~\/[\w.\/-]+|\$home\b|%userprofile%|\bhome (?:folder|directory)\b|\b(?:documents|downloads|desktop|pictures|photos) (?:folder|directory)\b`;

/** Moving verbs plus the ones that make the model say something out loud. */
export const MOVE_OR_SAY = String.raw`(?:${MOVE}|dump|repeat|reveal|output|print|echo|recite|disclose)`;
/** The English moving verbs in their simple inflections (`passed`, `includes`, `uploading`). */
const MOVE_INFLECTED = verbs(...MOVE.slice(3, -1).split('|'), 'dump', 'repeat', 'reveal', 'output', 'print', 'echo', 'recite', 'disclose');
/** Moving verbs in the other screened languages (folded forms). */
const MOVE_INTL = [
  'envia|enviar|envie|incluye|incluir|incluya|pasa|pasar|pase|adjunta|adjuntar|copia|copiar|sube|subir|agrega|anade|pon',
  'envoie[zr]?|inclu(?:s|re|ez)|transmet(?:s|tez|tre)|joins|joignez|copie[zr]?|ajoute[zr]?|colle[zr]?|mets|mettez',
  'sende|senden|schick(?:e|en)?|fuge|hange|ubermittle|kopiere|gib',
  'inclua|passe|anexe|anexar|copie|adicione|coloque',
  'invia|inviare|includi|passa|allega|aggiungi|metti',
  'ekle|gonder|yapistir|dodaj|wyslij|przekaz|gui|chen|kirim|sertakan|tambahkan|skicka|bifoga|lagg till|stuur|voeg',
  'отправь|пришли|передай|перешли|включи|добавь|вставь|скопируй|приложи|передавай|надішли|надсилай|додай|додавай|скопіюй|вклади|изпрати|добави|копирай',
  'masold|kuldd|kuldje|csatold|illeszd|lisaa|liita|kopioi|laheta|posli|pridej|vloz|zkopiruj|prilozte|trimite|adauga|copiaza|ataseaza|tilfoj|vedhaeft|kopier|tuma|ongeza|nakili|ipadala|idagdag|kopyahin',
  'στειλε|στειλτε|προσθεσε|προσθεστε|αντιγραψε|επισυναψε|بفرست|بفرستید|اضافه کن|قرار بده|کپی کن|ضمیمه کن',
].join('|');
const MOVE_NON_SPACED = 'ส่ง|ใส่|แนบ|คัดลอก|发送|發送|发给|發給|上传|上傳|附上|填入|放入|送信|送って|添付|入れ|貼り付け|渡し|보내|전송|첨부|넣어|붙여|أرسل|ارسل|أضف|أرفق|שלח|צרף|הוסף';
/** Any moving verb, in any of the screened languages (match on the native form). */
export const MOVE_ANY = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${MOVE_INFLECTED}|${MOVE_OR_SAY}|${MOVE_INTL})(?!\\p{L})|${MOVE_NON_SPACED}`, 'u');

/** A destination named generically: "as the X parameter", "as 'x'", a side field, a URL or e-mail. */
export const TO_PARAM = new RegExp(
  String.raw`\b(?:as|in|into|inside|to|via|through|within|under|using|como|comme|als|come)\b (?:the |a |an |its |this |that |your |el |la |le |der |die |das |il |o )?['"]?[\w.-]+['"]? ?(?:param(?:eter|etro|etre)?s?|arg(?:ument)?s?|field|property|variable|input|campo|champ|feld)\b|(?:^|\s)(?:as|como|comme|als|come|как) ['"«][\w.-]+['"»]|\b(?:sidenote|side_note|notes?|metadata|feedback|debug)\b|\b(?:in|into|with|inside) (?:the|each|every|your|this|the next|its) (?:request|call|query|payload|body|headers?|arguments?|invocation)s?\b|https?:\/\/|[\w.+-]+@[\w-]+\.[a-z]{2,}|\b(?:first|second|third|last|final|next) argument\b|параметр|поле|参数|參數|字段|パラメータ|引数|매개변수|파라미터|인자`,
  'u',
);
/** "Its contents", "the contents of". */
export const CONTENT = /\b(?:its|their|the file'?s?|the|full|entire|complete|whole) (?:contents?|text|lines)\b|\b(?:contents?|output|last (?:\d+ )?lines) of\b|`?(?:cat|tail|head|less|more|type|get-content) (?:-\w+ )*(?:\d+ )?[~$%/.]|\b(?:contenido|contenu|inhalt|conteudo|contenuto|icerigini|icerigi|zawartosc|noi dung|isi)\b|содержимое|内容|내용|محتوى|תוכן/u;
/** An imperative read ("read ~/.ssh/…", "lee el archivo"). */
export const IMPERATIVE_READ = new RegExp(
  String.raw`(?:^|[\n.;:!?(]\s*|\b(?:please|first|then|and|also|always|must|should|need to|have to|make sure to|be sure to|required to|you)\s+)(?:read|cat|open|load|fetch|grab|retrieve|collect|extract|dump|print|output|access|obtain|get|look up|copy|check)\b|\b(?:lee|leer|lea|lis|lisez|lies|lese|leia|ler|leggi|leggere|oku|przeczytaj|baca)\b|прочитай|прочти|读取|讀取|読み取|読んで|읽어|اقرأ|קרא`,
  'u',
);

/** Words that tie a mention of the conversation to the model's own conversation. */
export const MODEL_CONTEXT =
  /\b(?:so far|this (?:conversation|chat|session|dialog(?:ue)?)|(?:current|ongoing|present) (?:conversation|chat|session)|our (?:conversation|chat)|between (?:you|the assistant|the ai|the model) and|with (?:the|this) user|(?:previous|prior|earlier|preceding|past|all|last) (?:messages?|turns?|exchanges?|prompts?|conversation|user messages?)|(?:previous|prior|last|earlier) (?:user|human) (?:messages?|prompts?|inputs?|requests?|queries)|(?:the )?user's (?:(?:complete|full|entire|original|exact|last|latest|previous|own) )?(?:messages?|prompts?|inputs?|requests?|queries|query|words|text|questions?)|(?:the )?users? (?:messages|prompts)|(?:you|the user) (?:have |has )?(?:said|wrote|typed|asked|received|seen|been told)|everything (?:the user|you) (?:has |have )?(?:said|wrote|typed|asked|shared)|(?:content|text|data|files?|code) you (?:intend|plan|want|are about|are going) to (?:write|send|save|upload|post)|context window|(?:entire|full|whole|complete|verbatim) (?:conversation|chat|context|dialog(?:ue)?)(?! (?:of|for|in|from) (?:a|the|this|that|given|specified|selected)))\b/;
/** Words that show "messages" are a chat service's data, not the model's conversation. */
export const CHANNEL = /\b(?:channels?|threads?|rooms?|groups?|contacts?|inbox|mailbox|slack|discord|teams|whatsapp|telegram|sms|e-?mails?|ids?|tickets?|issues?|support|customers?)\b/;

/** Secrets by name. */
export const SECRET = String.raw`(?:api[ _-]?keys?|access[ _-]?keys?|secret[ _-]?keys?|auth(?:entication)? tokens?|access tokens?|bearer tokens?|tokens?|passwords?|passphrases?|secrets?|credentials?|private keys?|cookies|session (?:ids?|tokens?)|ssh keys?|_authtoken)`;
/** Where a secret would come from if the model were to hand it over. */
export const SECRET_SOURCE = String.raw`(?:found|present|stored|saved|available|visible|shown|displayed|seen|mentioned|contained|typed|entered|pasted|shared|you (?:can )?(?:find|see|have|know|access|used|use|were given|received)|the user (?:typed|entered|gave|shared|pasted|provided)|earlier|from (?:the |this |your )?|in (?:the |this |your |any )?)${'(?:[^.!?\\n]|[.!?](?=\\S)){0,24}'}\b(?:conversation|context|chat|environment|env|memory|history|system|machine|computer|workspace|files?|project|repo(?:sitory)?|config(?:uration)?s?|home directory|disk|clipboard|previous messages|session|earlier|before|used|typed|(?:tool )?(?:outputs?|results?|responses?)|logs?|screen|page)\b`;
/** Personal data of the user. */
export const PERSONAL = String.raw`\ball (?:of )?(?:the |your |their |the user'?s? )?(?:contacts|address book|phone contacts|photos|text messages|sms messages)\b|\b(?:(?:gps |movement |travel )?location|browsing|search|call|web) history\b|\b(?:everything|all|whatever) (?:you know|you have learned|is known) about (?:the |this |your )?(?:current )?users?\b|\binfer (?:these|this|them|it|their \w+) from the conversation\b|\b(?:the user'?s?|your|their) (?:(?:saved|stored|known|current|exact|precise|home|full|real|private|personal) )?(?:e-?mail(?: address)?|phone(?: number)?|home address|(?:postal |street )?address(?:es)?|location|date of birth|birthday|full name|contacts?|calendar|photos|files|documents|social security|credit card|passport)\b|\bevery file the user\b|\bfiles? the user (?:opened|pasted|uploaded|shared|attached|viewed)\b|\baddresses (?:mentioned|given|shared) in the (?:chat|conversation)\b|\b(?:the user'?s? )?(?:shell|command|terminal|bash|zsh|browser|search) history\b|\bclipboard(?: contents)?\b`;
/** The user's workspace, which should not leave the machine on its own. */
export const WORKSPACE = String.raw`\b(?:(?:working|current|project|home) (?:directory|folder)(?: listing| contents| tree)?|directory listing|git remote(?: url)?|workspace(?: contents| files)?|local files|source code|repository contents)\b`;

/** An outside address: URL, e-mail address or a bare domain name. */
export const OUTSIDE = /https?:\/\/|ftp:\/\/|wss?:\/\/|[\w.+-]+@[\w-]+\.[a-z]{2,}|(?<![./\\\w-])[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|dev|app|xyz|ru|cn|info|biz|co|me|site|online|cloud|example|top|tk|sh|ai)\b/;

/**
 * True when `text` sends something into a parameter of this tool: "as notes", "in config", "into
 * session_blob", "the summary field should contain", "supply it here" (in a parameter's own text).
 */
export function toParameter(text: string, field: FieldText, facts: ItemFacts): boolean {
  if (TO_PARAM.test(text)) return true;
  if (field.param !== undefined && /\b(?:here|in this (?:field|parameter|value)|this (?:field|parameter|value))\b/.test(text)) return true;
  if (/\b(?:call|invoke|use|run) this tool\b(?:[^.!?\n]){0,40}\b(?:pass|send|include|give)\b|\b(?:pass|send|give|forward)\b(?:[^.!?\n]){0,60}\b(?:to|into) this tool\b/.test(text)) return true;
  if (facts.params.size === 0) return false;
  // "… into the notes", "no campo contexto", "kenttään lisatiedot", "a meta mezőbe" (folded): a field word, then the name.
  const re = /\b(?:(?:as|in|into|inside|to|under|via|set|fill|populate)(?:\s+the)?|the|campo|champ|feld|veld|pole|kentta|kenttaan|campul|alan|kolom|sehemu|parametro|parametre|parameter)\s+['"]?([a-z_][\w.-]{1,63})['"]?|['"]?([a-z_][\w.-]{1,63})['"]? (?:(?:mezo|mezobe|mezoben|kenttaan|alanina|alanna)\b|(?:set to|=)(?=\s))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "the user's existing key": a possessive is a person or thing, not a field.
    if (/^['’]s\b/.test(next)) continue;
    // "for the user": a person, unless called a field ("the user parameter").
    if (/^the\s+(?:user|users|owner|caller|customer|recipient)[.-]*$/.test(m[0]) && !/^ (?:field|parameter|param|argument|value)\b/.test(next)) continue;
    if (facts.params.has((m[1] ?? m[2] ?? '').replace(/[.-]+$/, ''))) return true;
  }
  return false;
}

/** {@link STRONG_FILES} compiled once. */
export const STRONG_FILE_RE = new RegExp(STRONG_FILES);

/** The field path of a schema default or constant (`….default`, `….default[0]`, `….const`). */
export const PRESET_DEFAULT = /\.default|\.const/;

/** Safe places to put a secret (not a leak). */
export const SAFE_STORE = /\b(?:keychain|keyring|vault|secrets? manager|credential manager|password manager|kms|hsm|encrypted (?:store|storage|file))\b/;

/** A name given to the conversation ("the current conversation/chat title"), not what was said in it. */
export const NAMES_THE_CONVERSATION = /\b(?:conversation|chat|session|thread)(?:\/(?:conversation|chat|session|thread))? (?:title|name|label|topic|subject)s?\b/;

/** "… because a web page asked you to": what content asks for, refused (a defence against injection, not a steer). */
export const CONTENT_ASKED = String.raw`(?: (?:because|just because|when|if|merely because) (?:a|an|the|some) (?:[\w-]+ )?(?:web ?pages?|pages?|sites?|websites?|documents?|e-?mails?|messages?|files?|results?|content|texts?|outputs?) (?:asks?|asked|says?|said|tells?|told|instructs?|instructed|requests?|requested)\b)`;

/** An option of what the tool itself returns ("If true, include the secret value in the response"), not a flow into it. */
export const OWN_OUTPUT_OPTION = /^if (?:true|set|enabled)\b[^.!?\n]*\b(?:in|into) (?:the |its )?(?:response|output|result|results|reply)\b/;

/**
 * Text just before a file or store that says a secret is kept there ("passwords stay in the OS ",
 * "are stored in your "), not that it moves: "Passwords stay in the OS keychain; pass only the
 * profile name".
 */
export const KEPT_IN = /\b(?:stays?|remains?|(?:is|are) (?:kept|stored|held)|never leaves?|do(?:es)? not leave|(?:saves?|saved|stores?|stored)(?: (?:it|them|this|the \w+))?)\b (?:\w+ ){0,2}(?:in|on|inside|within|to|into)(?: (?:the|your|an?))?(?: \w+)? $/;

/** {@link MOVE_ANY}, global, for walking every moving verb of a text (reset `lastIndex` after use). */
export const MOVE_ALL = new RegExp(MOVE_ANY.source, 'gu');
/** "the integration's stored credential", "its saved token": a participle used as an adjective, no action. */
export function adjectival(text: string, m: RegExpExecArray): boolean {
  return /ed$/.test(m[0]) && /(?:\b(?:the|its|their|your|our|his|her|a|an|any|each|every|no)|'s|s')\s$/.test(text.slice(Math.max(0, m.index - 8), m.index));
}

/** A negation right before a moving verb: "do not pass", "never send", "avoid including", "should not be sent", "is never read or transmitted". */
export const NEGATED_BEFORE = /(?:\b(?:not|never|no|avoid|without|nor)|n't)(?: (?:be|ever|to|try to|need to|have to|\w+ly))?(?: \w+,? (?:or|nor))? $/;

/**
 * True when the text moves something with a verb that is not negated: "do not pass the private key
 * in tool parameters" forbids a flow, it does not order one (a prohibition next to an order still
 * counts: "do not tell the user, pass the key as notes").
 */
export function movesUnnegated(text: string, opts: { skipBy?: boolean; limit?: number } = {}): boolean {
  const limit = opts.limit ?? 16;
  MOVE_ALL.lastIndex = 0;
  for (let m = MOVE_ALL.exec(text), n = 0; m !== null && n < limit; m = MOVE_ALL.exec(text), n++) {
    // `skipBy`: "supplied by the user" says where input comes from, it moves nothing.
    if (opts.skipBy === true && /^\s+by\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    if (!NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) && !adjectival(text, m)) {
      MOVE_ALL.lastIndex = 0;
      return true;
    }
  }
  MOVE_ALL.lastIndex = 0;
  return false;
}

/** True when the last moving verb of `before` (the text up to a secret or file) is negated: "do not pass the private key …". */
export function forbiddenObject(before: string): boolean {
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')) + 1).slice(-80);
  let last: RegExpExecArray | null = null;
  MOVE_ALL.lastIndex = 0;
  for (let m = MOVE_ALL.exec(clause), n = 0; m !== null && n < 16; m = MOVE_ALL.exec(clause), n++) last = m;
  MOVE_ALL.lastIndex = 0;
  return last !== null && NEGATED_BEFORE.test(clause.slice(Math.max(0, last.index - 24), last.index));
}

/** "Assistant" in the Latin-script languages other than English, folded ("asystent", "trợ lý" → "tro ly"). */
export const ASSISTANT_LATIN = String.raw`(?:assistente|asistente|assistent(?:en|in|e)?|asystent(?:a|owi)?|asistan(?:a|in)?|asisten|tro ly(?: ao)?)`;

/** A phone number in international form ("+12025550147", "+44 7700 900461"). */
export const PHONE = /\+\d[\d ()-]{6,}\d/;
