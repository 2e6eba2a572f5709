/**
 * `ConfigError`: every problem found in one configuration, each located in the source file.
 * The message lists them one a line as `<file>:<line>:<col> <path.to.key>: <what is wrong>; expected <what>`.
 */
import { PortcullisError } from '../errors.js';

/** One located problem in a configuration. */
export interface ConfigIssue {
  /** The file (or other source name) the problem is in. */
  file: string;
  /** 1-based line; 0 when the problem has no position (e.g. an unreadable file). */
  line: number;
  /** 1-based column; 0 when unknown. */
  col: number;
  /** Dotted path to the key (`servers.github.args[0]`), `<root>` for the document, `<yaml>` for syntax. */
  path: string;
  /** What is wrong. Never contains resolved `${env:…}` values. */
  problem: string;
  /** What was expected instead. */
  expected: string;
}

/** Formats one issue as a single line. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return `${where} ${issue.path}: ${issue.problem}; expected ${issue.expected}`;
}

/** Orders issues by position so the message reads top to bottom. */
function byPosition(a: ConfigIssue, b: ConfigIssue): number {
  return a.line - b.line || a.col - b.col || a.path.localeCompare(b.path);
}

/** A configuration that could not be read, parsed or validated. */
export class ConfigError extends PortcullisError {
  /** Every problem found, in file order. */
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const sorted = [...issues].sort(byPosition);
    super('PORTCULLIS_ERR_CONFIG', sorted.map(formatConfigIssue).join('\n'), options);
    this.name = 'ConfigError';
    this.issues = sorted;
  }
}
