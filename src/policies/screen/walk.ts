/**
 * Collects every model-visible string of a definition with its field path: names, titles,
 * descriptions, annotations, every string and unknown key inside inputSchema/outputSchema (enums,
 * defaults, examples, property names), prompt arguments, resource URIs, server instructions.
 * Clients hand the whole definition to the model, so nothing is skipped except the structural
 * keys of JSON Schema and MCP. Booleans and numbers given as values (`default: true`) are kept
 * apart, for rules that read what a call does when it keeps the default. The walk is bounded so a
 * hostile definition cannot make it slow.
 */
import { makeVisible } from './visible.js';

/** Bounds of one walk. */
export const LIMITS = {
  maxDepth: 64,
  maxStrings: 10_000,
  /** Characters of one string that are matched (the rest is reported, not screened). */
  maxStringChars: 65_536,
  /** Characters matched over the whole item. */
  maxTotalChars: 1_048_576,
  /** JSON values visited (objects, arrays, scalars) over the whole item. */
  maxNodes: 100_000,
} as const;

/** What a string is, which decides how some rules read it. */
export type FieldKind = 'name' | 'title' | 'description' | 'instructions' | 'value' | 'key' | 'uri' | 'mime' | 'other';

/** One model-visible string. */
export interface FieldText {
  field: string;
  kind: FieldKind;
  text: string;
  /** The innermost schema property this string belongs to (its name), if any. */
  param?: string;
  /** True when the string is a schema property name. */
  isParamName?: boolean;
}

/** A value that is not a string (a boolean or number) given as a schema `default`, `const`, `enum` or example. */
export interface ScalarValue {
  field: string;
  value: boolean | number;
  /** The innermost schema property the value belongs to (its name), if any. */
  param?: string;
}

/** The strings of an item, its non-string schema values, and why the walk stopped early (if it did). */
export interface WalkResult {
  fields: FieldText[];
  scalars: ScalarValue[];
  over: string[];
}

/** Keys whose names are fixed by JSON Schema or MCP; their values are screened, the keys are not. */
const KNOWN_KEYS = new Set([
  'name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations', 'arguments', 'required', 'uri',
  'uriTemplate', 'mimeType', 'size', 'icons', 'src', 'sizes', 'theme', '_meta', 'execution', 'taskSupport', 'instructions',
  'serverInfo', 'version', 'websiteUrl', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint', 'audience',
  'priority', 'lastModified', '$schema', '$id', '$ref', '$defs', '$comment', '$anchor', 'definitions', 'type', 'properties',
  'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'additionalItems', 'contains', 'enum', 'const',
  'default', 'examples', 'example', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'contentEncoding', 'contentMediaType', 'contentSchema', 'deprecated',
  'readOnly', 'writeOnly', 'nullable', 'discriminator', 'minContains', 'maxContains', '$dynamicRef', '$dynamicAnchor',
  '$vocabulary', 'x-mcp-header',
]);
/** Containers whose keys are names chosen by the server (property names). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const VALUE_KEYS = new Set(['enum', 'examples', 'example', 'const', 'default']);

/** Renders a path segment: `a.b`, `a["odd key"]`, `a[2]`. */
function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]{0,63}$/.test(key);
  if (safe) return path === '' ? key : `${path}.${key}`;
  const shown = JSON.stringify(makeVisible(key.length > 64 ? `${key.slice(0, 64)}…` : key));
  return `${path}[${shown}]`;
}

function kindOf(key: string | number | undefined, inValues: boolean, path: string): FieldKind {
  if (inValues) return 'value';
  switch (key) {
    case 'name':
      return 'name';
    case 'title':
      return 'title';
    case 'description':
    case '$comment':
      return 'description';
    case 'instructions':
      // Only a server's own instructions are directions to the model by design; an "instructions"
      // key anywhere else (inside annotations or a schema) is text like any description.
      return path === 'instructions' ? 'instructions' : 'description';
    case 'uri':
    case 'uriTemplate':
    case 'src':
    case 'websiteUrl':
      return 'uri';
    case 'mimeType':
      return 'mime';
    default:
      return typeof key === 'string' && VALUE_KEYS.has(key) ? 'value' : 'other';
  }
}

