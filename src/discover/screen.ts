/**
 * The seam between scan/discover and the screening engine (`src/policies/screen`): everything in
 * `src/discover` screens through this module, so tests can replace the engine in one place.
 */
export { screenItem, verdictFor } from '../policies/screen/index.js';
export type { Finding, ScreenContext, ScreenItem, Severity, Verdict } from '../policies/screen/index.js';
