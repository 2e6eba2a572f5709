/**
 * Turns zod issues into located, human-readable problems: "<what is wrong>; expected <what>".
 * Values are shown only when they were written literally in the file (never resolved `${env:…}`).
 */
import type { z } from 'zod';
import type { ConfigPath, PathIssue } from './env.js';
import { closest } from './hints.js';

/** Reads the value at `path` in a plain parsed document. */
export function valueAt(root: unknown, path: ConfigPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  schema?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional/default/pipe wrappers down to the schema that parses the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in && d.out) s = defOf(d.in).type === 'transform' ? d.out : d.in;
    else return s;
  }
  return s;
}

/** The keys an object schema accepts at `path`, for "did you mean" hints. */
export function knownKeysAt(schema: z.ZodType, path: ConfigPath): string[] {
  let s = unwrap(schema);
  for (const seg of path) {
    const d = defOf(s);
    if (d.type === 'object' && d.shape && typeof seg === 'string' && d.shape[seg]) s = unwrap(d.shape[seg]);
    else if (d.type === 'record' && d.valueType) s = unwrap(d.valueType);
    else if (d.type === 'array' && d.element) s = unwrap(d.element);
    else return [];
  }
  const d = defOf(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** A short description of a parsed value's kind. */
export function describeKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return `a ${typeof v}`;
}

const KIND: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a map',
  record: 'a map',
  array: 'a list',
};

/** `"value"` when it was written literally (no env reference) and is short, else ''. */
function literal(raw: unknown): string {
  if (typeof raw === 'string') return raw.includes('${') || raw.length > 60 ? '' : ` ${JSON.stringify(raw)}`;
  return typeof raw === 'number' || typeof raw === 'boolean' ? ` ${String(raw)}` : '';
}

/** Splits a custom "<problem>; expected <what>" message. */
function split(message: string): { problem: string; expected: string } {
  const i = message.indexOf('; expected ');
  return i < 0 ? { problem: message, expected: 'a valid value' } : { problem: message.slice(0, i), expected: message.slice(i + 11) };
}

function bound(iss: { origin?: string; minimum?: unknown; maximum?: unknown; code: string }): { problem: string; expected: string } {
  const small = iss.code === 'too_small';
  const limit = String(small ? iss.minimum : iss.maximum);
  if (iss.origin === 'string') return small && limit === '1' ? { problem: 'empty string', expected: 'a non-empty string' } : { problem: 'string length out of range', expected: `${small ? 'at least' : 'at most'} ${limit} characters` };
  if (iss.origin === 'array') return { problem: `list too ${small ? 'short' : 'long'}`, expected: `${small ? 'at least' : 'at most'} ${limit} items` };
  return { problem: `number too ${small ? 'small' : 'large'}`, expected: `a number ${small ? '>=' : '<='} ${limit}` };
}

/**
 * Converts zod issues into located problems. `data` is the validated input (env resolved),
 * `raw` the document as written (used to decide whether a value may be shown).
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown, raw: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  for (const iss of issues) {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    switch (iss.code) {
      case 'unrecognized_keys': {
        const known = knownKeysAt(schema, path);
        for (const key of iss.keys) {
          if (path.length === 0 && key === 'inputs') {
            out.push({ path: [key], atKey: true, problem: 'VS Code "inputs" (prompted values) are not supported', expected: 'secrets passed as ${env:NAME} references' });
            continue;
          }
          const hint = closest(key, known);
          out.push({
            path: [...path, key],
            atKey: true,
            problem: `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
            expected: known.length > 0 ? `one of ${known.join(', ')}` : 'no other keys',
          });
        }
        break;
      }
      case 'invalid_key': {
        const inner = iss.issues[0]?.message ?? 'invalid name; expected a valid name';
        const { problem, expected } = split(inner);
        out.push({ path, atKey: true, problem: `${problem} "${String(path[path.length - 1])}"`, expected });
        break;
      }
      case 'invalid_type': {
        const v = valueAt(data, path);
        const expected = KIND[iss.expected] ?? iss.expected;
        out.push({ path, problem: v === undefined ? 'missing required key' : `got ${describeKind(v)}`, expected });
        break;
      }
      case 'too_small':
      case 'too_big':
        out.push({ path, ...bound(iss) });
        break;
      case 'invalid_value':
        out.push({
          path,
          problem: `unsupported value${literal(valueAt(raw, path))}`,
          expected: `one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      default:
        out.push({ path, ...split(iss.message) });
    }
  }
  return out;
}
