/**
 * Collects every model-visible string of a tool definition — name, title, description, and every
 * string inside inputSchema / outputSchema / annotations (descriptions, titles, enums, defaults,
 * examples, property names) — with the path where it was found.
 */

/** One string and where it sits in the definition. */
export interface VisibleString {
  path: string;
  text: string;
}

const MAX_STRINGS = 2000;
const MAX_DEPTH = 12;

/** Walks a JSON value and collects its strings and object keys (bounded). */
function walk(value: unknown, path: string, out: VisibleString[], depth: number): void {
  if (out.length >= MAX_STRINGS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    out.push({ path, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Property names are model-visible (full-schema poisoning hides text in them).
      if (path.endsWith('.properties')) out.push({ path: `${path}.${k}#name`, text: k });
      walk(v, `${path}.${k}`, out, depth + 1);
    }
  }
}

/** Every model-visible string of a tool definition. */
export function visibleStrings(tool: Record<string, unknown>): VisibleString[] {
  const out: VisibleString[] = [];
  for (const key of ['name', 'title', 'description']) {
    const v = tool[key];
    if (typeof v === 'string') out.push({ path: key, text: v });
  }
  for (const key of ['inputSchema', 'outputSchema', 'annotations']) {
    if (tool[key] !== undefined) walk(tool[key], key, out, 0);
  }
  return out;
}

/** The model-visible text of a tool as one string (one line per string; schema type words skipped). */
export function visibleText(tool: Record<string, unknown>): string {
  return visibleStrings(tool)
    .filter((s) => !/\.(type|format|\$ref|required\[\d+\])$/.test(s.path))
    .map((s) => s.text)
    .join('\n');
}

/** Every string of any definition (prompts, resources, server instructions), with paths. */
export function allStrings(def: Record<string, unknown>): VisibleString[] {
  const out: VisibleString[] = [];
  walk(def, '', out, 0);
  return out.map((s) => ({ path: s.path.replace(/^\./, ''), text: s.text }));
}

/** Every string of any definition as one text. */
export function allText(def: Record<string, unknown>): string {
  return allStrings(def)
    .map((s) => s.text)
    .join('\n');
}

/** True when any code point of `s` falls in one of the inclusive ranges. */
export function hasCodePointIn(s: string, ranges: readonly (readonly [number, number])[]): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ranges.some(([a, b]) => c >= a && c <= b)) return true;
  }
  return false;
}
