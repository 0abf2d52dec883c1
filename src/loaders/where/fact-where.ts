import Cypher from "@neo4j/cypher-builder";
import type { FactWhere } from "./where.js";

/**
 * STAND-IN written on the groups branch until core's compiler is merged; core's file replaces it
 * whole. It handles `variable.key.eq` and the top-level `deprecated` rule only.
 */
export function matchFacts(where: FactWhere | null): { f: Cypher.Node; clause: Cypher.Clause } {
  const f = new Cypher.Node();
  const match = new Cypher.Match(new Cypher.Pattern(f, { labels: ["Fact"] }));
  const variable = where?.variable?.key?.eq;
  const deprecated = where?.deprecated?.eq;
  const predicates = [
    variable === undefined
      ? undefined
      : Cypher.eq(f.property("variable"), new Cypher.Param(variable)),
    deprecated === undefined
      ? Cypher.not(Cypher.coalesce(f.property("deprecated"), Cypher.false))
      : Cypher.eq(
          Cypher.coalesce(f.property("deprecated"), Cypher.false),
          new Cypher.Param(deprecated),
        ),
  ];
  return { f, clause: match.where(Cypher.and(...predicates)) };
}
