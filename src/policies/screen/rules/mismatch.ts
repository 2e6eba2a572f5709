/**
 * Capability mismatch: a tool whose declared purpose needs nothing from the user's machine (a
 * calculator, the weather, the time, a joke, echo) but whose parameters ask for file paths,
 * credentials, shell commands, the conversation, URLs or e-mail recipients. Deliberately narrow:
 * only simple, self-contained purposes are checked, and only parameters are compared.
 */
import { prepare } from '../normalise.js';
import type { Severity } from '../types.js';
import { excerpt } from '../visible.js';
import type { FieldText, ScalarValue } from '../walk.js';
import { PRESET_DEFAULT, STRONG_FILE_RE } from './lexicon.js';
import { firstSentence, isMention, type Emit } from './rule.js';

type Ask = 'file' | 'credential' | 'shell' | 'conversation' | 'hidden-channel' | 'url' | 'email' | 'contacts' | 'location' | 'payment';

interface Purpose {
  name: string;
  re: RegExp;
  allowed: readonly Ask[];
}

const PURPOSES: readonly Purpose[] = [
  { name: 'a calculator', re: /\b(?:calculat\w*|arithmetic|math(?:s|ematical)?|sum of|adds? (?:two |2 |the )?numbers|subtract\w*|multipl(?:y|ies|ication)|divide[sd]?|division|square root|factorial)\b|^(?:add|sum|subtract|multiply|divide|calc|calculator)$/, allowed: [] },
  { name: 'a weather lookup', re: /\b(?:weather|forecast|temperature|humidity|precipitation)\b/, allowed: ['credential', 'url', 'location'] },
  { name: 'a clock', re: /\b(?:current (?:time|date)|time ?zones?|what time|clock|today'?s date|local time|convert\w* (?:an? |the )?(?:time|date)s?(?: (?:between|across|from|to) (?:time ?)?zones?)?)\b|^(?:get )?(?:time|date|now|current time)$/, allowed: ['location'] },
  { name: 'a joke or greeting', re: /\b(?:jokes?|fun facts?|quotes? of the day|random (?:number|quote|fact|joke)|roll (?:a )?dice|dice|coin (?:flip|toss)|flip a coin|horoscope|greet\w*|say hello|hello world)\b/, allowed: [] },
  { name: 'a spelling or grammar checker', re: /\b(?:spell(?:ing|check\w*)?|grammar|proofread\w*|word count|character count|lorem ipsum|typos?)\b|\blint\w* (?:an? |the )?(?:readme|markdown|prose|text|copy|documentation|docs?)\b/, allowed: [] },
  { name: 'an emoji lookup', re: /\b(?:search|find|look ?up|get|pick|suggest|random)\w* (?:for )?(?:an? |the )?(?:emojis?|emoticons?|kaomoji)\b|\b(?:emoji|emoticon|kaomoji) (?:search|lookup|picker|finder)\b/, allowed: [] },
  { name: 'a counter', re: /\b(?:counts? (?:the )?(?:pages|words|characters|lines|tokens)|(?:page|line|token) count(?:er)?)\b/, allowed: ['file', 'url'] },
  { name: 'an echo', re: /^echo$|\becho(?:es)? (?:back )?(?:the )?(?:input|message|text|string)\b/, allowed: [] },
  { name: 'a unit converter', re: /\b(?:unit conver\w*|convert\w* (?:units|between units|temperatures?|currenc\w+|celsius|fahrenheit)|currency conver\w*)\b/, allowed: ['credential', 'url'] },
];

/** Purpose text that shows the tool does more than its simple purpose (then nothing is compared). */
const BROADER = /\b(?:files?|director\w*|folders?|http|fetch|download|upload|search|database|sql|e-?mails?|send|shell|command|execut\w*|scrap\w*|browser|repositor\w*|git|api|game (?:time|state|engine|server|objects?|scenes?|nodes?)|running game|engine|editor|ide|simulat\w*|runtime|debug\w*|emulat\w*|automat\w*)\b/;

/** A description saying the tool runs arbitrary code on the host. */
const RUNS_CODE = /\b(?:exec|eval|subprocess|os\.system|child_process)\s*\(|\bany (?:python|javascript|js|shell|bash|ruby|perl|php) (?:code|commands?|scripts?)\b|\barbitrary (?:code|commands?|scripts?)\b|\b(?:host'?s?|system|local) (?:python|node|shell|bash) (?:interpreter|process|shell)\b|\bdownloads? and (?:executes?|runs?)\b|\bexecutes? (?:\w+ ){0,4}as a script\b|\brequires? (?:network and )?shell access\b|\bevaluated with (?:bash|sh|python|node|the shell)\b/;

/** "Search emoji by keyword", "fetch a random joke": a broad verb whose object is the simple thing itself. */
const SIMPLE_SEARCH = /\b(?:search|fetch|find|look ?up)(?:es|ing)? (?:for )?(?:an? |the |random )?(?:emojis?|emoticons?|jokes?|quotes?|fun facts?|facts?|horoscopes?)\b/g;

const ASKS: ReadonlyArray<[Ask, RegExp]> = [
  ['conversation', /\b(?:conversation|chat ?history|previous messages|message history|system ?prompt|transcript)\b/],
  ['credential', /\b(?:password|passwd|passphrase|token|api ?key|apikey|secret|credentials?|private ?key|ssh|cookies?)\b/],
  ['shell', /\b(?:command|cmd|shell|script|bash|powershell|terminal)\b/],
  ['file', /\b(?:file ?path|filepath|file ?name|filename|paths?|director(?:y|ies)|dir|folder|files?)\b/],
  ['url', /\b(?:url|uri|endpoint|webhook|callback)\b/],
  ['email', /\b(?:e-?mail|recipient|bcc)\b/],
  ['contacts', /\b(?:contacts?|address book|camera|microphone|photo library|keystrokes?|key ?logs?|clipboard(?: history| contents)?|screenshots?|screen recordings?|browsing history)\b/],
  ['payment', /\b(?:(?:destination |payout |recipient |crypto )?wallet(?: address)?|iban|routing number|card number|amount (?:to )?(?:transfer|send|pay)\w*|transfer(?:s|red)?|payouts?|payee|beneficiary)\b/],
  ['location', /\b(?:(?:background |continuous |precise |gps )?location(?: tracking| history)?|geolocation|gps)\b/],
  ['hidden-channel', /^(?:side ?note|notes?|context|metadata|meta|extra(?: info| data)?|debug(?: info)?|internal|hidden|feedback|memo|annotation|comment|aux(?:iliary)?|payload)$/],
];

const SERIOUS: readonly Ask[] = ['credential', 'shell', 'conversation', 'contacts', 'location', 'payment'];

interface SensitiveAsk {
  what: string;
  re: RegExp;
  /** Purposes that explain the ask. */
  unless: RegExp;
  /** Parameter names that explain it by themselves (`attachments` take local files by definition). */
  params?: RegExp;
  /** Only the model can supply it (the conversation): a switch or number parameter cannot be the ask. */
  modelOnly?: boolean;
}

/** Schema types that carry no text. */
const SWITCH_TYPE = /^(?:boolean|integer|number)$/;

/** Asks that no tool needs unless its purpose is about exactly that. */
const SENSITIVE_ASKS: readonly SensitiveAsk[] = [
  // "SSH format" or "wallet address" name public things; the private ones are keys, key files and wallet files.
  { what: 'the user\'s private files', re: /\.ssh\b|\bid (?:rsa|dsa|ecdsa|ed25519)\b|\b(?:home (?:directory|folder|dir)|local files|your files|user'?s? files|(?:documents|desktop|downloads) folder|file listing|directory listing|ssh (?:private )?keys?|ssh (?:directory|folder|config)|private keys?|keychain|wallet (?:files?|dat|seed|backup|keys?)|wallet\.dat|keystore)\b/, unless: /\b(?:files?|director\w*|folders?|disk|storage|backup|sync\w*|ssh|keys?|wallet|crypto\w*|upload\w*|document\w*|listing|attach\w*|erc-?\d+|blockchain|on-?chain|ethereum|evm|solana|bitcoin|nfts?|(?:smart )?contracts?|mint\w*|sign(?:s|ing|ed)?|transactions?)\b/, params: /^(?:attach\w*|embeds?|uploads?)$/i },
  // Setting whether a browser accepts or returns cookies is a browser option, not a request for the user's.
  { what: 'browser cookies or saved logins', re: /\b(?:browser cookies|(?<!(?:accept|return|block|clear|delete|reject|allow|disable|enable|ignore) )cookies?|browser history|saved (?:passwords|logins)|login data)\b/, unless: /\b(?:browser|cookies?|sessions?|web|scrap\w*|crawl\w*|spider|fetch\w*|urls?|http|login|auth\w*|navigat\w*|page)\b/ },
  // An identifier of a conversation (`conversationId`, "thread id", "the ID of the conversation") refers to it; it does not carry it.
  { what: 'the conversation', modelOnly: true, re: /(?<!\b(?:ids?|identifiers?|uuids?|keys?|handles?) of (?:the |a |this |that )?)\b(?:chat history|conversation(?: history)?|previous messages|message history|transcript|system prompt|prior messages|user'?s? messages)\b(?! ?(?:(?:thread|topic|message|chat) )?(?:ids?|identifiers?|keys?|uuids?|numbers?|handles?|refs?)\b)/, unless: /\b(?:chat\w*|messag\w*|conversation\w*|memor\w*|summar\w*|transcri\w*|histor\w*|assistant|prompts?|llm|ai|agent|e-?mails?|mail\w*|inbox\w*|threads?|natural language|questions?|q&a)\b/ },
  {
    what: 'the user\'s own passwords or credential stores',
    re: /\b(?:(?:your|the user'?s?|account|login|personal|master|root|admin|git|github|email|bank|wifi|vault) (?:\w+ )?(?:password|passphrase|credentials?|credential store|pin|one-time code|otp|2fa code|recovery codes?)|credential store|git credentials?|(?:seed|recovery|mnemonic) phrase)\b/,
    unless: /\b(?:auth\w*|log ?in|login|sign ?(?:in|up)|accounts?|users?|passwords?|passphrase|credentials?|vault|keychain|secrets?|encrypt\w*|decrypt\w*|zip|archive|pdf|databases?|db|sql|postgres\w*|mysql|connect\w*|ssh|ftp|smtp|imap|mail\w*|wi-?fi|register\w*|git|repositor\w*|clone|push|wallet|bank\w*|identity|iam|token\w*|session\w*|sudo|admin\w*|devices?|routers?)\b/,
  },
  // "Environment variables as key-value pairs" configures what a tool starts; reading the user's is the ask.
  { what: 'environment variables or secrets files', re: /\b(?:(?:your|the user'?s?|all|all of the|current|local|existing|process|shell|system|machine'?s?) (?:environment variables|env vars)|(?:environment variables|env vars) (?:of|from|on) (?:your|the user'?s?|this|the local|the current) (?:machine|computer|shell|process|session|system)|env file|dotenv|credentials file|secrets file)\b/, unless: /\b(?:env\w*|config\w*|deploy\w*|secrets?|vault|credentials?|containers?|docker|kube\w*|cloud|process\w*)\b/ },
  // Payment cards, government ids, health records and device identifiers belong to tools made for them.
  { what: 'payment card details', re: /\b(?:cvc|cvv|cvv2|card (?:number|verification|security code)|payment card|credit card|debit card|card on file)\b/, unless: /\b(?:pay\w*|checkout|billing|purchas\w*|orders?|buy\w*|shop\w*|subscri\w*|invoic\w*|book\w*|reserv\w*|tickets?|wallets?|bank\w*|cards?|stripe|charges?|refunds?|donat\w*|fraud)\b/ },
  { what: 'government identity numbers', re: /\b(?:passport (?:number|no|data|details)|national id|social security|ssn|tax (?:id|number)|driver'?s? licen[cs]e number)\b/, unless: /\b(?:travel\w*|flights?|visas?|booking|check-?in|identity|kyc|verif\w*|tax\w*|payroll|hr|employ\w*|onboard\w*|immigration|government|customs|hotel|border)\b/ },
  { what: 'health records', re: /\b(?:medical (?:records?|history|conditions?)|health records?|insurance (?:member |policy )?(?:id|number))\b/, unless: /\b(?:health\w*|medic\w*|clinic\w*|patients?|doctor|hospital|pharma\w*|insur\w*|care|fhir|ehr|telehealth|prescri\w*|symptom\w*|appointment\w*)\b/ },
  { what: 'device identifiers or precise location', re: /\b(?:imei|imsi|serial number of (?:the|your) (?:device|phone)|mac address of (?:the|your) (?:device|phone)|precise (?:gps )?(?:location|coordinates)|gps coordinates of the user)\b/, unless: /\b(?:devices?|phones?|mobile|mdm|fleet|telecom|sim|carrier|imei|location\w*|maps?|gps|geo\w*|navigat\w*|nearby|weather|delivery|ride|tracking|find my)\b/ },
  { what: 'a place to upload your files', re: /\bupload (?:your|local|the user'?s?|all)\b|\bwhere to (?:upload|send|copy)\b/, unless: /\b(?:upload\w*|storage|s3|bucket|files?|backup|sync\w*|transfer\w*)\b/ },
];

/** A list of coded options ("0=TwoFactorAuthentication, 1=MasterPassword, …") names settings; it asks for none. */
const ENUMERATION = /(?:\b\d+\s*[=:]\s*[A-Za-z][\w-]*\s*[,;]\s*){3,}/;

/** Where to look up this one value ("check .env for BOX_API_KEY", "the port is usually in the .env file"), not a request for the file. */
const NAMED_LOOKUP = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bthe \w+ is (?:usually |typically |often |normally )?(?:in|found in|set in|stored in|defined in)\b/;

/** An identifier of a secret ("the SSH key ID", "token name"), which refers to it without carrying it. */
const REFERENCE_TO = /\b(?:ssh )?(?:keys?|tokens?|secrets?|passwords?|credentials?|wallets?) (?:ids?|identifiers?|names?|uuids?|fingerprints?|labels?)\b/;

/** A parameter named as an id: `id`, `session_id`, `conversationId` (not `paid`, `valid`, `android`). */
const ID_PARAM = /(?:^|[_-])(?:id|ids|Id|Ids|ID|IDs)$|[a-z0-9](?:Id|Ids|ID|IDs)$/;

/** A parameter naming where the tool saves what it makes. */
const OUTPUT_PLACE = /\b(?:(?:custom |target |destination |output |download(?:s)? |save |export )(?:directory|dir|folder|path)|(?:directory|folder|path) (?:to|where(?: to)?) (?:save|store|write|put|download)|(?:save|saves|saved|store|write|download)\w* (?:\w+ )?(?:to|into|in) (?:this|the|a|which) (?:directory|folder|path))\b/;

/** Parameters asking for private data that the tool's purpose does not explain. */
function sensitiveAsk(fields: readonly FieldText[], purpose: string, emit: Emit): boolean {
  // Switches and numbers (`full_history: boolean`) cannot carry text: only the model can hand over the
  // conversation, so such a parameter chooses what this tool returns of its own.
  const switches = new Set(fields.filter((f) => f.param !== undefined && f.field.endsWith(`.${f.param}.type`) && SWITCH_TYPE.test(f.text)).map((f) => f.param));
  for (let order = 0; order < fields.length; order++) {
    const f = fields[order];
    if (f === undefined || f.param === undefined || !(f.isParamName || f.kind === 'description' || f.kind === 'title')) continue;
    const text = prepare(f.text.slice(0, 400), { words: true }).latin;
    // A place the tool writes its own output to ("downloads directory for the screenshot") is not a request for what is there.
    // A parameter named as an id (`session_id`, `conversationId`) refers to what its text mentions; it does not carry it.
    if (OUTPUT_PLACE.test(text) || ENUMERATION.test(f.text) || NAMED_LOOKUP.test(f.text) || REFERENCE_TO.test(text) || ID_PARAM.test(f.param)) continue;
    // Only names made for the ask count (attacks name theirs `cookies` too, so a name never explains the rest).
    const param = f.param;
    const ask = SENSITIVE_ASKS.find((a) => a.re.test(text) && !a.unless.test(purpose) && !(a.params?.test(param) ?? false) && !(a.modelOnly === true && switches.has(param)));
    if (ask === undefined) continue;
    emit({
      rule: 'mismatch.capability',
      severity: 'high',
      field: f.field,
      evidence: excerpt(f.text, 0, f.text.length),
      message: `A parameter of this tool asks for ${ask.what}, which nothing in the tool's stated purpose needs.`,
      family: 'mismatch',
      order,
    });
    return true;
  }
  return false;
}

/** A secret kept in another program's dot-file in the home folder: `token in ~/.config/gh/hosts.yml`. */
const HOME_SECRET = /\b(?:tokens?|api ?keys?|passwords?|credentials?|secrets?|cookies?|session|auth\w*)\b[^.!?\n]{0,60}(?:~|\$home|%userprofile%)\/\.(?:config\/)?([a-z][\w-]*)|(?:~|\$home|%userprofile%)\/\.(?:config\/)?([a-z][\w-]*)[^.!?\n]{0,60}\b(?:tokens?|api ?keys?|passwords?|credentials?|secrets?|cookies?)\b/;
/** Other names under which a program's purpose may be described. */
const APP_ALIASES: Readonly<Record<string, string>> = { gh: 'github', gcloud: 'google|gcp|gke|bigquery', kube: 'kubernetes|kubectl|k8s|cluster', azure: 'azure|az', npmrc: 'npm|registry|package', pypirc: 'pypi|python|package', netrc: 'ftp|curl|http', docker: 'docker|container|registry|image', ssh: 'ssh|host|server|key', aws: 'aws|amazon|s3|ec2' };

/** A purpose that hunts malware or threats. */
const SECURITY_SCANNER = /\b(?:yara|sigma rules?|malware|anti-?virus|virus|threats?|iocs?|indicators? of compromise|info-?stealers?|forensic\w*|incident response|edr|siem)\b/;

/** Secrets read from another program's home dot-file that the tool's purpose does not explain. */
function foreignCredentials(fields: readonly FieldText[], purpose: string, emit: Emit): boolean {
  // A malware or threat scanner names the files info-stealers read: what it looks for, not what it takes.
  if (SECURITY_SCANNER.test(purpose)) return false;
  for (let order = 0; order < fields.length; order++) {
    const f = fields[order];
    if (f === undefined || f.kind !== 'description') continue;
    const text = f.text.slice(0, 4000).toLowerCase();
    const m = HOME_SECRET.exec(text);
    if (m === null) continue;
    const app = (m[1] ?? m[2] ?? '').replace(/rc$|-.*$/, '');
    const names = `${app}${APP_ALIASES[app] !== undefined ? `|${APP_ALIASES[app]}` : ''}${APP_ALIASES[`${app}rc`] !== undefined ? `|${APP_ALIASES[`${app}rc`]}` : ''}`;
    if (app.length < 2 || new RegExp(`\\b(?:${names})`).test(purpose) || isMention(text, m.index, m.index + m[0].length, 'sensitive-file') || /\b(?:e\.g\.|for example|such as|like)\s/.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    emit({
      rule: 'exfil.sensitive-file',
      severity: 'medium',
      field: f.field,
      evidence: excerpt(f.text, m.index, m.index + m[0].length),
      message: 'The text says secrets are taken from another program\'s configuration in the user\'s home folder, which this tool\'s purpose does not explain.',
      family: 'sensitive-file',
      order,
    });
    return true;
  }
  return false;
}

/** Services whose credentials a parameter may be named after, with the words that show a tool works with them. */
const SERVICES: ReadonlyArray<[RegExp, RegExp]> = [
  [/^(?:aws|amazon)\b/, /\b(?:aws|amazon|s3|ec2|lambda|dynamo\w*|bedrock|iam|cloudwatch|sqs|sns|route ?53|cloud)\b/],
  [/^(?:github|gh)\b/, /\b(?:github|gh|git|repo\w*|pull requests?|issues?|gists?|actions|commits?)\b/],
  [/^gitlab\b/, /\b(?:gitlab|git|repo\w*|merge requests?|issues?|pipelines?)\b/],
  [/^(?:slack|discord|telegram)\b/, /\b(?:slack|discord|telegram|channels?|messages?|chat|bot|notif\w*)\b/],
  [/^(?:openai|anthropic|huggingface|hf)\b/, /\b(?:openai|gpt|anthropic|claude|hugging ?face|hf|llm|models?|embeddings?|ai|completions?|inference)\b/],
  [/^(?:stripe|paypal)\b/, /\b(?:stripe|paypal|payments?|charges?|invoices?|checkout|billing|refunds?|customers?)\b/],
  [/^(?:google|gcp|gcloud|azure|heroku|vercel|cloudflare|digitalocean|netlify)\b/, /\b(?:google|gcp|gcloud|azure|heroku|vercel|cloudflare|digitalocean|netlify|cloud|deploy\w*|dns|domains?|hosting|drive|gmail|calendar|sheets|bigquery)\b/],
  [/^(?:npm|docker|pypi)\b/, /\b(?:npm|docker|pypi|packages?|registry|images?|containers?|publish\w*)\b/],
];
const CREDENTIAL_NAME = /\b(?:tokens?|keys?|secrets?|passwords?|credentials?|pat|passphrase)\b/;

/** A parameter for another service's credentials ("github_token") on a tool that never mentions that service. */
function otherServiceCredential(fields: readonly FieldText[], purpose: string, emit: Emit): void {
  const required = new Set(fields.filter((f) => /(?:^|\.)required\[\d+\]$/.test(f.field)).map((f) => f.text));
  for (let order = 0; order < fields.length; order++) {
    const f = fields[order];
    if (f === undefined || f.isParamName !== true) continue;
    const name = prepare(f.text, { words: true }).latin;
    if (!CREDENTIAL_NAME.test(name)) continue;
    const service = SERVICES.find(([re]) => re.test(name));
    if (service === undefined || service[1].test(purpose)) continue;
    emit({
      rule: 'mismatch.foreign-credential',
      severity: required.has(f.text) ? 'high' : 'medium',
      field: f.field,
      evidence: excerpt(f.text, 0, f.text.length),
      message: 'A parameter asks for the credentials of another service, which nothing in the tool\'s name or description works with.',
      family: 'mismatch',
      order,
    });
    return;
  }
}

/** A value that is a single path, or a command substitution that reads one ("$(cat ~/.docker/config.json)"). */
const PRESET_PATH = /^(?:[~$%./\\\w:-][^\s]*|\$\((?:cat|type|get-content|base64)\s+[^\s)]+\)|`(?:cat|type|base64)\s+[^\s`]+`)$/;

/**
 * A parameter preset to a secrets store ("default": "~/Library/Keychains/login.keychain-db" on a
 * notes importer): a call that keeps the default reads or sends it. An SSH tool defaulting to
 * `id_ed25519`, or a keychain tool to the keychain, names its own subject.
 */
function presetSecretFile(fields: readonly FieldText[], purpose: string, emit: Emit): void {
  fields.forEach((f, order) => {
    if (f.kind !== 'value' || !PRESET_DEFAULT.test(f.field) || !PRESET_PATH.test(f.text.trim())) return;
    const m = STRONG_FILE_RE.exec(f.text.toLowerCase());
    if (m === null) return;
    const subject = /ssh|id_(?:rsa|dsa|ecdsa|ed25519)|known_hosts|authorized_keys/.test(m[0]) ? 'ssh' : (m[0].match(/[a-z]{3,}/g) ?? []).join('|');
    // A command substitution has no reason to read a secrets file, whatever the tool is about.
    if (!/^[$`]/.test(f.text.trim()) && subject !== '' && new RegExp(`\\b(?:${subject})`).test(purpose)) return;
    emit({
      rule: 'exfil.sensitive-file',
      severity: 'high',
      field: f.field,
      evidence: excerpt(f.text, 0, f.text.length),
      message: "A parameter of this tool is preset to a file that holds keys, passwords or private configuration, though the tool is not about that file: a call that keeps the default reads or sends it.",
      family: 'sensitive-file',
      order,
    });
  });
}

/** A description saying the tool itself deletes or wipes the user's things ("the local files are deleted"). */
const DELETES = /\bdrops? (?:the |all |every )?[\w.-]+ (?:tables?|databases?|collections?|schemas?)\b|\b(?:(?:files?|originals?|photos?|images?|records?|data|copies|folders?|messages?|e-?mails?|backups?|repos?|branches?|projects?) (?:are|is|get|gets|will be) (?:then )?(?:deleted|erased|wiped|purged|overwritten)|(?:deletes?|erases?|wipes?|purges?) (?:the |your |all |any )?(?:local |original |source )?(?:files?|originals?|photos?|images?|records?|data|folders?|messages?|e-?mails?|backups?))\b/;
/** A description saying the tool sends the user's things somewhere. */
const UPLOADS = /\b(?:(?:are|is|get|gets|will be) (?:also )?(?:uploaded|sent|synced|copied|backed up|transmitted) to|(?:uploads?|sends?|syncs?|transmits?) (?:the |your |all |a copy of |them |it )(?:\w+ ){0,2}to) (?:our |the |a |an )?(?:[\w-]+ ){0,2}(?:cloud|servers?|backend|storage|bucket|service|endpoint)\b/;
/** A permission to write or delete files, as servers spell them in made-up annotation keys ("fs:write:~", "files.delete"). */
const FILE_PERMISSION = String.raw`(?:fs|files?|filesystem|disk|storage)[:._-](?:write|delete|remove|wipe|rw|all|\*)`;
/** A permission to run commands ("exec:shell", "process.spawn"). */
const EXEC_PERMISSION = String.raw`(?:exec|execute|process|shell|cmd|command)[:._-](?:shell|cmd|command|spawn|any|all|run|\*)`;
/** A permission that writes, deletes or runs commands. */
const WRITE_PERMISSION = new RegExp(String.raw`\b(?:${FILE_PERMISSION}|${EXEC_PERMISSION}|sudo|root[:._-]access)(?![\w-])`);
/** A permission that reaches the network beyond the service ("net:outbound:*"). */
const NET_PERMISSION = /\b(?:net|network|http|internet)[:._-](?:outbound|egress|any|all|\*)(?![\w-])/;
const NOT_SAID = /\b(?:never|not|no|without|nothing)\b[^.!?\n]{0,30}$/;

/**
 * Annotations that contradict the description: `destructiveHint: false` (or `readOnlyHint: true`) on
 * a tool whose description says it deletes the user's files, `openWorldHint: false` on one that says
 * it uploads them. Clients auto-approve by these hints, so the contradiction is how a harmful tool
 * slips past confirmation.
 */
export function scanAnnotations(def: unknown, fields: readonly FieldText[], emit: Emit): void {
  const ann = def !== null && typeof def === 'object' ? (def as { annotations?: unknown }).annotations : undefined;
  if (ann === null || typeof ann !== 'object') return;
  const a = ann as Record<string, unknown>;
  const order = fields.findIndex((f) => f.field === 'description' || f.field === 'title' || f.field === 'annotations.title');
  const description = fields[order];
  if (description === undefined) return;
  const text = fields
    .filter((f) => f.field === 'description' || f.field === 'title' || f.field === 'annotations.title')
    .map((f) => prepare(f.text.slice(0, 4000), {}).latin)
    .join(' \n ');
  /** `re` occurs in `where`, not negated just before ("never deletes"). */
  const states = (where: string, re: RegExp): boolean => {
    const m = re.exec(where);
    return m !== null && !NOT_SAID.test(where.slice(Math.max(0, m.index - 40), m.index));
  };
  const said = (re: RegExp): boolean => states(text, re);
  // The annotations' own other values: made-up keys that declare side effects or permissions ("x-permissions": ["exec:shell"]).
  const own = fields
    .filter(isOwnAnnotationValue)
    .map((f) => prepare(f.text.slice(0, 1000), {}).latin)
    .join(' \n ');
  const declares = (re: RegExp): boolean => states(own, re);
  // Where each side effect is stated: in the description or title, or in the annotations themselves.
  const deletes = said(DELETES) ? 'text' : declares(DELETES) || declares(WRITE_PERMISSION) ? 'own' : undefined;
  const uploads = said(UPLOADS) ? 'text' : declares(UPLOADS) || declares(NET_PERMISSION) ? 'own' : undefined;
  const wrong: string[] = [];
  if ((a.destructiveHint === false || a.readOnlyHint === true) && deletes !== undefined) wrong.push(a.readOnlyHint === true ? 'readOnlyHint: true' : 'destructiveHint: false');
  if ((a.openWorldHint === false || a.readOnlyHint === true) && uploads !== undefined) wrong.push(a.openWorldHint === false ? 'openWorldHint: false' : 'readOnlyHint: true');
  if (wrong.length === 0) return;
  const fromOwn = deletes !== 'text' && uploads !== 'text';
  emit({
    rule: 'mismatch.annotations',
    severity: 'medium',
    field: 'annotations',
    evidence: fromOwn ? excerpt(own, 0, own.length) : excerpt(text, 0, text.length),
    message: fromOwn
      ? `The tool's annotations (${[...new Set(wrong)].join(', ')}) contradict what its other annotations declare: permissions or side effects that write, delete, run commands or reach the network. Clients use these hints to skip confirmation.`
      : `The tool's annotations (${[...new Set(wrong)].join(', ')}) contradict its description, which says it deletes or sends away the user's data. Clients use these hints to skip confirmation.`,
    family: 'mismatch',
    order,
  });
}

/** Token scopes that administer or delete, far beyond what a tool that reads or writes a file needs. */
const EXCESS_SCOPE = /\b(?:admin:(?:org|enterprise|repo_hook|org_hook|public_key|gpg_key)|delete_repo|site_admin|(?:full|root|owner|org[- ]?admin|administrator) (?:access|scopes?|permissions?|rights)|all scopes)\b/;
/** A purpose that administers things, for which such scopes are explained. */
const ADMIN_PURPOSE = /\b(?:admin\w*|organi[sz]ations?|orgs?|members?|permissions?|access control|delete\w*|manage\w*|provision\w*|settings|webhooks?|secrets?)\b/;

/** A parameter that asks for a token with administrative or deleting scopes, on a tool whose purpose administers nothing. */
function excessScope(fields: readonly FieldText[], purpose: string, emit: Emit): void {
  if (ADMIN_PURPOSE.test(purpose)) return;
  fields.forEach((f, order) => {
    if (f.param === undefined || f.kind !== 'description') return;
    const text = prepare(f.text.slice(0, 400), {}).latin;
    if (!EXCESS_SCOPE.test(text)) return;
    emit({
      rule: 'mismatch.capability',
      severity: 'high',
      field: f.field,
      evidence: excerpt(f.text, 0, f.text.length),
      message: 'A parameter asks for a token with administrative or deleting scopes (org admin, repository deletion), though the tool administers nothing. Whoever runs the server gets that control.',
      family: 'mismatch',
      order,
    });
  });
}

/** Permissions a tool may declare in made-up annotation keys, and the purposes that explain each. */
const DECLARED: ReadonlyArray<{ what: string; re: RegExp; unless: RegExp }> = [
  { what: 'delete files', re: new RegExp(String.raw`\b${FILE_PERMISSION}(?![\w-])`), unless: /\b(?:files?|folders?|director\w*|disk|storage|backup\w*|clean\w*|sync\w*|upload\w*|download\w*|write\w*|sav\w*|edit\w*)\b/ },
  { what: 'make payments', re: /\b(?:payments?|billing|wallet|funds|transfers?|bank)[:._-](?:initiate|create|send|write|transfer|charge|all|\*)(?![\w-])/, unless: /\b(?:pay\w*|bill\w*|wallet\w*|funds?|transfer\w*|bank\w*|checkout|purchas\w*|order\w*|invoice\w*|shop\w*|buy\w*|subscri\w*|donat\w*)\b/ },
  { what: 'change contacts', re: /\bcontacts?[:._-](?:write|delete|export|read|all|\*)(?![\w-])/, unless: /\b(?:contacts?|address book|crm|people|phone\w*|call\w*|messag\w*|e-?mail\w*|invit\w*)\b/ },
  { what: 'run commands', re: new RegExp(String.raw`\b${EXEC_PERMISSION}(?![\w-])`), unless: /\b(?:shell|command\w*|terminal|script\w*|run\w*|execut\w*|process\w*|build\w*|test\w*|deploy\w*|install\w*)\b/ },
];

/**
 * Permissions declared in the annotations' own made-up keys ("x-permissions": ["files.delete",
 * "payments.initiate"]) that nothing in the tool's purpose explains: an air-quality lookup that
 * may delete files and start payments.
 */
function declaredPermissions(fields: readonly FieldText[], purpose: string, emit: Emit): void {
  const own = fields.flatMap((f, order) => (isOwnAnnotationValue(f) ? [{ f, order, text: f.text.toLowerCase() }] : []));
  const unexplained = DECLARED.filter((d) => !d.unless.test(purpose) && own.some((o) => d.re.test(o.text)));
  const first = own.find((o) => unexplained.some((d) => d.re.test(o.text)));
  if (first === undefined) return;
  const { f, order } = first;
  const what = unexplained.map((d) => d.what);
  emit({
    rule: 'mismatch.capability',
    severity: 'medium',
    field: f.field,
    evidence: excerpt(f.text, 0, f.text.length),
    message: `The tool's annotations declare permissions to ${what.join(', ')}, which nothing in its name or description needs.`,
    family: 'mismatch',
    order,
  });
}

/** What only a keylogger, a clipboard or screen recorder, or a browser-history reader has to return. */
const CAPTURED = /\b(?:keystrokes?|keyboard input|key ?logs?|typed (?:text|input) (?:from|in|across) (?:other|all) (?:apps|applications|windows)|clipboard (?:history|entries|contents)|screen recordings?|microphone (?:audio|recordings?)|camera (?:frames|snapshots|feed)|browsing history)\b/;
/** Purposes that explain returning them. */
const CAPTURE_PURPOSE = /\b(?:keyboard|keystrokes?|key ?logg\w*|typing|macros?|clipboard|screen ?(?:recorder|recording|capture)|screenshots?|microphone|audio|record\w*|camera|webcam|video|browser|browsing|history|monitor\w*|parental|forensic\w*|accessibility|input (?:method|device))\b/;

/**
 * An output schema that returns keystrokes, clipboard history or screen, microphone or camera
 * captures from a tool whose purpose has nothing to do with them: it collects them to hand over.
 */
function capturedOutput(fields: readonly FieldText[], purpose: string, emit: Emit): void {
  if (CAPTURE_PURPOSE.test(purpose)) return;
  const order = fields.findIndex((f) => f.field.startsWith('outputSchema') && f.param !== undefined && (f.isParamName || f.kind === 'description' || f.kind === 'title') && CAPTURED.test(prepare(f.text.slice(0, 400), { words: true }).latin));
  const f = fields[order];
  if (f === undefined) return;
  emit({
    rule: 'mismatch.capability',
    severity: 'high',
    field: f.field,
    evidence: excerpt(f.text, 0, f.text.length),
    message: "The tool's output returns keystrokes, clipboard history or screen, microphone or camera captures, which nothing in its purpose explains: it collects them from the user's machine.",
    family: 'mismatch',
    order,
  });
}

/**
 * An identifier or value, read as words (`delete_repo_after`, `deleteRepoAfter` → "delete repo after"),
 * for an action that deletes, shares or sells the user's things, or includes secrets.
 */
const DANGEROUS_ACTION = /(?<![a-z0-9])(?:(?:delete|wipe|purge|destroy|erase|drop) (?:repo[a-z0-9]*|all|everything|account|source|originals?|backups?|history)|(?:share|send|upload|export|sync) (?:with|to|copy|location|history|contacts|data|partners?|research|public[a-z0-9]*)|include (?:[a-z0-9]+ )*(?:keys?|secrets?|passwords?|tokens?|credentials?)|(?:sell|liquidate|transfer|withdraw) (?:all|everything)|(?:market )?sell all|grant admin|make public)(?![a-z0-9])/;

/** A `default` or `const` of an input schema property (not of an enum or example list). */
const INPUT_DEFAULT = /^inputSchema\..*\.(?:default|const)$/;

/**
 * A switch or option that deletes, shares or sells the user's things, or hands over secrets, on
 * by default (`delete_repo_after: true`, `include_keys: true`, `on_trigger: "market_sell_all_holdings"`),
 * on a tool whose name and description (`purpose`, read as words) name no such action: a call that
 * keeps the default does it. Reads the walk's string values and its scalars (`true` switches on the
 * property's own name).
 */
function dangerousDefaults(fields: readonly FieldText[], scalars: readonly ScalarValue[], purpose: string, emit: Emit): void {
  const asWords = (s: string): string => prepare(s.slice(0, 200), { words: true }).latin.replace(/[^a-z0-9]+/g, ' ');
  const candidates = [
    ...scalars.filter((v) => v.value === true && v.param !== undefined && INPUT_DEFAULT.test(v.field)).map((v) => ({ field: v.field, name: v.param ?? '', action: asWords(v.param ?? ''), value: v.value as unknown })),
    ...fields.filter((f) => f.kind === 'value' && f.param !== undefined && INPUT_DEFAULT.test(f.field)).map((f) => ({ field: f.field, name: f.param ?? '', action: asWords(f.text), value: f.text as unknown })),
  ];
  const named = (action: string): boolean => action.split(' ').some((w) => w.length >= 4 && new RegExp(`(?<![a-z0-9])${w}`).test(purpose));
  for (const c of candidates) {
    const m = DANGEROUS_ACTION.exec(c.action);
    if (m === null || named(m[0])) continue;
    const owner = c.field.replace(/\.(?:default|const)$/, '');
    emit({
      rule: 'schema.dangerous-default',
      severity: 'medium',
      field: c.field,
      evidence: `${c.name}: ${JSON.stringify(c.value)}`,
      message: "A default or constant of this tool's schema switches on an action that deletes, shares or sells the user's things, or hands over secrets, which the tool's name and description do not name. A call that keeps the default does it without the user choosing it.",
      family: 'mismatch',
      order: Math.max(0, fields.findIndex((f) => f.field.startsWith(owner))),
    });
    return;
  }
}

/** A value of the annotations other than their title (the made-up keys' values, where servers declare permissions and side effects). */
const isOwnAnnotationValue = (f: FieldText): boolean => f.field.startsWith('annotations') && f.field !== 'annotations.title' && f.kind !== 'key';

/** The fields that say what a tool is: its name, titles and description. */
const isPurposeField = (f: FieldText): boolean => f.field === 'name' || f.field === 'title' || f.field === 'annotations.title' || f.field === 'description';

/** Mismatches between what a tool says it is and what it asks for, returns, declares or does by default. */
export function scanMismatch(fields: readonly FieldText[], scalars: readonly ScalarValue[], emit: Emit): void {
  const named = fields.filter(isPurposeField);
  const fullPurpose = named.map((f) => prepare(f.text.slice(0, 2000), { words: true }).latin).join(' \n ');
  // What the tool says it is: its names and titles, and the first sentence of its description.
  const purposeText = named.map((f) => prepare((f.field === 'description' ? firstSentence(f.text) : f.text).slice(0, 400), { words: true }).latin.trim());
  const firstSentences = purposeText.join(' \n ');
  otherServiceCredential(fields, fullPurpose, emit);
  presetSecretFile(fields, fullPurpose, emit);
  excessScope(fields, fullPurpose, emit);
  foreignCredentials(fields, firstSentences, emit);
  capturedOutput(fields, fullPurpose, emit);
  declaredPermissions(fields, fullPurpose, emit);
  dangerousDefaults(fields, scalars, fullPurpose, emit);
  if (sensitiveAsk(fields, fullPurpose, emit)) return;
  const purpose = PURPOSES.find((p) => purposeText.some((t) => p.re.test(t)));
  if (purpose === undefined || purposeText.some((t) => BROADER.test(t.replace(SIMPLE_SEARCH, ' ')))) return;
  const found = new Map<Ask, { field: FieldText; order: number }>();
  fields.forEach((f, order) => {
    if (f.param === undefined || !(f.isParamName || f.kind === 'description' || f.kind === 'title')) return;
    // A parameter named as an id refers to the thing ("Id of the browser cookies session"); it does not carry it.
    if (ID_PARAM.test(f.param)) return;
    const text = prepare(f.text.slice(0, 400), { words: true }).latin.trim();
    for (const [ask, re] of ASKS) {
      if (purpose.allowed.includes(ask) || found.has(ask)) continue;
      // A random generator whose purpose lists passwords ("UUID, ULID, secure password") explains a password option.
      if (purposeText.some((t) => re.test(t))) continue;
      if (ask === 'hidden-channel' && !f.isParamName) continue;
      if (re.test(text)) found.set(ask, { field: f, order });
    }
  });
  // "Evaluates an arithmetic expression … with the host's Python interpreter via exec()": the description itself says it runs code.
  if (!purpose.allowed.includes('shell') && !found.has('shell')) {
    fields.forEach((f, order) => {
      if (found.has('shell') || f.field !== 'description') return;
      if (RUNS_CODE.test(prepare(f.text.slice(0, 2000), {}).latin)) found.set('shell', { field: f, order });
    });
  }
  if (found.size === 0) return;
  const asks = [...found.keys()];
  const severity: Severity = asks.length >= 2 || asks.some((a) => SERIOUS.includes(a)) ? 'high' : 'medium';
  const first = [...found.values()].sort((a, b) => a.order - b.order)[0];
  if (first === undefined) return;
  emit({
    rule: 'mismatch.capability',
    severity,
    field: first.field.field,
    evidence: excerpt(first.field.text, 0, first.field.text.length),
    message: [...found.values()].every((x) => x.field.field.startsWith('outputSchema'))
      ? `This tool presents itself as ${purpose.name}, yet its output returns ${asks.map(describe).join(', ')}. A tool with a simple purpose has no access to these; one that returns them collects them.`
      : `This tool presents itself as ${purpose.name}, yet its parameters ask for ${asks.map(describe).join(', ')}. A tool with a simple purpose has no need for these.`,
    family: 'mismatch',
    order: first.order,
  });
}

function describe(a: Ask): string {
  switch (a) {
    case 'file':
      return 'file paths';
    case 'credential':
      return 'credentials';
    case 'shell':
      return 'shell commands';
    case 'conversation':
      return 'the conversation';
    case 'hidden-channel':
      return 'an unexplained side parameter';
    case 'url':
      return 'URLs';
    case 'email':
      return 'e-mail recipients';
    case 'payment':
      return 'a payment (wallet, account, amount to transfer)';
    case 'contacts':
      return 'contacts or device access (camera, microphone, keystrokes, clipboard, screen)';
    case 'location':
      return 'the user\'s location';
  }
}
