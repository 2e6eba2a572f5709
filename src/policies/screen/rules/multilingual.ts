/**
 * Rules for languages other than English: override, concealment, exfiltration and redirection
 * phrases per language (tables in `langs-latin.ts` and `langs-other.ts`). Latin-script languages
 * are matched on the folded form (accents removed: "instrucciones", "contrasenas"); the others on
 * the native form.
 */
import type { Severity } from '../types.js';
import { ADDRESS_CONCEPT, CONCEAL_CONCEPT, OVERRIDE_CONCEPT, PERSONAL_INTL, SENSITIVE_INTL, SIDE_FIELD_INTL, THAT_WORDS, USER_WORD } from './langs-concepts.js';
import { LATIN_LANGS } from './langs-latin.js';
import { ownAddressesOnly } from './dataflow.js';
import { ASSISTANT_LATIN, MOVE_ANY, OUTSIDE } from './lexicon.js';
import { OTHER_LANGS } from './langs-other.js';
import { anyOf, sentenceAround, sentenceOf, SCRIPT_WORDS, type Gate, type ItemFacts, type PhraseRule } from './rule.js';

/** Words for "all / whole / complete" across the languages, which make a data request stronger. */
const WHOLE = /\b(?:toda|todo|todas|todos|toute|tout|tous|toutes|gesamte[nrs]?|komplette[nrs]?|vollstandige[nrs]?|alle|tutta|tutto|tutte|integra|completa|complete|completo|entiere|ca[lł]a|wszystkie|tum|toan bo|seluruh|hela|hele)\b|всю|весь|всё|полн|完整|全部|所有|整个|整個|すべて|全て|全体|전체|모든|كامل|بالكامل|המלא/;
/** Secrets and the system prompt across the languages (always serious). */
const SECRETS =
  /prompt|instruc|istruz|anweisung|api|contrasen|senha|mot(?:s)? de passe|passwor|parol|credenc|credenzial|identifiant|zugangsdaten|anmeldedaten|токен|tokens?\b|jeton|secret|segred|segret|geheim|entorno|environnement|umgebung|ambiente|окружени|промпт|инструкц|ключ|парол|учетн|учётн|提示|指令|密钥|金鑰|密码|密碼|凭|憑|令牌|环境变量|環境變數|プロンプト|キー|パスワード|認証|トークン|環境変数|秘密鍵|프롬프트|키|비밀번호|자격|토큰|환경|has[lł]|sifre|parola|mat khau|khoa api|kata sandi|kunci api|losenord|wachtwoord|kennwort|كلمات? المرور|مفاتيح|סיסמ|מפתח/;

function dataSeverity(m: RegExpExecArray): Severity {
  return SECRETS.test(m[0]) || WHOLE.test(m[0]) ? 'high' : 'medium';
}

const OVERRIDE_MSG = 'The text tells the AI model to ignore the instructions it was given (written in another language).';
const CONCEAL_MSG = 'The text tells the AI model to hide what it does from the user (written in another language).';
const EXFIL_MSG = 'The text asks the AI model to hand over the conversation, its system prompt or secrets (written in another language).';
const REDIRECT_MSG = 'The text steers the AI model to this tool instead of others, or to call it first (written in another language).';

/** The phrase patterns of one language. */
export interface Lang {
  override: string;
  conceal: string;
  exfil: string;
  /** "Always use this tool instead of …", "call this tool first". */
  redirect: string;
  native?: boolean;
  /** Words (or a script marker) without which none of the language's patterns can match. */
  gate: Gate;
}

/** Phrase patterns per language. */
const LANGS: Record<string, Lang> = { ...LATIN_LANGS, ...OTHER_LANGS };

const ADVERB_ONLY = /^(?:en secreto|secretamente|a escondidas|en secret|secretement|heimlich|insgeheim|unbemerkt|em segredo|as escondidas|segretamente|di nascosto|in segreto|тайно|скрытно|втайне|悄悄|偷偷|秘密|こっそり|密かに|ひそかに|몰래|비밀리에|은밀히)/;