/** Walks `def` (and `name`, when the definition does not carry it) within {@link LIMITS}. */
export function walkDefinition(name: string, def: unknown): WalkResult {
  const fields: FieldText[] = [];
  const scalars: ScalarValue[] = [];
  const over = new Set<string>();
  let total = 0;
  const add = (f: FieldText): boolean => {
    if (fields.length >= LIMITS.maxStrings) {
      over.add(`more than ${LIMITS.maxStrings} strings`);
      return false;
    }
    let text = f.text;
    if (text.length > LIMITS.maxStringChars) {
      over.add(`a string longer than ${LIMITS.maxStringChars} characters (${f.field})`);
      text = text.slice(0, LIMITS.maxStringChars);
    }
    if (total + text.length > LIMITS.maxTotalChars) {
      over.add(`more than ${LIMITS.maxTotalChars} characters of text`);
      return false;
    }
    total += text.length;
    fields.push({ ...f, text });
    return true;
  };
  const rec = def !== null && typeof def === 'object' && !Array.isArray(def) ? (def as Record<string, unknown>) : {};
  if (rec.name !== name) add({ field: 'name', kind: 'name', text: name });

  // Iterative depth-first walk (explicit stack, bounded depth); keys come just before their value.
  interface ValueFrame { t: 'value'; value: unknown; path: string; key: string | number | undefined; depth: number; param?: string; inValues: boolean; nameMap: boolean }
  type Frame = ValueFrame | { t: 'key'; field: FieldText };
  const stack: Frame[] = [{ t: 'value', value: def, path: '', key: undefined, depth: 0, inValues: false, nameMap: false }];
  let nodes = 0;
  while (stack.length > 0) {
    const f = stack.pop();
    if (f === undefined) break;
    if (++nodes > LIMITS.maxNodes) {
      over.add(`more than ${LIMITS.maxNodes} JSON values`);
      break;
    }
    if (f.t === 'key') {
      if (!add(f.field)) break;
      continue;
    }
    if (typeof f.value === 'string') {
      if (!add({ field: f.path || 'value', kind: kindOf(f.key, f.inValues, f.path), text: f.value, ...(f.param !== undefined ? { param: f.param } : {}) })) break;
      continue;
    }
    if ((typeof f.value === 'boolean' || typeof f.value === 'number') && f.inValues && scalars.length < LIMITS.maxStrings) {
      scalars.push({ field: f.path, value: f.value, ...(f.param !== undefined ? { param: f.param } : {}) });
      continue;
    }
    if (f.value === null || typeof f.value !== 'object') continue;
    if (f.depth >= LIMITS.maxDepth) {
      over.add(`nesting deeper than ${LIMITS.maxDepth} levels`);
      continue;
    }
    const children: Frame[] = [];
    if (Array.isArray(f.value)) {
      const inValues = f.inValues || (typeof f.key === 'string' && VALUE_KEYS.has(f.key));
      const n = Math.min(f.value.length, LIMITS.maxStrings + 1);
      if (f.value.length > n) over.add(`more than ${LIMITS.maxStrings} strings`);
      for (let i = 0; i < n; i++) {
        children.push({ t: 'value', value: f.value[i], path: join(f.path, i), key: i, depth: f.depth + 1, ...(f.param !== undefined ? { param: f.param } : {}), inValues, nameMap: false });
      }
    } else {
      let count = 0;
      for (const k in f.value) {
        if (!Object.hasOwn(f.value, k)) continue;
        if (++count > LIMITS.maxStrings + 1) {
          over.add(`more than ${LIMITS.maxStrings} strings`);
          break;
        }
        const v = (f.value as Record<string, unknown>)[k];
        const path = join(f.path, k);
        const param = f.nameMap ? k : f.param;
        if (f.nameMap || f.inValues || !KNOWN_KEYS.has(k)) {
          const field: FieldText = { field: path, kind: f.nameMap ? 'name' : 'key', text: k };
          if (f.nameMap) field.isParamName = true;
          if (param !== undefined) field.param = param;
          children.push({ t: 'key', field });
        }
        const inValues = f.inValues || (VALUE_KEYS.has(k) && !f.nameMap);
        children.push({ t: 'value', value: v, path, key: k, depth: f.depth + 1, ...(param !== undefined ? { param } : {}), inValues, nameMap: !f.nameMap && !f.inValues && NAME_MAPS.has(k) });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c !== undefined) stack.push(c);
    }
  }
  return { fields, scalars, over: [...over] };
}
