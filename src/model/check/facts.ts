import type { SeedBundle } from "../bundle.js";
import type { Citation } from "../fact.js";
import { ENTITY_KINDS, type EntityKind } from "../vocabulary.js";
import { numbersOf } from "./coverage.js";
import type { SeedCheck } from "./seed-check.js";

/** Kinds a fact's `scope` may have: whose figure it is. */
const SCOPE_KINDS: readonly EntityKind[] = ["Organization", "Program", "FacilityType"];
/** Kinds a fact may be `about`: any but a period. */
const ABOUT_KINDS = ENTITY_KINDS.filter((k) => k !== "TimePeriod");

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Step 4: a fact's variable (and its unit), the entities and periods it refers to, and its
 * citations: each quote stands at its offset and states the fact's value.
 */
export function checkFacts(check: SeedCheck, bundle: SeedBundle): void {
  for (const f of bundle.facts) {
    const variable = check.variables.get(f.variable);
    if (!variable) {
      if (!check.invalidKeys.variables.has(f.variable))
        check.problem(f, "variable", `unknown variable "${f.variable}"`);
    } else if (variable.unit !== f.unit) {
      check.problem(
        f,
        "unit",
        `unit "${f.unit}" differs from the unit "${variable.unit}" of variable "${variable.key}"`,
      );
    }
    check.entityRef(f, "about", f.about, ABOUT_KINDS);
    if (f.scope !== undefined) check.entityRef(f, "scope", f.scope, SCOPE_KINDS);
    check.entityRef(f, "period", f.period, ["TimePeriod"]);
    const allGarbled = f.citations.every((c) => c.garbled !== undefined);
    if (f.comparedTo !== undefined) {
      check.entityRef(f, "comparedTo", f.comparedTo, ["TimePeriod"]);
      if (f.statistic !== "increase")
        check.problem(f, "comparedTo", "only an increase is compared with a period");
      if (f.comparedTo === f.period && !allGarbled) {
        check.problem(
          f,
          "comparedTo",
          "an increase compared with its own period: if the source says so, mark it garbled",
        );
      }
    }
    /** How each citation that states the value qualifies it ("exact" when nothing does). */
    const stated: { qualifier: string; words: string }[] = [];
    f.citations.forEach((c, i) => {
      const found = checkCitation(check, f, `citations[${i}]`, c, f.value);
      if (found) stated.push(found);
    });
    // The qualifier ("more than", "más de", "about"...) is read from the words before the figure:
    // at least one citation must state the value as the fact qualifies it.
    if (stated.length > 0 && !stated.some((s) => s.qualifier === f.qualifier)) {
      check.problem(
        f,
        "qualifier",
        `"${f.qualifier}", but the quotes state it as ${stated
          .map((s) => `"${s.words}" (${s.qualifier})`)
          .join(", ")}`,
      );
    }
  }
}

/**
 * A citation of `item` (a fact, or a corroboration of one): its quote stands at its offset and
 * states `value`. Returns how the quote qualifies the value, when it states it.
 */
export function checkCitation(
  check: SeedCheck,
  item: { file: string },
  path: string,
  c: Citation,
  value: number | null,
): { qualifier: string; words: string } | undefined {
  const doc = check.citationRef(item, path, c);
  if (!doc || c.garbled !== undefined || value === null) return undefined;
  // The numbers of the quote are read from the whole document and kept if they
  // lie inside the quote, so that a quote cannot cut an expression
  // ("315 thousand 476" out of "12 million 315 thousand 476") and change its value.
  const end = c.start + c.quote.length;
  const inDoc = numbersOf(doc);
  const cut = inDoc.find(
    (n) => n.start < end && n.end > c.start && (n.start < c.start || n.end > end),
  );
  if (cut) {
    check.problem(
      item,
      `${path}.quote`,
      `the quote cuts the number "${cut.raw}" (at ${cut.start}-${cut.end}) in two`,
    );
    return undefined;
  }
  const inQuote = inDoc.filter((n) => n.start >= c.start && n.end <= end);
  const values = inQuote.filter((n) => n.kind === "number" && n.value !== null);
  const match = values.find((n) => sameNumber(n.value as number, value));
  if (match) {
    const from = match.qualifierStart ?? match.start;
    return { qualifier: match.qualifier ?? "exact", words: doc.text.slice(from, match.end) };
  }
  const unclear = inQuote.filter((n) => n.value === null);
  check.problem(
    item,
    `${path}.quote`,
    `the quote does not state the value ${value}: ` +
      (values.length > 0
        ? `it states ${values.map((n) => `"${n.raw}" (${n.value})`).join(", ")}`
        : "it states no figure") +
      (unclear.length > 0
        ? `; ${unclear.map((n) => `"${n.raw}"`).join(", ")} cannot be read with confidence (${unclear[0]?.ambiguous?.reason}): mark the citation garbled`
        : ""),
  );
  return undefined;
}

/**
 * Step 4b: a corroboration adds a citation to a fact of the graph (a new document that states a
 * figure the graph already has): the fact exists and the citation states its value. Checked
 * citations join their fact's, so that they load with it.
 */
export function checkCorroborations(check: SeedCheck, bundle: SeedBundle): void {
  for (const corroboration of bundle.corroborations) {
    const fact = check.factRef(corroboration, "fact", corroboration.fact);
    if (!fact) continue;
    const before = check.problems.length;
    checkCitation(check, corroboration, "citation", corroboration.citation, fact.value);
    if (check.problems.length === before) fact.citations.push(corroboration.citation);
  }
}
