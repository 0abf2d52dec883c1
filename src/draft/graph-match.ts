import type { DraftFact } from "./draft-graph.js";
import type { DraftFigure, GraphMatch } from "./draft.js";

/**
 * What the graph already says: a fact of the same variable, entity and statistic. For the same
 * period, the same value corroborates it and another conflicts with it; for another period, the
 * same value restates it and another is a change from it.
 */
export function compareWithGraph(f: DraftFigure, facts: DraftFact[]): GraphMatch {
  const about = f.about[0]?.key;
  const variable = f.variable[0]?.key;
  const period = f.period[0]?.key;
  if (!about || !variable) return { kind: "new" };
  const same = facts.filter(
    (x) => x.about === about && x.variable === variable && x.statistic === f.statistic,
  );
  // The same value for the same thing and period is that fact, whoever the drafter took it for.
  const corroborated = same.find((x) => x.period === period && x.value === f.value);
  const ofScope = same.filter((x) => x.scope === f.scope);
  const found = corroborated ?? ofScope.find((x) => x.period === period) ?? ofScope[0];
  if (!found) return { kind: "new" };
  if (corroborated && corroborated.scope !== f.scope) f.scope = corroborated.scope;
  const sameValue = found.value === f.value;
  const kind =
    found.period !== period
      ? sameValue
        ? "restates"
        : "changed"
      : sameValue
        ? "corroborates"
        : "conflicts";
  return {
    kind,
    fact: found.key,
    value: found.value,
    period: found.period,
    quote: found.quotes[0]?.quote ?? "",
    document: found.quotes[0]?.document ?? "",
  };
}
