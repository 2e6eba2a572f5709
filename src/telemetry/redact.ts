/**
 * The one place that blanks credentials in what Portcullis prints or records: command-line
 * arguments, URLs and free text (error messages). Used by `discover` and `scan` (their reports)
 * and by server-identity pinning (a credential is not what a server is, pins are shown to
 * admins, and rotating one must not quarantine the server). Env and header values are never
 * printed at all, only their names. Known secret values are blanked, and so is anything that
 * looks like a token.
 */

/** What replaces a secret (the logger's censor uses the same marker). */
export const REDACTED = '[redacted]';

/** Names (flags, env vars, headers, query parameters) whose values are credentials more often than not. */
const SENSITIVE_NAME =
  /(token|secret|passw|pwd|jwt|api[-_]?key|access[-_]?key|private[-_]?key|(?:^|[-_.])key$|credential|auth|bearer|cookie|session|signature|^pat$|^sig$)/i;
const SECRET_FLAG = /^--?([A-Za-z0-9_.-]+)$/;

/** Well-known token shapes (GitHub, OpenAI/Anthropic-style, Slack, AWS, JWT, bearer values). */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\b(?:sk|pk|rk)-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_-]{16,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
  /\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** A long run of token-ish characters mixing letters and digits (API keys without a known prefix). */
const OPAQUE = /^[A-Za-z0-9_+=-]{32,}$/;
const looksOpaque = (s: string): boolean => OPAQUE.test(s) && /[A-Za-z]/.test(s) && /\d/.test(s);

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** True if a key name (env var, header, query parameter, flag) suggests a secret value. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** Blanks the given secret values and every token-shaped substring of `text`. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (s.length >= 4) out = out.split(s).join(REDACTED);
  for (const re of TOKEN_PATTERNS) out = out.replace(re, (m, scheme?: string) => (typeof scheme === 'string' && /^(bearer|basic|token)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED));
  return out;
}

/** Redacts a URL: userinfo, sensitive query values, opaque path segments (keys embedded in paths). */
export function redactUrl(url: string, secrets: readonly string[] = []): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactText(url, secrets);
  }
  if (u.password !== '') u.password = 'redacted';
  if (u.username !== '' && (u.password !== '' || looksOpaque(u.username))) u.username = 'redacted';
  for (const key of [...u.searchParams.keys()]) if (isSensitiveName(key) || looksOpaque(u.searchParams.get(key) ?? '')) u.searchParams.set(key, REDACTED);
  u.pathname = u.pathname
    .split('/')
    .map((seg) => (looksOpaque(decode(seg)) ? 'redacted' : seg))
    .join('/');
  return redactText(decode(u.toString()), secrets);
}

/**
 * Redacts command-line arguments: the value after a secret-named flag (`--token X`, unless what
 * follows is another `--flag`), the value of `--api-key=X` and `NAME=X` when the name is sensitive
 * (as in `docker run -e API_KEY=X`), URLs (see `redactUrl`), token-shaped arguments, and
 * `secrets` wherever they appear.
 */
export function redactArgs(args: readonly string[], secrets: readonly string[] = []): string[] {
  const out: string[] = [];
  let hideNext = false;
  for (const arg of args) {
    if (hideNext) {
      hideNext = false;
      if (!arg.startsWith('--')) {
        out.push(REDACTED);
        continue;
      }
    }
    const eq = /^(-{0,2}[A-Za-z0-9_.-]+)=(.*)$/s.exec(arg);
    if (eq && isSensitiveName(eq[1]!.replace(/^-+/, ''))) {
      out.push(`${eq[1]!}=${REDACTED}`);
      continue;
    }
    const flag = SECRET_FLAG.exec(arg);
    if (flag && isSensitiveName(flag[1]!)) {
      out.push(arg);
      hideNext = true;
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) out.push(redactUrl(arg, secrets));
    else if (looksOpaque(arg)) out.push(REDACTED);
    else out.push(redactText(arg, secrets));
  }
  return out;
}

/** The secret parts of a command line and URL (what redactArgs/redactUrl hide), to blank them in free text too. */
export function secretsIn(args: readonly string[], url?: string): string[] {
  const out: string[] = [];
  const redacted = redactArgs(args);
  args.forEach((a, i) => {
    const r = redacted[i];
    if (r === REDACTED) out.push(a);
    else if (r !== undefined && r.endsWith(`=${REDACTED}`) && !a.endsWith(`=${REDACTED}`)) out.push(a.slice(a.indexOf('=') + 1));
  });
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (u.password !== '') out.push(decode(u.password));
      for (const [k, v] of u.searchParams) if (isSensitiveName(k) || looksOpaque(v)) out.push(v);
      for (const seg of u.pathname.split('/')) if (looksOpaque(decode(seg))) out.push(decode(seg));
    } catch {
      // not a URL: nothing to add
    }
  }
  return out.filter((s) => s.length >= 4);
}
