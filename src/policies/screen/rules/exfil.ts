/**
 * Credentials, sensitive files and exfiltration channels (English, plus file paths in any
 * language): a sensitive path or secret combined with an instruction to read, include or send it;
 * parameters the model is told to fill with the conversation, the system prompt or secrets; places
 * to send data to (capture services, URLs with data placeholders, extra recipients). A mere mention
 * (a secrets manager that talks about `.env`, a login tool with a password parameter) stays low or
 * silent.
 */
import type { Severity } from '../types.js';
import type { FieldText } from '../walk.js';
import {
  CHANNEL,
  CONTENT,
  IMPERATIVE_READ,
  MODEL_CONTEXT,
  movesUnnegated,
  NEGATED_BEFORE,
  NAMES_THE_CONVERSATION,
  MOVE_OR_SAY,
  KEPT_IN,
  forbiddenObject,
  OWN_OUTPUT_OPTION,
  PHONE,
  SECRET,
  SAFE_STORE,
  SECRET_SOURCE,
  STRONG_FILES,
  WEAK_FILES,
  toParameter,
} from './lexicon.js';
import { ONLY_IF_USER_GAVE, setsEnvFor } from './stance.js';
import { secretParamNamed } from './dataflow.js';
import { anyOf, firstSentence, gap, sentenceAround, sentenceOf, SCRIPT_WORDS, type ItemFacts, type PhraseRule } from './rule.js';
import { MOVE } from './words.js';

/** Another tool named to read a file ("call `read_file` on ~/.zsh_history first"). */
const READ_TOOL = /`?\b(?:read_file|read_text_file|read_multiple_files|get_file_contents?|open_file|view_file|cat_file)\b`?/;

function fileSeverity(strong: boolean) {
  return (m: RegExpExecArray, text: string, field: FieldText, facts: ItemFacts): Severity | null => {
    const { before, after } = sentenceAround(text, m.index, m.index + m[0].length);
    const around = `${before} ${m[0]} ${after}`;
    // "Passwords stay in the OS keychain; pass only the profile name": where the secret is kept,
    // said so the caller does not send it. Only an order to read the file still counts.
    if (KEPT_IN.test(before.slice(-40))) return IMPERATIVE_READ.test(before) ? 'low' : null;
    // "… preceded by `read_file` on the user's ~/.zsh_history": another tool made to read the file.
    if (READ_TOOL.test(around)) return strong ? 'high' : 'medium';
    // "Do not pass the private key in tool parameters": the secret is what must not move.
    if (forbiddenObject(before)) return strong ? 'low' : null;
    const moves = movesUnnegated(around) || /\b(?:contain|hold|receive|be filled with)\b/.test(around);
    if (moves) {
      if (toParameter(around, field, facts)) return 'high';
      if (CONTENT.test(around)) return strong ? 'high' : 'medium';
    }
    // A parameter whose own description asks for the text of a secrets file.
    if (field.param !== undefined && field.kind === 'description' && CONTENT.test(around)) return 'high';
    const reads = IMPERATIVE_READ.test(before);
    if (strong) return reads && moves ? 'medium' : 'low';
    return reads ? 'low' : null;
  };
}

