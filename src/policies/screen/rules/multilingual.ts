/**
 * Rules for languages other than English: override, concealment, exfiltration and redirection
 * phrases per language (tables in `langs-latin.ts` and `langs-other.ts`). Latin-script languages
 * are matched on the folded form (accents removed: "instrucciones", "contrasenas"); the others on
 * the native form.
 */
import type { Severity } from '../types.js';
import { LATIN_LANGS } from './langs-latin.js';
import { OTHER_LANGS } from './langs-other.js';
import { anyOf, type Gate, type PhraseRule } from './rule.js';

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
  gate: anyOf('sin', 'omitir', 'omita', 'omite', 'saltar', 'salte', 'sans', 'ignorer', 'ignorez', 'ohne', 'sem', 'pular', 'senza', 'saltare', 'bez', 'zonder', 'tanpa', 'onay', 'onaylanmistir', 'autorizado', 'autorizada', 'autorise', 'autorisee', 'autorisiert', 'genehmigt', 'autorizzato', 'autorizzata', 'khong'),
  re: new RegExp(
    [
      String.raw`\b(?:sin|omitir|omite|omita|saltar|salte|sans|ignorer|ignorez|ohne|sem|pular|senza|saltare|bez|zonder|tanpa)\b (?:\w+ ){0,3}(?:confirmacion|confirmaciones|aprobacion|permiso|confirmation|approbation|autorisation|validation|bestatigung|ruckfrage|zustimmung|genehmigung|nachfrage|confirmacao|aprovacao|permissao|conferma|approvazione|permesso|potwierdzenia|zgody|bevestiging|toestemming|konfirmasi|persetujuan)\b`,
      String.raw`\b(?:ya |deja |bereits |schon |ja |gia )?(?:esta|estas|est|es|etes|ist|sind|estao|e|sei) (?:ya |deja |bereits |schon |ja |gia )?(?:autorizad[oa]s?|autorisee?s?|autorisiert|genehmigt|autorizzat[oa])\b`,
      String.raw`\bonay (?:istemeden|almadan|sormadan|beklemeden)\b|\bonaylanmistir\b|\bkhong can xac nhan\b`,
    ].join('|'),
    'g',
  ),
};

/** Rules for the languages other than English. */
export const MULTILINGUAL_RULES: readonly PhraseRule[] = [...PER_LANGUAGE, AUTHORITY];