/** The per-language phrase rules. */
const PER_LANGUAGE: readonly PhraseRule[] = Object.entries(LANGS).flatMap(([code, l]): PhraseRule[] => {
  const flags = l.native ? 'gu' : 'g';
  const form = l.native ? 'native' : 'latin';
  return [
    { id: 'injection.override', family: 'override', severity: 'high', message: `${OVERRIDE_MSG} [${code}]`, re: new RegExp(l.override, flags), form, gate: l.gate },
    {
      id: 'injection.concealment',
      family: 'concealment',
      severity: 'high',
      message: `${CONCEAL_MSG} [${code}]`,
      re: new RegExp(l.conceal, flags),
      form,
      gate: l.gate,
      refine: (m) => (ADVERB_ONLY.test(m[0]) ? 'medium' : 'high'),
    },
    { id: 'exfil.conversation', family: 'conversation', severity: 'high', message: `${EXFIL_MSG} [${code}]`, re: new RegExp(l.exfil, flags), form, gate: l.gate, refine: dataSeverity },
    { id: 'injection.redirection', family: 'redirection', severity: 'medium', message: `${REDIRECT_MSG} [${code}]`, re: new RegExp(l.redirect, flags), form, ...(l.native ? { gate: l.gate } : {}) },
  ];
});

/**
 * Skipping the user's confirmation, and claims that the assistant is already authorised, in the
 * Latin-script languages (folded: "confirmacion", "onaylanmistir").
 */
const AUTHORITY: PhraseRule = {
  id: 'injection.authority',
  family: 'override',
  severity: 'medium',
  message: "The text tells the AI model to skip the user's confirmation, or claims it is already authorised (written in another language).",
  gate: anyOf('sin', 'omitir', 'omita', 'omite', 'saltar', 'salte', 'sans', 'ignorer', 'ignorez', 'ohne', 'sem', 'pular', 'senza', 'saltare', 'bez', 'zonder', 'tanpa', 'onay', 'onaylanmistir', 'autorizado', 'autorizada', 'autorise', 'autorisee', 'autorisiert', 'genehmigt', 'autorizzato', 'autorizzata', 'khong', 'consenso', 'consentimiento', 'consentement', 'zustimmung', 'einwilligung', 'zugestimmt', 'eingewilligt', 'autorizzazione', 'autorizacion', 'autorizacao', 'autorisation', 'disattiva', 'disabilita', 'desactiva', 'deshabilita', 'desative', 'desabilite', 'desactive', 'deaktiviere', 'deaktivieren', 'desactivez', 'desactiver', 'schalte'),
  re: new RegExp(
    [
      String.raw`\b(?:sin|omitir|omite|omita|saltar|salte|sans|ignorer|ignorez|ohne|sem|pular|senza|saltare|bez|zonder|tanpa)\b (?:\w+ ){0,3}(?:confirmacion|confirmaciones|aprobacion|permiso|confirmation|approbation|autorisation|validation|bestatigung|ruckfrage|zustimmung|genehmigung|nachfrage|confirmacao|aprovacao|permissao|conferma|approvazione|permesso|potwierdzenia|zgody|bevestiging|toestemming|konfirmasi|persetujuan)\b`,
      String.raw`\b(?:ya |deja |bereits |schon |ja |gia )?(?:esta|estas|est|es|etes|ist|sind|estao|e|sei) (?:ya |deja |bereits |schon |ja |gia )?(?:autorizad[oa]s?|autorisee?s?|autorisiert|genehmigt|autorizzat[oa])\b`,
      String.raw`\bonay (?:istemeden|almadan|sormadan|beklemeden)\b|\bonaylanmistir\b|\bkhong can xac nhan\b`,
      // "l'utente ha già dato il consenso", "der Nutzer hat bereits zugestimmt".
      String.raw`\b(?:ha|hanno|hat|haben|a|ont|tem|deu|ya ha|ja deu)\b (?:gia|ya|ja|deja|bereits|schon )?(?:dato|dado|donne|gegeben|concedido|concesso|accorde) (?:il |el |o |son |seine |sein |la |a |ihre |ihr )?(?:consenso|consentimiento|consentement|zustimmung|einwilligung|autorizzazione|autorizacion|autorizacao|autorisation)\b|\b(?:hat|haben) (?:bereits|schon) (?:zugestimmt|eingewilligt)\b`,
      // "disattiva i controlli di sicurezza", "desactiva las comprobaciones de seguridad".
      String.raw`\b(?:disattiva|disabilita|desactiva|deshabilita|desative|desabilite|desactive|deaktiviere|deaktivieren|desactivez|desactiver|schalte)\b (?:\w+ ){0,2}(?:controlli|controles|comprobaciones|verificacoes|kontrollen|sicherheitsprufungen|verifications|protezioni|protecciones|protecoes)\b(?: (?:di|de|der|da) (?:sicurezza|seguridad|seguranca|sicherheit|securite))?`,
    ].join('|'),
    'g',
  ),
};

