/**
 * Cross-server name collisions. Tools keep their server prefix, so two servers may both offer
 * `search`; what misleads a model is a name that looks like another server's tool:
 *
 * - the same name, or the same up to case and separators, where both servers have their prefix
 *   switched off (the model sees two near-identical tools): `collision.same-name` /
 *   `collision.similar-name`, medium, on both;
 * - a look-alike (homoglyphs such as Cyrillic `а`, `I` for `l`): `collision.confusable-name`, high.
 *   When one of the two names is plain ASCII and the other is not, only the other one is flagged;
 *   otherwise both are, and an admin decides which to approve.
 *
 * The rule does not depend on which server connected first, so a restart cannot flip the verdict.
 */
import type { GatewayConfig, ServerConfig } from '../config/types.js';
import { makeVisible, skeleton, type Finding } from '../policies/screen/index.js';

const loose = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[-_.\s]/g, '');
const ascii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** Collision findings for one tool of `server`; `others` maps each other server to its tools by skeleton. */
export function collisionFindings(server: string, name: string, sc: ServerConfig, cfg: GatewayConfig, others: ReadonlyMap<string, ReadonlyMap<string, string>>): Finding[] {
  const out: Finding[] = [];
  const key = skeleton(name);
  for (const [other, names] of others) {
    const theirs = names.get(key);
    if (theirs === undefined || other === server) continue;
    // With a prefix on either side the exposed names differ (`search` vs `web__search`).
    const unprefixed = sc.prefix === '' && cfg.servers[other]?.prefix === '';
    if (loose(theirs) === loose(name)) {
      if (!unprefixed) continue;
      const same = theirs === name;
      out.push({
        rule: same ? 'collision.same-name' : 'collision.similar-name',
        severity: 'medium',
        field: 'name',
        evidence: `${name} ~ ${other}:${theirs}`,
        message: same
          ? `Server ${other} also offers a tool named "${theirs}" and neither server has a name prefix, so the model sees two tools with one name.`
          : `This tool's name differs from tool "${theirs}" of server ${other} only in case or separators, and neither server has a name prefix, so the model may pick the wrong one.`,
      });
    } else if (!(ascii(name) && !ascii(theirs))) {
      out.push({
        rule: 'collision.confusable-name',
        severity: 'high',
        field: 'name',
        evidence: `${makeVisible(name)} ~ ${other}:${theirs}`,
        message: `This tool's name is made to look like tool "${theirs}" of server ${other} (look-alike characters). That is how a server impersonates another server's tool.`,
      });
    }
  }
  return out;
}
