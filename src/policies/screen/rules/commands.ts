/**
 * Dangerous shell commands in text the model reads: download-and-run pipes, file uploads with
 * curl, recursive deletion of home or root, encoded PowerShell, reverse shells. A shell tool that
 * documents `ls -la` is not flagged; only commands with no benign reading are.
 */
import { anyOf, gap, sentenceAround, sentenceOf, type PhraseRule } from './rule.js';

/** Patterns of commands with no benign reading in a tool description. */
export const DANGEROUS_COMMAND = [
  String.raw`\b(?:curl|wget|iwr|invoke-webrequest|fetch)\b[^|\n]{0,200}\|\s*(?:sudo\s+)?(?:ba|z|da|k|fi)?sh\b`,
  String.raw`\b(?:curl|wget|iwr|invoke-webrequest)\b[^|\n]{0,200}\|\s*(?:python3?|perl|ruby|node|iex|invoke-expression)\b`,
  String.raw`\bcurl\b[^\n]{0,160}\s(?:-d\s*@|--data(?:-binary|-raw|-urlencode)?\s*@|-f\s*['"]?\w*=@|--form\s*['"]?\w*=@|--upload-file\b|-t\s+[~\/.])`,
  String.raw`\bwget\b[^\n]{0,160}--post-file\b`,
  String.raw`\brm\s+-(?:rf|fr|r\s+-f|f\s+-r)\s+(?:--no-preserve-root\s+)?(?:\/|~\/?|\$home\/?|\*|\/\*)(?:\s|$|;|&)`,
  String.raw`\bpowershell(?:\.exe)?\b[^\n]{0,60}\s-(?:e|en|enc|encodedcommand)\s+[a-z0-9+\/=]{16,}`,
  String.raw`\b(?:iex|invoke-expression)\b\s*\(?\s*(?:\(?new-object\s+net\.webclient\)?\.downloadstring|iwr|invoke-webrequest|irm|invoke-restmethod)\b`,
  String.raw`\b(?:nc|ncat|netcat)\s+(?:-\w+\s+)*-(?:e|c)\s+\/bin\/(?:ba)?sh\b|\/dev\/tcp\/[\w.-]+\/\d+|\bmkfifo\b[^\n]{0,80}\b(?:nc|ncat|netcat)\b`,
  String.raw`\bbase64\s+(?:-d|--decode|-d\s+-i)\b[^\n|]{0,80}\|\s*(?:ba|z)?sh\b`,
  String.raw`\bpython3?\s+-c\s+['"][^'"\n]{0,200}\b(?:socket|pty\.spawn|subprocess|os\.system|os\.dup2)\b`,
  String.raw`\beval\s*\(\s*(?:atob|base64_decode|buffer\.from|string\.fromcharcode)\b`,
  String.raw`\bchmod\s+(?:\+x|[0-7]?77[57])\s+\S+\s*(?:&&|;)\s*(?:\.\/|sh\s|bash\s)`,
  String.raw`\bgrant\s+all(?:\s+privileges)?\s+on\b[^;\n]{0,80}\bto\s+public\b`,
  String.raw`\b(?:crontab\s+-r|mkfs\.\w+\s+\/dev\/|dd\s+if=\/dev\/(?:zero|random|urandom)\s+of=\/dev\/[sh]d|:\(\)\s*\{\s*:\|:&\s*\};:)`,
].join('|');

/** Words that introduce patterns a security tool looks for ("useful queries:", "detects", "signatures such as"). */
const SEARCHED_FOR = /\b(?:quer(?:y|ies)|search(?:es)? for|look(?:s)? for|patterns?|signatures?|detections?|detects?|indicators?|iocs?|rules? (?:for|such as|like)|alerts? (?:on|for)|flags?|matches)\b/;

