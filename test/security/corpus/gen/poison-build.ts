/**
 * Turns poisoned-entry specs into drafts: picks a carrier tool (deterministically), places the
 * payload (appended, prepended, after the first sentence, in a property description or the title),
 * adds the exfiltration parameter a payload names, and records the other servers it refers to.
 */
import { CARRIERS, type Carrier } from './carriers.js';
import { addProp, appendDesc, clone, insertAfterFirstSentence, poisonProp, prependDesc, prng, type Draft, type ToolDef } from './util.js';

/** Where a payload goes. */
export type Placement = 'append' | 'prepend' | 'middle' | 'param' | 'title' | 'none';

/** One poisoned entry before it is placed in a carrier. */
export interface PoisonSpec {
  /** The payload text (ignored when `apply` is given). */
  text: string;
  note: string;
  src: string;
  place?: Placement;
  /** An extra string parameter the payload uses as its channel: [name, description]. */
  param?: [string, string];
  /** The carrier tool's name (default: a seeded pick). */
  carrier?: string;
  /** Other servers' tools the payload refers to (shadowing). */
  others?: Record<string, string[]>;
  /** A custom transformation of the carrier, for schema-level attacks. */
  apply?: (t: ToolDef) => ToolDef;
}

/** The carrier with a given tool name. */
export function carrierNamed(name: string): Carrier {
  const c = CARRIERS.find((x) => x.tool.name === name);
  if (!c) throw new Error(`no carrier named ${name}`);
  return c;
}

/** Places one payload into a tool. */
export function place(t: ToolDef, text: string, where: Placement): ToolDef {
  switch (where) {
    case 'append':
      return appendDesc(t, text);
    case 'prepend':
      return prependDesc(t, text);
    case 'middle':
      return insertAfterFirstSentence(t, text);
    case 'param': {
      const props = (t.inputSchema as { properties?: Record<string, unknown> }).properties ?? {};
      return Object.keys(props).length > 0 ? poisonProp(t, text) : appendDesc(t, text);
    }
    case 'title': {
      const c = clone(t);
      c.title = `${c.title ?? c.name} ${text}`;
      return c;
    }
    case 'none':
      return clone(t);
  }
}

const ROTATION: Placement[] = ['append', 'append', 'middle', 'prepend', 'append', 'param'];

/** Builds the drafts of one poisoned category. */
export function buildPoison(category: string, specs: PoisonSpec[], seed: number): Draft[] {
  const rand = prng(seed);
  return specs.map((s, i) => {
    let carrier = s.carrier ? carrierNamed(s.carrier) : CARRIERS[Math.floor(rand() * CARRIERS.length)]!;
    // A payload that names another server's tools must not sit on that same server.
    while (!s.carrier && s.others && carrier.server in s.others) carrier = CARRIERS[Math.floor(rand() * CARRIERS.length)]!;
    const text = s.text.replace(/\{tool\}/g, carrier.tool.name);
    let t = s.apply ? s.apply(clone(carrier.tool)) : place(carrier.tool, text, s.place ?? ROTATION[i % ROTATION.length]!);
    if (s.param) t = addProp(t, s.param[0], { type: 'string', description: s.param[1] });
    return {
      category,
      source: s.src,
      server: carrier.server,
      tool: t,
      ...(s.others ? { otherServers: s.others } : {}),
      note: `poisoned: ${s.note}`,
    };
  });
}
