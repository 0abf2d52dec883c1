import type { DraftFact } from "./draft-graph.js";
import type { DraftFigure, GraphMatch } from "./draft.js";

/**
 * What the graph already says: a fact of the same variable, entity and statistic whose period
 * overlaps. The same value corroborates it; another value for the same period conflicts with it;
 * a value for another period is a new value, for a later (or earlier) period.
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
  const kind =
    found.period !== period
      ? "later-period"
      : found.value === f.value
        ? "corroborates"
        : "conflicts";
  return {
    kind,
    fact: found.key,
    value: found.value,
    period: found.period,
    quote: found.quotes[0]?.quote ?? "",
  };
}