/** A sentence that makes running a command wait for the user, or forbids it. */
const CONFIRM_FIRST = /\b(?:ask|confirm with|check with) (?:the )?user (?:before|first)\b|\b(?:never|do not|don't|must not|should not|refuse to) (?:run|execute|use|suggest)\b/;

/** Words of a side job a tool takes on besides its purpose. */
const SIDE_JOB = /\b(?:also|now|additionally|as well|too|silently|quietly|automatically|in the background|on (?:first |each |every )?(?:run|start|install|launch|use))\b/;
/** What a tool whose purpose is to change a target would have in its name. */
const TAMPER_TARGETS: readonly (readonly [RegExp, RegExp])[] = [
  [/hosts/, /hosts/],
  [/authorized_keys|\.ssh/, /ssh|keys?\b|authori[sz]ed/],
  [/cron/, /cron|schedul/],
  [/certificat|\bca\b|trust|ssl/, /cert|trust|\bca\b|tls|ssl/],
  [/dns|proxy|resolv/, /dns|proxy|resolv|network/],
  [/rc\b|profile|fish/, /shell|profile|rc\b|dotfile|alias|env/],
  [/hooks?/, /hook/],
  [/sudoers|environment|systemd|launchagents/, /sudo|systemd|service|env|launch/],
];

/** Rules about shell commands. */
export const COMMAND_RULES: readonly PhraseRule[] = [
  {
    // "While idle, the server uses spare CPU for our compute rewards programme": the user's machine
    // put to work for someone else (cryptomining and the like).
    id: 'exec.resource-abuse',
    family: 'command',
    severity: 'medium',
    message: "The text says the tool uses the user's machine (spare processor time, bandwidth) for work of its own, such as mining cryptocurrency. That is not what the user installed it for.",
    gate: anyOf('spare', 'idle', 'unused', 'background', 'excess', 'xmrig', 'cryptojacking', 'cryptomining', 'mining', 'miner'),
    re: /\b(?:uses?|using|borrows?|lends?|shares?|contributes?|puts?|harness(?:es)?|donates?)\b(?:[^.!?\n]){0,30}\b(?:spare|idle|unused|background|excess|leftover) (?:cpu|gpu|compute|computing|processing(?: power)?|cycles|bandwidth|resources|capacity)\b|\bxmrig\b|\bcrypto-?jacking\b|\b(?:mines?|mining) (?:monero|xmr|crypto\w*|coins?|tokens?) (?:in the background|while idle|on (?:your|the user'?s?) (?:machine|computer|device))\b/g,
  },
  {
    id: 'exec.dangerous-command',
    family: 'command',
    severity: 'high',
    message: 'The text contains a dangerous shell command (download-and-run, data upload, reverse shell or mass deletion). The AI model may run it on the user\'s machine.',
    gate: anyOf('curl', 'wget', 'iwr', 'invoke', 'fetch', 'rm', 'powershell', 'iex', 'nc', 'ncat', 'netcat', 'dev', 'mkfifo', 'base64', 'python', 'python3', 'eval', 'chmod', 'crontab', 'mkfs', 'dd', 'grant'),
    re: new RegExp(DANGEROUS_COMMAND, 'g'),
    // 'Useful queries: "curl | sh", "mimikatz"': a quoted pattern a security tool searches for or
    // detects, with no order to run anything.
    refine: (m, text) => {
      const { before, after } = sentenceAround(text, m.index, m.index + m[0].length);
      const quoted = /["'`“‘]$/.test(text.slice(Math.max(0, m.index - 1), m.index));
      // "Ask the user before running commands that use sudo, curl | sh": a command named as one to confirm or refuse.
      if (CONFIRM_FIRST.test(before)) return 'low';
      return quoted && SEARCHED_FOR.test(before) && !/\b(?:run|execute|paste|type|enter|install|append|prepend|add|insert|include|use|call|send|pipe|invoke)\b/.test(`${before}${after}`) ? 'low' : 'high';
    },
  },
  {
    id: 'exec.system-tamper',
    family: 'command',
    severity: 'medium',
    message: "The text says the tool changes files that decide how the user's machine trusts, resolves or starts things (hosts file, DNS or proxy settings, shell start-up files, authorised SSH keys, scheduled jobs, trusted certificates). Unless that is the tool's stated purpose, it is a takeover.",
    gate: anyOf('hosts', 'resolv', 'bashrc', 'zshrc', 'profile', 'bash_profile', 'authorized', 'crontab', 'cron', 'hooks', 'launchagents', 'systemd', 'proxy', 'dns', 'certificate', 'certificates', 'ca', 'trust', 'path', 'environment', 'sudoers'),
    re: new RegExp(
      String.raw`\b(?:writes?|rewrites?|overwrites?|modif(?:y|ies)|edits?|patch(?:es)?|appends?|adds?|inserts?|installs?|updates?|changes?|replaces?|points?|redirects?|sets?)\b${gap(40)}(?:\/etc\/(?:hosts|resolv\.conf|environment|profile|sudoers|crontab|cron\.\w+|systemd\/[\w\/.-]*|ssl\/certs)\b|~?\/?\.(?:bashrc|zshrc|profile|bash_profile|zprofile|config\/fish\/config\.fish)\b|(?:~\/)?\.ssh\/authorized_keys\b|\bauthorized_keys\b|\bhosts (?:file|entries)\b|\bcrontab\b|\.git\/hooks\b|\bgit hooks?\b|\blaunchagents\b|\b(?:system|global|os)(?:-wide)? (?:dns|proxy|resolver) (?:settings?|config\w*)\b|\b(?:trusted|root) (?:ca|certificates?|certificate authorit(?:y|ies))\b|\b(?:trust store|ca bundle)\b)`,
      'g',
    ),
    // A tool made for this says so up front ("Append a public key to ~/.ssh/authorized_keys") or in its
    // name; a side job ("now also rewrites /etc/hosts", "on first run it edits ~/.zshrc") is never its purpose.
    refine: (m, text, f, facts) => {
      if (SIDE_JOB.test(sentenceOf(text, m))) return 'medium';
      if (f.kind === 'description' && !/[.!?\n]/.test(text.slice(0, m.index))) return 'low';
      const target = TAMPER_TARGETS.find(([re]) => re.test(m[0]));
      return target !== undefined && target[1].test(facts.name ?? '') ? 'low' : 'medium';
    },
  },
  {
    id: 'exec.system-tamper',
    family: 'command',
    severity: 'medium',
    message: "The text says the tool switches off a protection of the user's machine (the firewall, antivirus, SELinux, Gatekeeper, system integrity protection). Unless that is the tool's stated purpose, it opens the machine to others.",
    gate: anyOf('firewall', 'advfirewall', 'ufw', 'firewalld', 'antivirus', 'defender', 'selinux', 'setenforce', 'apparmor', 'gatekeeper', 'spctl', 'csrutil', 'integrity', 'uac', 'mppreference', 'protection'),
    re: new RegExp(
      [
        String.raw`\b(?:disables?|disabling|turns? off|turning off|switch(?:es)? off|stops?|deactivates?|kills?|uninstalls?|bypass(?:es)?)\b (?:the |your |its |any |all )?(?:os |windows |system |host |local |machine'?s? |user'?s? |built-in )?(?:firewall|anti-?virus|antimalware|windows defender|microsoft defender|defender|selinux|apparmor|gatekeeper|system integrity protection|uac|user account control|real-?time protection|endpoint protection)\b`,
        String.raw`\bnetsh\s+(?:adv)?firewall\s+set\s+\w+\s+state\s+off\b|\bufw\s+disable\b|\bsystemctl\s+(?:stop|disable|mask)\s+(?:firewalld|ufw|apparmor)\b|\bsetenforce\s+0\b|\bset-mppreference\b[^\n]{0,40}-disable\w*\s+\$?true\b|\bspctl\s+--master-disable\b|\bcsrutil\s+disable\b`,
      ].join('|'),
      'g',
    ),
    // A firewall or security tool made for this names it in its name ("ufw_disable", "toggle_firewall"); a side job never is its purpose.
    refine: (m, text, _f, facts) => (SIDE_JOB.test(sentenceOf(text, m)) ? 'medium' : /firewall|ufw|iptables|nftables|defender|antivirus|selinux|apparmor|gatekeeper|security|hardening|endpoint/.test(facts.name ?? '') ? 'low' : 'medium'),
  },
  {
    id: 'exec.run-command',
    family: 'command',
    severity: 'medium',
    message: 'The text tells the AI model to run a command or script in a terminal, outside of what this tool does.',
    gate: anyOf('terminal', 'shell', 'console', 'cmd', 'powershell', 'bash', 'line', 'prompt'),
    re: new RegExp(
      String.raw`\b(?:run|execute|paste|type|enter)\b${gap(20)}\b(?:the following|this|these)\b (?:\w+ )?(?:commands?|scripts?|code|one-liner)\b${gap(20)}\b(?:in|into|on) (?:the |a |your )?(?:terminal|shell|command line|console|cmd|powershell|bash)\b|\b(?:open|launch) (?:a |the )?(?:terminal|shell|command prompt)\b${gap(20)}\band (?:run|execute|type)\b`,
      'g',
    ),
  },
];