/** "Assistant", "AI", "language model" across the Latin-script languages (folded); never a bare "agent" or "model", which name people and forms. */
const AI_LATIN = String.raw`(?:assistente|asistente|assistant|assistent(?:en|in)?|asystent(?:a|owi)?|asistan(?:a|in)?|asisten|tro ly(?: ao)?|ia|ki|ai|llm|chatbot|(?:modelo|modele|modell|modello|model|modelu) (?:de |di |des |van )?(?:ia|ki|ai|linguagem|lenguaje|langage|sprach|linguaggio|jezykowy|jezykowego|taal|dil))`;
/** The words of {@link AI_LATIN}, for the gate ("l'assistant" counts as "assistant"). */
const AI_WORDS = new Set(['assistente', 'asistente', 'assistant', 'assistenten', 'assistent', 'assistentin', 'asystenta', 'asystent', 'asystentowi', 'asistan', 'asistana', 'asistanin', 'asisten', 'ly', 'ia', 'ki', 'ai', 'llm', 'chatbot']);
const NOTE_LATIN = String.raw`(?:nota|notas|observacao|observacion|aviso|avisos|instrucao|instrucoes|instruccion|instrucciones|indicacion|indicaciones|recordatorio|lembrete|mensagem|mensaje|note|remarque|consigne|consignes|instructions?|rappel|hinweis|hinweise|anweisung|anweisungen|notiz|nachricht|istruzione|istruzioni|promemoria|uwaga|notatka|instrukcja|wskazowka|wskazowki|talimat|talimatlar|luu y|ghi chu|chi dan|huong dan|catatan|petunjuk|instruksi|anteckning|instruktion|instruktioner|opmerking|notitie|instructie|instructies)`;

/**
 * Text addressed to the AI model in another language ("Примечание для ассистента:", "Observação
 * para o assistente:", "Hinweis für den Assistenten:", "给AI助手的说明"): documentation describes a
 * tool, a note to the model is an instruction in disguise.
 */
