/**
 * Screening result shapes used by pinning, re-exported from the screening engine so that pinning
 * code and the pin store port have one import for them.
 */
export type { Finding, Severity, Verdict } from '../screen/types.js';
