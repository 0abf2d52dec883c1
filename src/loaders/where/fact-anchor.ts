import Cypher from "@neo4j/cypher-builder";
import { linkTypes } from "./entity-where.js";
import type { EntityWhere, FactWhere, PeriodWhere, RelationWhere } from "./where.js";

/**
 * Where the facts of a list are read from: the most selective node its where names by key
 * (an entity the facts are about or scoped to, a document they cite, a period and those within
 * it, a variable), or every fact. The same anchors serve the lists of a parent (an entity's,
 * a document's... facts), keyed by the parent.
 */
export type AnchorKind =
  "ABOUT" | "SCOPE" | "ABOUT_OR_SCOPE" | "DOCUMENT" | "WITHIN" | "PERIOD" | "VARIABLE" | "ALL";

export interface Anchor {
  /** RELATED and PERIODS start from a where's own conditions only (never a parent's list). */
  from: AnchorKind | "RELATED" | "PERIODS";
  /** The key of the anchor's node (null for ALL and PERIODS). */
  key: string | null;
  /** The where without the condition the anchor already ensures. */
  rest: FactWhere;
  /** RELATED: the fact's link to its entity, related to the keyed one as `relation` says. */
  related?: { link: "ABOUT" | "SCOPE"; relation: RelationWhere };
  /** PERIODS: what the fact's period satisfies (dates, an overlap). */
  period?: PeriodWhere;
}

type Picked = Pick<Anchor, "related" | "period"> & { key: string | null; without: FactWhere };

/** `where` without `field.sub.eq` (a field left empty is dropped: the anchor ensures it). */
function withoutEq(where: FactWhere, field: "about" | "scope" | "variable" | "period"): FactWhere {
  const { [field]: value, ...others } = where;
  const { key, ...restOfField } = value as { key?: { eq?: string } };
  const { eq: _eq, ...restOfKey } = key ?? {};
  const keptField = Object.keys(restOfKey).length
    ? { ...restOfField, key: restOfKey }
    : restOfField;
  return Object.keys(keptField).length ? { ...others, [field]: keptField } : others;
}

/** Whether `o` holds no other field than `fields`. */
const only = (o: object | undefined, ...fields: string[]) =>
  Object.keys(o ?? {}).every((k) => fields.includes(k));

/**
 * Facts whose `about` (or `scope`) entity is related to an entity named by key: started from
 * that entity. The anchor ensures the whole field when it says nothing else.
 */
function relatedPick(link: "ABOUT" | "SCOPE") {
  return (w: FactWhere): Picked | undefined => {
    const field = link === "ABOUT" ? "about" : "scope";
    const entity: EntityWhere | undefined = w[field];
    const relation = entity?.relatedTo?.some;
    const key = relation?.entity?.key?.eq;
    if (key === undefined) return undefined;
    const ensured =
      only(entity, "relatedTo") &&
      only(entity?.relatedTo, "some") &&
      only(relation, "relation", "direction", "entity") &&
      only(relation?.entity, "key") &&
      only(relation?.entity?.key, "eq") &&
      linkTypes(relation?.relation).rest === undefined;
    const { [field]: _e, ...others } = w;
    return { key, without: ensured ? others : w, related: { link, relation: relation ?? {} } };
  };
}

/** The conditions an anchor can start from, most selective first. */
const PICKS: [Anchor["from"], (w: FactWhere) => Picked | undefined][] = [
  [
    "ABOUT",
    (w) =>
      w.about?.key?.eq === undefined
        ? undefined
        : { key: w.about.key.eq, without: withoutEq(w, "about") },
  ],
  [
    "SCOPE",
    (w) =>
      w.scope?.key?.eq === undefined
        ? undefined
        : { key: w.scope.key.eq, without: withoutEq(w, "scope") },
  ],
  [
    "ABOUT_OR_SCOPE",
    (w) => {
      const [a, b, ...more] = w.OR ?? [];
      const key = a?.about?.key?.eq;
      const same = (x: FactWhere | undefined, field: "about" | "scope") =>
        JSON.stringify(x) === JSON.stringify({ [field]: { key: { eq: key } } });
      if (key === undefined || more.length > 0 || !same(a, "about") || !same(b, "scope"))
        return undefined;
      const { OR: _or, ...others } = w;
      return { key, without: others };
    },
  ],
  [
    "DOCUMENT",
    (w) => {
      const key = w.citations?.some?.document?.key?.eq;
      if (key === undefined) return undefined;
      // Only a citations filter that says nothing else is ensured by the anchor.
      const only =
        JSON.stringify(w.citations) ===
        JSON.stringify({ some: { document: { key: { eq: key } } } });
      const { citations: _c, ...others } = w;
      return { key, without: only ? others : w };
    },
  ],
  [
    "WITHIN",
    (w) => {
      if (w.period?.within === undefined) return undefined;
      const { within, ...period } = w.period;
      const { period: _p, ...others } = w;
      return { key: within, without: Object.keys(period).length ? { ...others, period } : others };
    },
  ],
  [
    "PERIOD",
    (w) =>
      w.period?.key?.eq === undefined
        ? undefined
        : { key: w.period.key.eq, without: withoutEq(w, "period") },
  ],
  ["RELATED", relatedPick("ABOUT")],
  ["RELATED", relatedPick("SCOPE")],
  [
    "PERIODS",
    (w) => {
      const { period, ...others } = w;
      if (!period?.overlaps && !period?.start && !period?.end) return undefined;
      return { key: null, without: others, period };
    },
  ],
  [
    "VARIABLE",
    (w) =>
      w.variable?.key?.eq === undefined
        ? undefined
        : { key: w.variable.key.eq, without: withoutEq(w, "variable") },
  ],
];

