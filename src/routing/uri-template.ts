/**
 * Matching concrete resource URIs against RFC 6570 URI templates (levels 1–4 as resource templates
 * use them), to route `resources/read` of a templated URI to the server that declared the template.
 */

/** Compiles a URI template into a RegExp that matches URIs it can expand to. */
export function templateToRegExp(template: string): RegExp {
  let re = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      re += escape(template.slice(i));
      break;
    }
    re += escape(template.slice(i, open));
    const close = template.indexOf('}', open);
    if (close === -1) {
      re += escape(template.slice(open));
      break;
    }
    const expr = template.slice(open + 1, close);
    const op = expr[0] ?? '';
    if (op === '+' || op === '#') re += `${op === '#' ? '#' : ''}.*`;
    else if (op === '?' || op === '&') re += `(?:[?&][^#]*)?`;
    else if (op === '/') re += '(?:/[^?#]*)?';
    else if (op === '.') re += '(?:\\.[^/?#]*)?';
    else if (op === ';') re += '(?:;[^/?#]*)?';
    else re += '[^/?#]+';
    i = close + 1;
  }
  return new RegExp(`^${re}$`, 'u');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
