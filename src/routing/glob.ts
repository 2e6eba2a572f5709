/**
 * Glob matching for tool selection (`*` any run of characters, `?` one character). Patterns are
 * compiled once per config generation.
 */

/** A compiled matcher over a list of globs. */
export type GlobMatcher = (name: string) => boolean;

/** Compiles one glob into a RegExp anchored at both ends. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    // Only syntax characters may be escaped under the `u` flag (`\-` is a SyntaxError there).
    else re += ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

/** Compiles globs into a matcher that is true when any glob matches. Empty list → never matches. */
export function compileGlobs(globs: readonly string[]): GlobMatcher {
  if (globs.length === 0) return () => false;
  const res = globs.map(globToRegExp);
  return (name) => res.some((r) => r.test(name));
}
