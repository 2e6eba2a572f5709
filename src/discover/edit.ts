/**
 * Rewriting one server section of a client config: remove some entries, add one. JSON/JSONC is
 * edited in place with jsonc-parser (every other key, comment and the file's indentation are
 * kept); YAML through the `yaml` document model (comments outside the edited list are kept);
 * TOML is parsed and written again with smol-toml, which loses comments and formatting.
 */
import { applyEdits, modify, parse as parseJsonc, type FormattingOptions } from 'jsonc-parser';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import type { ConfigFormat, SectionSpec } from './types.js';

/** What to change in one section. */
export interface SectionEdit {
  section: SectionSpec;
  /** Keys (map) or indexes (list) of the entries to remove. */
  remove: readonly (string | number)[];
  /** The entry to add: its name (map key; ignored for lists) and value. None: only remove. */
  add?: { name: string; value: Record<string, unknown> };
}

/** Indentation and line ends as the file already has them. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  if (indented.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: Math.min(8, Math.max(1, indented.length)), eol };
}

function editJsonc(text: string, edit: SectionEdit): string {
  const options = { formattingOptions: detectFormatting(text) };
  const path = [...edit.section.path];
  let out = text;
  const removals = edit.section.kind === 'list' ? [...edit.remove].map(Number).sort((a, b) => b - a) : [...edit.remove];
  for (const key of removals) out = applyEdits(out, modify(out, [...path, key], undefined, options));
  if (!edit.add) return out;
  if (edit.section.kind === 'list') {
    const count = countListItems(out, path);
    return applyEdits(out, modify(out, [...path, count], edit.add.value, { ...options, isArrayInsertion: true }));
  }
  return applyEdits(out, modify(out, [...path, edit.add.name], edit.add.value, options));
}

function countListItems(text: string, path: (string | number)[]): number {
  let v: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return Array.isArray(v) ? v.length : 0;
}

function editYaml(text: string, edit: SectionEdit): string {
  const doc = parseDocument(text);
  const path = [...edit.section.path];
  if (edit.section.kind === 'list') {
    for (const i of [...edit.remove].map(Number).sort((a, b) => b - a)) doc.deleteIn([...path, i]);
    if (edit.add) doc.addIn(path, doc.createNode(edit.add.value));
  } else {
    for (const key of edit.remove) doc.deleteIn([...path, key]);
    if (edit.add) doc.setIn([...path, edit.add.name], doc.createNode(edit.add.value));
  }
  return doc.toString();
}

function editToml(text: string, edit: SectionEdit): string {
  const doc = parseToml(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  let table: Record<string, unknown> = doc;
  for (const key of edit.section.path) {
    const next = table[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created: Record<string, unknown> = {};
      table[key] = created;
      table = created;
    } else table = next as Record<string, unknown>;
  }
  for (const key of edit.remove) delete table[String(key)];
  if (edit.add) table[edit.add.name] = edit.add.value;
  return stringifyToml(doc);
}

/** The file text with the edit applied. */
export function editSection(text: string, format: ConfigFormat, edit: SectionEdit): string {
  if (format === 'toml') return editToml(text, edit);
  if (format === 'yaml') return editYaml(text, edit);
  return editJsonc(text, edit);
}