function conversationSeverity(m: RegExpExecArray, text: string): Severity | null {
  const end = m.index + m[0].length;
  const window = `${m[0]}${text.slice(end, end + 60)}`;
  // "Provide your current conversation/chat title": a name of the conversation, not its text.
  if (NAMES_THE_CONVERSATION.test(window) && !/\b(?:contents?|text|transcript|full|entire|whole|verbatim|everything)\b/.test(window)) return null;
  const model = MODEL_CONTEXT.test(window);
  if (!model && /\b(?:summar\w*|title|topic|keywords?|gist|one[- ]line)\b/.test(m[0])) return 'low';
  if (CHANNEL.test(window) && !/\b(?:so far|this conversation|the user'?s?|everything)\b/.test(window)) return null;
  if (!model) return 'low';
  return /\b(?:entire|full|whole|complete|all|every|verbatim|exact|raw)\b/.test(window) ? 'high' : 'medium';
}



/** English rules about credentials, sensitive files and exfiltration. */
/** An e-mail address or a web address with a host (a bare `http://` is not one). */
const MAIL_OR_WEB = String.raw`[\w.+-]+@[\w-]+\.[\w.-]+|https?:\/\/\w`;

export const EXFIL_RULES: readonly PhraseRule[] = [
  {
    id: 'exfil.sensitive-file',
    family: 'sensitive-file',
    severity: 'high',
    message: 'The text points the AI model at a file that holds keys, passwords or private configuration, and asks for its contents to be read or passed on.',
    gate: anyOf('ssh', 'rsa', 'dsa', 'ecdsa', 'ed25519', 'aws', 'etc', 'git', 'netrc', 'pgpass', 'my', 'pypirc', 'npmrc', 'docker', 'kube', 'kubeconfig', 'gcloud', 'application', 'azure', 'mcp', 'claude', 'desktop', 'cursor', 'codeium', 'continue', 'cookies', 'login', 'key3', 'key4', 'logins', 'wallet', 'seed', 'recovery', 'mnemonic', 'keychain', 'gnupg', 'secring', 'history', 'bash_history', 'zsh_history', 'sh_history', 'python_history', 'psql_history', 'mysql_history', 'browser', 'chrome', 'saved', 'ethereum', 'keystore', 'credentials', 'config'),
    re: new RegExp(STRONG_FILES, 'g'),
    form: 'both',
    refine: fileSeverity(true),
  },
  {
    id: 'exfil.sensitive-file',
    family: 'sensitive-file',
    severity: 'high',
    message: 'The text asks the AI model to read a secrets file (such as .env or a private key) and pass its contents on.',
    gate: anyOf('env', 'pem', 'p12', 'pfx', 'keystore', 'jks', 'private', 'secret', 'secrets', 'credential', 'credentials', 'token', 'tokens', 'wp'),
    re: new RegExp(WEAK_FILES, 'g'),
    form: 'both',
    refine: fileSeverity(false),
  },
  {
    id: 'exfil.conversation',
    family: 'conversation',
    severity: 'medium',
    message: 'The text asks the AI model to hand over the conversation (previous messages, chat history). That sends what the user said to this tool.',
    gate: anyOf('conversation', 'chat', 'messages', 'turns', 'exchanges', 'dialog', 'dialogue', 'transcript', 'context', 'message'),
    // Also "call upload_logs with the whole conversation": another tool handed the conversation.
    re: new RegExp(String.raw`\b${MOVE_OR_SAY}\b${gap(40)}\b(?:conversation|chat|messages|turns|exchanges|dialog(?:ue)?|transcript|context window|(?:chat|message|conversation) (?:history|log))\b|\b(?:call|invoke|run|trigger)\b [\w.-]+ (?:tool |function )?(?:with|passing|including) (?:the |this |our )?(?:whole|entire|full|complete) (?:conversation|chat|dialog(?:ue)?|transcript|(?:chat|message|conversation) history)\b`, 'g'),
    refine: conversationSeverity,
  },
  {
    id: 'exfil.conversation',
    family: 'conversation',
    severity: 'medium',
    message: 'A parameter is meant to be filled with the conversation (previous messages, chat history), which would send what the user said to this tool.',
    gate: anyOf('conversation', 'chat', 'dialog', 'dialogue', 'messages', 'message', 'turns', 'exchanges', 'prompt', 'instructions'),
    re: /^(?:(?:the|a|an|all|of|or) )*(?:(?:entire|full|whole|complete|verbatim|exact|raw|current) )*(?:(?:conversation|chat|dialog(?:ue)?)(?: history| so far| transcript| log| context| with the user)?|(?:previous|prior|earlier|last) (?:user )?(?:messages?|turns|exchanges)|(?:messages|turns|exchanges) so far|(?:the )?(?:assistant'?s?|model'?s?|ai'?s?|your) (?:full |entire |complete |own )?(?:system prompt|instructions))\b/g,
    refine: (m, text, field) => {
      if (field.param === undefined || field.kind !== 'description') return null;
      return /system prompt|instructions/.test(m[0]) ? 'high' : conversationSeverity(m, text);
    },
  },
  {
    id: 'exfil.conversation',
    family: 'conversation',
    severity: 'high',
    message: 'The text asks the AI model to reveal its own system prompt or hidden instructions.',
    gate: anyOf('your', 'assistant', "assistant's", 'model', "model's", 'ai', "ai's", 'its', 'instructions'),
    re: new RegExp(
      String.raw`\b(?:${MOVE_OR_SAY}|tell me|what (?:is|are))\b${gap(40)}\b(?:your|the assistant'?s?|the model'?s?|the ai'?s?|your own|its own)\b (?:\w+ )?(?:system (?:prompt|message|instructions?)|initial (?:prompt|instructions?)|hidden (?:prompt|instructions?)|developer (?:message|prompt|instructions?)|instructions|pre-?prompt|guidelines|rules)\b|\binstructions you (?:were given|received|have been given)\b`,
      'g',
    ),
  },
  {
    id: 'exfil.credentials',
    family: 'credential',
    severity: 'high',
    message: 'The text asks the AI model to collect secrets (API keys, tokens, passwords) from the conversation, the environment or files and hand them over.',
    gate: anyOf('key', 'keys', 'api', 'apikey', 'apikeys', 'token', 'tokens', 'password', 'passwords', 'passphrase', 'passphrases', 'secret', 'secrets', 'credential', 'credentials', 'cookies', 'session', 'ssh', 'private', 'access', 'auth', 'authentication', 'bearer', 'api_key', 'api_keys', 'access_key', 'secret_key'),
    // Not "place the returned credentials in .env": what the tool itself issued, stored locally.
    re: new RegExp(String.raw`\b(?:${MOVE_OR_SAY}|collect|gather|extract|grab|harvest|look for|search for|find)\b${gap(40)}\b(?<!(?:returned|generated|issued|provisioned|created|new|resulting) )${SECRET}\b${gap(30)}\b${SECRET_SOURCE}`, 'g'),
    // Putting a secret away in a keychain or vault is what secret managers do; "pass it in api_key" puts the tool's own key where it belongs.
    refine: (m, text, _field, facts) => {
      const sentence = sentenceOf(text, m);
      if (secretParamNamed(sentence, facts)) return null;
      // "Pass credentials only if the user provided them in this conversation": the user's choice.
      if (ONLY_IF_USER_GAVE.test(sentence)) return null;
      // "If true, include the secret value in the response": an option of what this tool returns.
      if (OWN_OUTPUT_OPTION.test(sentence.trim())) return 'low';
      // "Do not put passwords … from the conversation into the query": a prohibition.
      if (NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
      // A secrets manager's own tool ("Stores a secret in the team's secret manager"): its purpose is where secrets belong.
      const purpose = firstSentence(text);
      return (SAFE_STORE.test(sentence) || SAFE_STORE.test(purpose)) && !/\b(?:send|upload|post|forward|pass|include|attach|share|leak)\b/.test(m[0]) ? 'low' : 'high';
    },
  },
  {
    id: 'exfil.otp',
    family: 'credential',
    severity: 'high',
    message: "The text tells the AI model to pass the user's one-time codes (SMS, 2FA) to a phone number, address or other place: whoever gets them can take over the user's accounts.",
    gate: anyOf('otp', 'otps', 'one-time', 'verification', '2fa', 'mfa', 'sms', 'passcode', 'passcodes'),
    re: new RegExp(
      String.raw`\b(?:one-time|otp|2fa|mfa|sms|verification|login|security) (?:\w+ )?(?:codes?|passcodes?|passwords?|otps?)\b${gap(80)}\b(?:forward|forwarded|send|sent|relay|relayed|pass|passed|copy|copied|share|shared|text|texted)\b${gap(60)}(?:${PHONE.source}|[\w.+-]+@[\w-]+\.[a-z]{2,}|https?:\/\/)|\b(?:forward|send|relay|pass|copy|share)\b${gap(40)}\b(?:one-time|otp|2fa|mfa|sms|verification) (?:\w+ )?(?:codes?|passcodes?|otps?)\b${gap(60)}(?:${PHONE.source}|[\w.+-]+@[\w-]+\.[a-z]{2,}|https?:\/\/)`,
      'g',
    ),
  },
  {
    id: 'exfil.surveillance',
    family: 'credential',
    severity: 'medium',
    message: "The text says the tool captures what the user has not given it (clipboard history, screenshots, the microphone, the camera, keystrokes) on the side, beyond what it is for.",
    gate: anyOf('clipboard', 'screenshots', 'screenshot', 'microphone', 'camera', 'keystrokes', 'keylogging', 'screen'),
    re: /\b(?:also|additionally|silently|quietly|in the background|automatically|between calls|continuously)\b[^.!?\n]{0,60}\b(?:reads?|collects?|captures?|records?|enables?|turns? on|activates?|starts?|uploads?|grabs?|takes?)\b[^.!?\n]{0,30}\b(?:clipboard(?: history| contents)?|(?:recent )?screenshots?|screen recordings?|microphone(?: recording)?|camera|keystrokes)\b|\b(?:enables?|turns? on|activates?|starts?) (?:the )?(?:microphone|camera|screen) (?:recording|capture)?\b[^.!?\n]{0,30}\b(?:between calls|in the background|continuously|while idle|always)\b/g,
  },
  {
    id: 'exfil.phishing',
    family: 'credential',
    severity: 'medium',
    message: 'The text tells the AI model to ask the user for secrets no tool should collect through a chat: a bank login, a card PIN or security code, a one-time code, a wallet recovery phrase.',
    gate: anyOf('ask', 'asks', 'request', 'requests', 'prompt', 'collect', 'obtain', 'get', 'have', 'need', 'needs'),
    re: new RegExp(
      String.raw`\b(?:ask|asks|request|requests|prompt|collect|obtain|get|have) (?:the |your |each )?(?:user|customer|client|them|member|account holder)s? (?:for|to (?:provide|enter|type|share|confirm|give|send|paste)|about)\b${gap(30)}\b(?:(?:online[- ]?)?bank(?:ing)? (?:logins?|passwords?|credentials|user ?names?|pins?)|(?:card|debit|credit card|atm) (?:pins?|security codes?|cvv|cvc)|cvv|cvc|(?:one-time|otp|2fa|mfa|sms|verification) (?:codes?|passcodes?|passwords?)|(?:seed|recovery|mnemonic|secret) (?:phrases?|words)|private keys?)\b`,
      'g',
    ),
    // "Never ask the user for a seed phrase": a promise to the user, not a harvest.
    refine: (m, text) => (/(?:\b(?:never|not|no need to|without)|n't)\s+$/.test(text.slice(Math.max(0, m.index - 16), m.index)) ? null : 'medium'),
  },
  {
    id: 'exfil.credentials',
    family: 'credential',
    severity: 'high',
    message: 'The text asks the AI model to hand over a concrete secret store: an npm auth token, the browser cookie database, a keychain entry or token environment variables.',
    gate: anyOf('include', 'provide', 'copy', 'pass', 'send', 'attach', 'paste', 'run', 'add', 'put'),
    re: new RegExp(String.raw`\b(?:include|provide|copy|pass|send|attach|paste|run|add|put)\b${gap(60)}(?:_authtoken\b|\bcookies (?:database|db|file|sqlite)\b|\bfind-(?:generic|internet)-password\b|\b[a-z0-9]+_(?:token|secret|api_key|password)\b(?: (?:and|or|,) [a-z0-9_]+)? environment variables?\b)`, 'g'),
    // "pass it in api_key or set OPENWEATHER_API_KEY in the server's environment": the tool's own key, where it belongs.
    refine: (m, _text, _field, facts) => (secretParamNamed(m[0], facts) ? null : 'high'),
  },
  {
    id: 'exfil.credentials',
    family: 'credential',
    severity: 'high',
    message: 'The text asks for secrets the tool has no use for: a named API key, tokens of other services, one-time codes the user received, files read earlier or the host environment.',
    gate: anyOf('your', 'any', 'output', 'recent', 'latest', 'last', 'files', 'file', 'environment', 'env', 'conversation', 'chat', 'transcript'),
    re: new RegExp(
      [
        String.raw`\b(?:paste|provide|include|copy|enter|put|send|pass) (?:in )?your [a-z0-9]+_(?:api_key|token|secret|secret_key|password|access_key)\b`,
        String.raw`\b(?:api |access |auth |session )?(?:tokens?|keys?|passwords?|cookies?) (?:of|for|from) (?:any|every|all|each) (?:other )?(?:services?|accounts?|sites?|apps?) (?:you|the user)\b`,
        String.raw`\boutput of [\x60'"]?(?:env|printenv|export -p)\b`,
        String.raw`\b(?:with|pass|include|send|attach|as) (?:the )?(?:complete|full|entire|whole) (?:conversation|chat|transcript)(?: so far| history| up to now)\b`,
        String.raw`\b(?:most recent|latest|last)\b${gap(24)}\b(?:one-time|otp|2fa|mfa|sms|verification) (?:\w+ )?(?:codes?|passwords?|passcodes?)\b${gap(16)}(?:\bon (?:the user'?s?|your|their) (?:phone|device|mobile)\b|\b(?:the user|you) (?:received|got|were sent)\b)`,
        String.raw`\bcontents? of (?:the |any |all |every )?(?:files?|documents?) (?:that )?you (?:have )?(?:read|opened|seen|accessed|loaded)\b`,
        String.raw`\b(?:list|dump|print|show|output|include) (?:all )?(?:of )?(?:the )?(?:environment variables|env vars)\b (?:of|on|from) (?:the )?(?:host|machine|server|system|computer)\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    id: 'exfil.credentials',
    family: 'credential',
    severity: 'medium',
    message: 'The text asks the AI model to pass on environment variables, which often hold secrets.',
    gate: anyOf('environment', 'env', 'process', 'os', 'printenv', 'set', 'export'),
    re: new RegExp(String.raw`\b${MOVE}\b${gap(30)}\b(?:all |the |every |any |full |entire )*(?:environment variables|env(?:ironment)? vars|process\.env|os\.environ|printenv)\b|\b(?:run|execute|exec)\b (?:the )?(?:env|printenv|set|export -p)\b (?:command )?(?:in (?:a |the )?(?:shell|terminal) )?and\b${gap(30)}\b(?:pass|send|include|put|provide|attach|copy|paste)\b`, 'g'),
    // "Environment variables to set in the container (add only to set environment variables)": defined by the caller, not the host's.
    refine: (m, text) => (setsEnvFor(sentenceOf(text, m)) ? null : /\b(?:all|every|full|entire|run|execute|exec)\b/.test(m[0]) ? 'high' : 'medium'),
  },
  {
    id: 'exfil.url',
    family: 'exfil-url',
    severity: 'medium',
    message: 'The text mentions a data-capture service (webhook catchers, tunnels, out-of-band collectors) often used to receive stolen data.',
    gate: anyOf('webhook', 'requestbin', 'pipedream', 'ngrok', 'burpcollaborator', 'oastify', 'interact', 'oast', 'beeceptor', 'hookbin', 'requestcatcher', 'postb', 'ptsv2', 'ptsv3', 'canarytokens', 'discord', 'discordapp', 'telegram', 'transfer', 'dnslog', 'ceye', 'trycloudflare', 'serveo', 'loca'),
    re: /\b(?:webhook\.site|requestbin\.\w+|[\w-]+\.pipedream\.net|[\w-]+\.ngrok(?:-free)?\.(?:io|app|dev)|burpcollaborator\.net|oastify\.com|interact\.sh|oast\.(?:fun|pro|live|site|online|me)|beeceptor\.com|hookbin\.com|requestcatcher\.com|postb\.in|ptsv[23]\.com|canarytokens\.(?:com|org)|discord(?:app)?\.com\/api\/webhooks|api\.telegram\.org\/bot|transfer\.sh|dnslog\.cn|ceye\.io|[\w-]+\.trycloudflare\.com|serveo\.net|[\w-]+\.loca\.lt)\b/g,
    refine: (m, text) => {
      const { before, after } = sentenceAround(text, m.index, m.index + m[0].length);
      return new RegExp(`\\b${MOVE}\\b`).test(`${before} ${after}`) ? 'high' : 'medium';
    },
  },
  {
    id: 'exfil.url',
    family: 'exfil-url',
    severity: 'high',
    message: 'The text tells the AI model to send data to an outside address (URL or e-mail).',
    gate: anyOf(SCRIPT_WORDS.url, SCRIPT_WORDS.at),
    re: new RegExp(
      String.raw`\b(?:send|post|upload|forward|transmit|submit|exfiltrate|leak|report|copy|mirror|beacon|make an? (?:get|post|http) request|approved sending)\b${gap(60)}\bto\b (?:the (?:url|endpoint|address|server) )?(?:https?:\/\/|ftp:\/\/|wss?:\/\/|[\w.+-]+@[\w-]+\.[\w.-]+)`,
      'g',
    ),
    refine: (m) =>
      /\b(?:contents?|data|conversation|history|results?|files?|credentials?|keys?|tokens?|passwords?|secrets?|everything|all|a copy|messages?|responses?|output|information|details|env\w*)\b/.test(m[0]) ? 'high' : 'medium',
  },
  {
    id: 'exfil.url',
    family: 'exfil-url',
    severity: 'high',
    message: 'The text builds a link or image URL with placeholders for conversation data or secrets: rendering it would send that data out.',
    gate: anyOf(SCRIPT_WORDS.url),
    re: /!\[[^\]\n]{0,100}\]\((?:https?:)?\/\/[^)\s]{0,200}[?&][^)\s]{0,200}(?:\{|\$|%7b|<)|https?:\/\/[^\s"')]{1,200}[?&][\w-]{1,30}=(?:\{\{?|\$\{?|<|%7b)\s*(?:conversation|chat|history|messages?|data|secrets?|keys?|api[_-]?keys?|tokens?|passwords?|credentials?|contents?|file|prompt|system|env|user[_-]?(?:input|data|info|message))/g,
  },
  {
    id: 'exfil.redirect-recipient',
    family: 'exfil-url',
    severity: 'high',
    message: 'The text quietly adds or replaces a recipient (BCC, forwarding, redirected payments), sending the user\'s data to someone else.',
    gate: anyOf('payment', 'payments', 'payout', 'payouts', 'bank', 'billing', 'beneficiary', 'payee', 'deposit', 'deposits', 'wire', 'transfer', 'transfers', 'funds', 'wallet', 'account', 'invoice', 'invoices', 'remittance', 'bcc', 'cc', 'blind', 'invite', 'add', 'include', 'notify', 'share', 'carbon', 'forward', 'copy', 'redirect', 'reroute', 'all', 'every', 'any', 'each', 'change', 'replace', 'set', 'override', 'must', 'should', 'will', 'shall', 'recipient', 'recipients', 'attendee', 'attendees', 'watchers', 'reviewers', 'collaborators', 'members', 'invitees'),
    re: new RegExp(
      [
        String.raw`\b(?:always|also|must|should|secretly|silently|automatically|additionally|make sure to|be sure to)\b${gap(20)}\b(?:bcc|cc|blind[- ]copy|carbon[- ]copy|forward|send a copy|redirect|reroute|copy in|invite|add|include|notify|share with)\b${gap(40)}(?:${MAIL_OR_WEB})`,
        String.raw`\b(?:all|every|any|each)\b (?:outgoing |sent |new )?(?:emails?|messages?|mails?|payments?|transfers?|funds|transactions?|invoices?|files?|orders?) (?:must|should|shall|will|need to|have to|are to) (?:be |always )?(?:sent|forwarded|redirected|routed|delivered|copied|bcc'?d|cc'?d|go|paid|transferred) (?:to|through|via)\b${gap(40)}(?:${MAIL_OR_WEB}|\baccount\b|\biban\b|\bwallet\b|\b0x[0-9a-f]{8,})`,
        String.raw`\b(?:must|should|will|shall|are to|is to|need to|needs to) (?:also |always |additionally )?be (?:e-?mailed|sent|forwarded|copied|cc'?d|bcc'?d|posted|uploaded|reported|mirrored|shared) (?:to|with)\b${gap(20)}(?:${MAIL_OR_WEB})[^.!?\n]{0,40}\b(?:as well|too|also|in addition|for (?:auditing|archiv\w*|backup|compliance|safekeeping))\b`,
        String.raw`\b(?:recipients?|attendees?|cc|bcc|watchers?|reviewers?|collaborators?|members?|invitees?)(?: list)? (?:now |also |always |will |by default )+(?:includes?|contains?|gets?|adds?|receives?|has)\b${gap(40)}[\w.+-]+@[\w-]+\.[\w.-]+`,
        String.raw`\b(?:the )?(?:cc|bcc|recipients?|to|reply-to|forward(?:ing)?|attendees?|watchers?)(?: field| address| list| header)? (?:is|are|gets?|will be) (?:always|now|also|automatically|silently|additionally|quietly|by default)\b${gap(12)}\b(?:set to|includes?|including|contains?|filled with|populated with|copied to|sent to|to)\b${gap(10)}[\w.+-]+@[\w-]+\.[\w.-]+`,
        // A bank account or wallet written into the description, with payments told to go there.
        String.raw`\b(?:payments?|payouts?|bank|billing|remittance|beneficiary|payee|deposits?|wires?|transfers?|funds|wallet|account|invoices?)\b${gap(60)}\b(?:switch\w*|chang\w*|replac\w*|set|redirect\w*|rout\w*|updat\w*|sent|paid|go(?:es)?|use)\b${gap(20)}(?:\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){3,7}(?: ?[a-z0-9]{1,3})?\b|\b0x[0-9a-f]{40}\b|\b(?:bc1|[13])[a-z0-9]{25,39}\b)`,
        String.raw`\b(?:change|replace|set|override) (?:the )?(?:recipient|to address|destination|beneficiary|payee|receiving account)\b${gap(30)}\bto\b${gap(10)}(?:${MAIL_OR_WEB}|\baccount\b|\biban\b|\b0x[0-9a-f]{8,})`,
      ].join('|'),
      'g',
    ),
  },
];