const ADDRESS_BASE = {
  id: 'injection.addresses-model',
  family: 'directive',
  severity: 'medium',
  message: 'The text speaks directly to the AI model (written in another language). Documentation describes a tool; text addressed to the model is an instruction in disguise.',
} as const;
const ADDRESS: readonly PhraseRule[] = [
  {
    ...ADDRESS_BASE,
    gate: (words) => {
      for (const w of words) if (AI_WORDS.has(w.replace(/^[a-z]'/, ''))) return true;
      return false;
    },
    re: new RegExp(
      [
        String.raw`\b${NOTE_LATIN}\b (?:[a-z]+ )?(?:para|pro|ao|a|al|a la|pour|a l'intention d[eu]|a l'attention d[eu]|fur|an|per|dla|cho|untuk|till|voor|aan|icin)(?: (?:o|a|el|la|le|l'|les|der|den|die|das|dem|il|lo|de|het))? ?${AI_LATIN}\b`,
        String.raw`\b${AI_LATIN} (?:icin|i?cin) (?:not|notlar|talimat|talimatlar)\b|\b(?:asistan|yapay zeka) icin\s*:|\b${AI_LATIN}(?:'?(?:a|ya|e|ye))? (?:not|talimat)\s*:`,
        String.raw`(?:^|[.!?\n]\s*)(?:querido|querida|estimado|estimada|caro|cara|cher|chere|lieber|liebe|drogi|droga|sevgili|beste|hej|hola|ola|ciao|bonjour|hallo|kedves) ${AI_LATIN}\s*[,:!]`,
        // "Para o assistente: …", "Per l'assistente: …", "Untuk asisten: …", "Assistent: …" opening a sentence.
        String.raw`(?:^|[.!?\n;]\s*)(?:(?:para sa|para|pour|fur|voor|per|dla|cho|untuk|till|for)(?: (?:o|a|el|la|le|den|die|der|de|het|il|lo|the))? ?(?:l')?${AI_LATIN}|${ASSISTANT_LATIN})\s*:`,
      ].join('|'),
      'g',
    ),
  },
  {
    ...ADDRESS_BASE,
    gate: anyOf(SCRIPT_WORDS.cyrillic, SCRIPT_WORDS.han, SCRIPT_WORDS.kana, SCRIPT_WORDS.hangul, SCRIPT_WORDS.arabic, SCRIPT_WORDS.hebrew, SCRIPT_WORDS.devanagari),
    form: 'native',
    re: new RegExp(
      [
        String.raw`(?:примечание|заметка|указание|указания|инструкция|инструкции|сообщение|напоминание|подсказка|памятка|примітка|вказівка|вказівки|інструкція|нотатка|повідомлення|нагадування)\s+(?:для|к|до)\s+(?:ии[\s-])?(?:ассистента|ассистенту|помощника|ии|ai|llm|чат-?бота|асистента|помічника|ші|моделі\s+ші|модели\s+ии|языковой\s+модели|мовної\s+моделі)(?!\p{L})`,
        String.raw`(?:^|[.!?\n]\s*)(?:уважаемый|дорогой|шановний|любий)\s+(?:ассистент|помощник|асистент|помічник)`,
        // "Для ассистента: …", "सहायक के लिए: …", "给助手：…", "アシスタントへ：…", "어시스턴트에게: …" opening a sentence.
        String.raw`(?:^|[.!?。！？।\n]\s*)(?:(?:для|к)\s+(?:ассистента|помощника|ии|модели)|ассистент|помощник|асистент|помічник|(?:AI\s*)?(?:어시스턴트|인공지능)\s*(?:지침|지시|안내|메모|참고)|(?:AI)?アシスタント(?:指示|メモ|向け)|(?:AI)?(?:助手|助理)(?:指令|指示|须知)|(?:для|до)\s+(?:асистента|помічника|ші)|(?:सहायक|असिस्टेंट|एआई|AI)\s+(?:के\s+लिए|को)|(?:给|給|致)(?:AI|ai)?(?:助手|助理)|(?:AI)?アシスタント(?:へ|に)|(?:AI\s*)?(?:어시스턴트|비서)(?:에게|께)|(?:إلى|الى)\s+(?:ال)?مساعد|للمساعد)\s*[:：]`,
        String.raw`(?:给|給|致|对|對)(?:AI|ai|人工智能|智能)?(?:助手|助理|大模型|语言模型|語言模型)(?:的)?(?:说明|說明|提示|注意事项|注意事項|注意|指示|备注|備註|留言|消息|訊息|话|話)|(?:AI|ai)?(?:助手|助理)(?:请|請)?(?:注意|须知|須知)[:：]`,
        String.raw`(?:AI|ai|ＡＩ)?(?:アシスタント|エージェント|言語モデル|AI|ＡＩ)(?:への|に対する|向けの?|へ(?:の)?)(?:注意|指示|メモ|注記|メッセージ|お願い|備考|連絡|注意事項|補足|伝言|ノート|案内)`,
        String.raw`(?:AI\s*)?(?:어시스턴트|인공지능|AI|언어\s*모델)(?:에게|를\s*위한|용|께)\s*(?:참고|안내|지시|메모|메시지|주의|노트|전달)`,
        String.raw`(?:ملاحظة|ملاحظات|تعليمات|تعليمة|رسالة|تنبيه|تذكير)\s+(?:(?:إلى|الى|موجهة\s+(?:إلى|الى)|خاصة\s+ب)\s*)?(?:ال)?(?:مساعد|للمساعد|للذكاء\s+الاصطناعي|الذكاء\s+الاصطناعي|نموذج\s+اللغة|للنموذج\s+اللغوي)`,
        String.raw`(?:הערה|הוראה|הוראות|הודעה|תזכורת|הנחיה|הנחיות)\s+(?:ל|עבור\s+)ה?(?:עוזר|בינה\s+המלאכותית|מודל\s+השפה|צ'אטבוט)`,
        String.raw`(?:सहायक|असिस्टेंट|एआई|AI|भाषा\s+मॉडल)\s+(?:के\s+लिए|को)\s+(?:नोट|निर्देश|सूचना|संदेश|टिप्पणी|ध्यान\s+दें)`,
      ].join('|'),
      'gu',
    ),
  },
];

/**
 * A system or administrator label opening a sentence, in another language ("Системное указание:",
 * "Nota del sistema:", "Systemhinweis:", "系统指令："): text posing as a message from the system.
 */
const ROLE_BASE = {
  id: 'injection.pseudo-tag',
  family: 'pseudo-tag',
  severity: 'medium',
  message: 'The text poses as a message from the system or an administrator ("System instruction: …", written in another language) so the AI model treats what follows as authoritative.',
} as const;
const ROLE_LABEL: readonly PhraseRule[] = [
  {
    ...ROLE_BASE,
    gate: anyOf('sistema', 'systeme', 'system', 'systemowa', 'systemowy', 'systemowe', 'systeem', 'sistem', 'thong', 'admin', 'administrador', 'administrateur', 'amministratore', 'administratora', 'systemhinweis', 'systemanweisung', 'systemnachricht', 'systemnotiz', 'systemmeldung', 'systeemmelding', 'systeembericht', 'systeeminstructie'),
    re: new RegExp(
      [
        String.raw`(?:^|[.!?\n;]\s*|[\[(]\s*)(?:nota|notas|mensaje|mensagem|instruccion|instrucciones|instrucao|instrucoes|aviso|indicacion|note|message|consigne|instruction|instructions|avis|messaggio|istruzione|istruzioni|avviso|bericht|instructie|opmerking|melding|pesan|instruksi|catatan|ghi chu|chi thi|huong dan|thong bao) (?:del |de |do |da |di |du |des |dell'|van het |van de )?(?:sistema|systeme|systeem|sistem|he thong|administrador|administrateur|amministratore|beheerder)\s*:`,
        String.raw`(?:^|[.!?\n;]\s*|[\[(]\s*)(?:system|admin)(?:hinweis|anweisung|nachricht|notiz|meldung)\s*:|(?:^|[.!?\n;]\s*)(?:systeem|admin)(?:melding|bericht|instructie|opmerking)\s*:`,
        String.raw`(?:^|[.!?\n;]\s*)(?:komunikat|instrukcja|uwaga|wiadomosc|polecenie) (?:systemow[aey]|administratora)\s*:|(?:^|[.!?\n;]\s*)sistem (?:talimati|notu|mesaji|uyarisi)\s*:`,
      ].join('|'),
      'g',
    ),
  },
  {
    ...ROLE_BASE,
    gate: anyOf(SCRIPT_WORDS.cyrillic, SCRIPT_WORDS.han, SCRIPT_WORDS.kana, SCRIPT_WORDS.hangul, SCRIPT_WORDS.arabic, SCRIPT_WORDS.devanagari),
    form: 'native',
    re: new RegExp(
      [
        String.raw`(?:^|[.!?\n]\s*)(?:системн(?:ое|ая|ые|ый)\s+(?:указание|указания|сообщение|примечание|уведомление|инструкция|инструкции|распоряжение)|(?:указание|сообщение|инструкция|распоряжение)\s+(?:системы|администратора)|системн(?:а|е|і)\s+(?:вказівка|вказівки|повідомлення|інструкція|примітка))\s*:`,
        String.raw`(?:系统|系統)(?:提示|指令|消息|訊息|通知|说明|說明|备注|備註)[:：]|システム(?:指示|メッセージ|通知|メモ|注記)[:：]|시스템\s*(?:지시|메시지|알림|안내|지침)\s*[:：]|(?:تعليمات|رسالة|ملاحظة|تنبيه)\s+(?:ال)?نظام\s*[:：]|सिस्टम\s+(?:निर्देश|संदेश|नोट|सूचना)\s*[:：]`,
      ].join('|'),
      'gu',
    ),
  },
];

/** Gate: a "that" word of the languages of `langs-concepts.ts`. */
const SAYS_THAT = anyOf(...THAT_WORDS);
/** Gate: text in a script the Latin-form words cannot show. */
const OTHER_SCRIPTS = anyOf(SCRIPT_WORDS.cyrillic, SCRIPT_WORDS.arabic, SCRIPT_WORDS.greek, SCRIPT_WORDS.thai, SCRIPT_WORDS.bengali);
/** Gate: a word for the assistant or AI in the Latin-script languages of `langs-concepts.ts`. */
const AI_NOTE_WORDS = anyOf('avustajalle', 'tekoalylle', 'mallille', 'asistenta', 'ai', 'umelou', 'umelu', 'model', 'asszisztensnek', 'asszisztens', 'mi', 'asistent', 'asistentul', 'ia', 'modelul', 'assistenten', 'ki', 'ai-assistenten', 'sprogmodellen', 'ui', 'jezicni', 'jezicki', 'msaidizi', 'akili', 'assistant', 'katulong');
/** Gate: some word of the text names the user in one of the languages of `langs-concepts.ts`. */
const namesUser = (words: ReadonlySet<string>): boolean => {
  for (const w of words) if (USER_WORD.test(w)) return true;
  return false;
};

const SIDE_FIELD = new RegExp(SIDE_FIELD_INTL, 'u');
/** Parameter names of side fields (notes, remarks, context, metadata), in English or transliterated. */
const SIDE_PARAM = /^(?:notes?|memo|remarks?|comments?|context|contexto|meta|metadata|extra|extra_?info|info|details|observations?|bikou|biko|kommentari\w*|komentar\w*|tozihat|lisatiedot|poznamka|megjegyzes|observatii|bemerkung|notiz|hinweis|catatan|keterangan|maelezo|ghi_?chu|beizhu|bigo|mulahazat|hearot|diagnostics|trace|debug)$/;
/** Parameter names made for payment data or secrets: the data going there is the tool's purpose. */
const DATA_PARAM = /card|pan|cvv|cvc|passw|passport|otp|pin|secret|key|token|iban|account|kart|karte|tarjeta|carte|senha|parol|haslo|sifre/;

/** A sentence that names payment data or a secret and a side field of this tool (a remarks field, a notes parameter). */
function intoSideField(m: RegExpExecArray, text: string, facts: ItemFacts): boolean {
  const { before } = sentenceAround(text, m.index, m.index + m[0].length);
  if (/\b(?:not|never|no|don't)\b[^.]{0,30}$/.test(before)) return false;
  const sentence = sentenceOf(text, m, ' ');
  if (SIDE_FIELD.test(sentence)) return true;
  for (const p of facts.params) if (SIDE_PARAM.test(p) && !DATA_PARAM.test(p) && new RegExp(`(?<![\\p{L}\\p{N}_])${p.replace(/[^\w]/g, '.')}(?![\\p{L}\\p{N}_])`, 'u').test(sentence)) return true;
  return false;
}

/** A web or e-mail address outside the tool, in the same sentence as personal data and a verb that sends it. */
function sentOutside(m: RegExpExecArray, text: string, facts: ItemFacts): boolean {
  const sentence = sentenceOf(text, m, ' ');
  return OUTSIDE.test(sentence) && MOVE_ANY.test(sentence) && !ownAddressesOnly(sentence, facts);
}

/** Concealment and notes to the assistant matched by concept, in any word order (`langs-concepts.ts`). */
const CONCEPTS: readonly PhraseRule[] = [
  { id: 'injection.override', family: 'override', severity: 'high', message: `${OVERRIDE_MSG} [concept]`, re: new RegExp(OVERRIDE_CONCEPT, 'gu'), form: 'native' },
  {
    id: 'exfil.personal-data',
    family: 'conversation',
    severity: 'high',
    message: "The text asks the AI model to put payment data, passwords or secrets into a side field of this tool (remarks, notes) that has nothing to do with them (written in another language).",
    re: new RegExp(SENSITIVE_INTL, 'gu'),
    form: 'native',
    refine: (m, text, _f, facts) => (intoSideField(m, text, facts) ? 'high' : null),
  },
  {
    id: 'exfil.url',
    family: 'exfil-url',
    severity: 'high',
    message: "The text says the user's personal data (phone number, address, passport) is sent to an outside address (written in another language).",
    re: new RegExp(PERSONAL_INTL, 'gu'),
    form: 'native',
    refine: (m, text, _f, facts) => (sentOutside(m, text, facts) ? 'high' : null),
  },
  { id: 'injection.concealment', family: 'concealment', severity: 'high', message: `${CONCEAL_MSG} [concept]`, re: new RegExp(CONCEAL_CONCEPT, 'gu'), form: 'native', gate: (w) => namesUser(w) || OTHER_SCRIPTS(w) || SAYS_THAT(w) },
  { ...ADDRESS_BASE, re: new RegExp(ADDRESS_CONCEPT, 'gu'), form: 'native', gate: (w) => AI_NOTE_WORDS(w) || OTHER_SCRIPTS(w) },
];

/** Rules for the languages other than English. */
export const MULTILINGUAL_RULES: readonly PhraseRule[] = [...PER_LANGUAGE, AUTHORITY, ...ADDRESS, ...ROLE_LABEL, ...CONCEPTS];
