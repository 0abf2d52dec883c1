import type { FromFile, SeedBundle } from "../bundle.js";
import type { EntityKind } from "../vocabulary.js";
import type { Relation } from "../relation.js";
import { an, type SeedCheck } from "./seed-check.js";

const RELATION_KINDS: Record<
  Relation["type"],
  { from: readonly EntityKind[] | "any"; to: readonly EntityKind[] | "same" }
> = {
  RUNS: { from: ["Organization"], to: ["Program"] },
  OPERATES: { from: ["Program", "Organization"], to: ["FacilityType"] },
  PROVIDES: { from: ["FacilityType", "Program"], to: ["Service"] },
  LOCATED_IN: { from: "any", to: ["Place"] },
  HOLDS_ROLE: { from: ["Person"], to: ["Organization"] },
  WITHIN: { from: ["TimePeriod", "Place"], to: "same" },
  PART_OF: { from: "any", to: "same" },
  ADDRESSES: { from: ["Program", "Service"], to: ["Condition"] },
  HAS_COMPONENT: { from: ["Program"], to: ["Program"] },
};

/**
 * Step 5: a relation links entities of the kinds its type allows, a period within one that
 * contains it, with its role, fact, period and source as they must be, and only once.
 */
export function checkRelations(check: SeedCheck, bundle: SeedBundle): void {
  const seenRelations = new Map<string, FromFile<Relation>>();
  for (const r of bundle.relations) {
    const rule = RELATION_KINDS[r.type];
    const from = check.entityRef(r, "from", r.from, rule.from === "any" ? undefined : rule.from);
    const to = check.entityRef(r, "to", r.to, rule.to === "same" ? undefined : rule.to);
    if (from && to && rule.to === "same" && from.kind !== to.kind) {
      check.problem(
        r,
        "to",
        `a ${r.type} links two entities of one kind, not ${an(from.kind)} and ${an(to.kind)}`,
      );
    }
    if (r.type === "WITHIN" && from?.kind === "TimePeriod" && to?.kind === "TimePeriod") {
      if (
        (from.start as string) < (to.start as string) ||
        (from.end as string) > (to.end as string)
      ) {
        check.problem(
          r,
          "to",
          `${from.key} (${from.start} to ${from.end}) is not within ${to.key} (${to.start} to ${to.end})`,
        );
      }
    }
    if (r.type === "HOLDS_ROLE" && typeof r.properties?.role !== "string") {
      check.problem(r, "properties.role", "a HOLDS_ROLE relation needs properties.role");
    }
    if (r.fact !== undefined) {
      const f = check.factRef(r, "fact", r.fact);
      if (f && f.about !== r.from && f.about !== r.to) {
        check.problem(
          r,
          "fact",
          `fact "${f.key}" is about "${f.about}", neither end of the relation`,
        );
      }
    }
    if (r.period !== undefined) check.entityRef(r, "period", r.period, ["TimePeriod"]);
    if (r.source) check.citationRef(r, "source", r.source);
    const id = `${r.from} ${r.type} ${r.to} ${r.period ?? ""}`;
    const first = seenRelations.get(id);
    if (first)
      check.problem(
        r,
        "",
        `duplicate relation (first in ${first.file}, ${check.entryOf.get(first)})`,
      );
    else seenRelations.set(id, r);
  }
}