/** `pick` applied to the where or to a conjunct of its AND (at any depth of AND). */
function take(where: FactWhere, pick: (w: FactWhere) => Picked | undefined): Picked | undefined {
  const own = pick(where);
  if (own) return own;
  const conjuncts = where.AND ?? [];
  for (const [i, conjunct] of conjuncts.entries()) {
    const found = take(conjunct, pick);
    if (found) {
      const AND = conjuncts.map((c, j) => (j === i ? found.without : c));
      return { ...found, without: { ...where, AND } };
    }
  }
  return undefined;
}

/**
 * The most selective anchor of the where's top-level conjuncts. Without `ranges`, only those a
 * key names (a scan along an index of keys that stops at a page's end beats reading every fact
 * of a range of periods).
 */
export function anchorOf(where: FactWhere, ranges = true): Anchor {
  for (const [from, pick] of PICKS) {
    const found = from === "PERIODS" && !ranges ? undefined : take(where, pick);
    if (found) {
      const { without, ...anchor } = found;
      return { from, ...anchor, rest: without };
    }
  }
  return { from: "ALL", key: null, rest: where };
}

/** The options of a node pattern with `labels` whose `property` is `key`. */
const node = (labels: string[], key: Cypher.Expr, property = "key") => ({
  labels,
  properties: { [property]: key },
});

/**
 * `MATCH` of the facts of an anchor whose key is `key` (a parameter, or a parent's key in a
 * batch), filtered by `where`. Anchors that can reach one fact twice read each once.
 */
export function anchorMatch(
  from: AnchorKind,
  key: Cypher.Expr,
  f: Cypher.Node,
  where: Cypher.Predicate | undefined,
): Cypher.Clause {
  const fact = { labels: ["Fact"] };
  const entity = node(["Entity"], key);
  const linked = (type: string | Cypher.LabelExpr) =>
    new Cypher.Pattern(new Cypher.Node(), entity).related({ type, direction: "left" }).to(f, fact);
  const distinct = (pattern: Cypher.Pattern) => {
    const w = new Cypher.With(f).distinct();
    return Cypher.utils.concat(new Cypher.Match(pattern), where ? w.where(where) : w);
  };
  const filtered = (pattern: Cypher.Pattern, extra?: Cypher.Predicate) => {
    const all = extra && where ? Cypher.and(extra, where) : (extra ?? where);
    const match = new Cypher.Match(pattern);
    return all ? match.where(all) : match;
  };
  switch (from) {
    case "ABOUT":
    case "SCOPE":
      return filtered(linked(from));
    case "PERIOD":
      return filtered(linked("DURING"));
    case "ABOUT_OR_SCOPE":
      return distinct(linked(Cypher.labelExpr.or("ABOUT", "SCOPE")));
    case "DOCUMENT":
      return distinct(
        new Cypher.Pattern(new Cypher.Node(), node(["Document"], key, "id"))
          .related({ type: "QUOTES", direction: "left" })
          .to(new Cypher.Node(), { labels: ["Citation"] })
          .related({ type: "CITED_IN", direction: "left" })
          .to(f, fact),
      );
    case "WITHIN":
      return distinct(
        new Cypher.Pattern(new Cypher.Node(), entity)
          .related({ type: "WITHIN", direction: "left", length: { min: 0, max: 5 } })
          .to(new Cypher.Node(), { labels: ["Entity"] })
          .related({ type: "DURING", direction: "left" })
          .to(f, fact),
      );
    case "VARIABLE":
      return filtered(new Cypher.Pattern(f, fact), Cypher.eq(f.property("variable"), key));
    case "ALL":
      return filtered(new Cypher.Pattern(f, fact));
  }
}

/** A parent's facts as a where: those `anchor` links to the parent of key `key`. */
export function parentWhere(anchor: AnchorKind, key: string): FactWhere {
  const eq = { key: { eq: key } };
  switch (anchor) {
    case "ABOUT":
      return { about: eq };
    case "SCOPE":
      return { scope: eq };
    case "ABOUT_OR_SCOPE":
      return { OR: [{ about: eq }, { scope: eq }] };
    case "PERIOD":
      return { period: eq };
    case "WITHIN":
      return { period: { within: key } };
    case "DOCUMENT":
      return { citations: { some: { document: eq } } };
    case "VARIABLE":
      return { variable: eq };
    case "ALL":
      return {};
  }
}

/** The whole selection of a parent's list: its own where with the parent's restriction. */
export function withParent(where: FactWhere | null, anchor: AnchorKind, key: string): FactWhere {
  const parent = parentWhere(anchor, key);
  return where ? { ...where, AND: [...(where.AND ?? []), parent] } : parent;
}
