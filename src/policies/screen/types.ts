/**
 * Public types of the screening engine: what a finding looks like, what is screened, and how
 * findings become a verdict.
 */

/** How serious a finding is, from `critical` (block) down to `info` (note only). */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One thing the engine noticed in one model-visible string. */
export interface Finding {
  /** Stable rule id, e.g. `hidden-unicode.tag-chars`, `injection.concealment`, `exfil.sensitive-file`. */
  rule: string;
  severity: Severity;
  /** Path of the string in the item: `description`, `inputSchema.properties.path.description`, `enum[2]`. */
  field: string;
  /** Short excerpt (at most ~200 characters) with invisible and control characters made visible. */
  evidence: string;
  /** Plain-language explanation for a reader who is not an engineer. */
  message: string;
}

/** What kind of catalogue entry an item is. */
export type ItemKind = 'tool' | 'prompt' | 'resource' | 'resource-template' | 'server';

/** One catalogue entry to screen. */
export interface ScreenItem {
  kind: ItemKind;
  /** The name as the upstream lists it (for `server` items: the server name). */
  name: string;
  /** The raw definition as listed (for `server`: `{ instructions?, serverInfo? }`). */
  def: Record<string, unknown>;
}

/** Where an item comes from, and what else the model can see next to it. */
export interface ScreenContext {
  /** The server this item comes from. */
  server: string;
  /** Other servers' names → their tool and prompt names (to detect shadowing). */
  otherServers?: ReadonlyMap<string, readonly string[]>;
  /** Run the learned screen (`learned/`) next to the rules; default true. */
  classifier?: boolean;
}

/** What to do with an item. */
export type Verdict = 'block' | 'review' | 'allow';

/** Minimum severity for each verdict; the default is `{ block: 'high', review: 'medium' }`. */
export interface VerdictPolicy {
  block: Severity;
  review: Severity;
}
