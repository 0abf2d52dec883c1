import { type PeriodSpan, previousOf } from "../model/check/value-changes.js";
import type { DraftEntity, DraftFact, DraftGraph } from "./draft-graph.js";
import type { DraftFigure, GraphMatch } from "./draft.js";

/** What a figure is compared with: the graph, and its entities by key (for the periods' dates). */
export interface GraphContext {
  graph: DraftGraph;
  entities: Map<string, DraftEntity>;
}

/** A period's dates: a graph period's, or the one the drafter proposes to add. */
function spanOf(key: string | undefined, f: DraftFigure, c: GraphContext): PeriodSpan | undefined {
  if (!key) return undefined;
  if (f.newPeriod?.key === key) return f.newPeriod;
  const e = c.entities.get(key);
  return e?.start && e.end
    ? { key, start: e.start, end: e.end, granularity: e.granularity }
    : undefined;
}

/**
 * What the graph already says: a fact of the same variable, entity and statistic. For the same
 * period, the same value corroborates it and another conflicts with it (whatever the scope, when
 * the value is the same). For another period, only a fact of the same series (entity, variable,
 * statistic, scope and unit) at a comparable period is the same quantity read again
 * (`COMPARED_BY`, src/model/check/value-changes.ts: a stock at any two dates, a cumulative from
 * the same start, daily averages of like periods; never two totals, increases or targets): the
 * latest earlier such fact (the nearest later one when none is earlier) is restated (same value)
 * or changed from (another value). Anything else is new.
 */
export function compareWithGraph(f: DraftFigure, c: GraphContext): GraphMatch {
  const about = f.about[0]?.key;
  const variable = f.variable[0]?.key;
  const period = f.period[0]?.key ?? f.newPeriod?.key;
  if (!about || !variable) return { kind: "new" };
  const same = c.graph.facts.filter(
    (x) => x.about === about && x.variable === variable && x.statistic === f.statistic,
  );
  // The same value for the same thing and period is that fact, whoever the drafter took it for.
  const corroborated = same.find((x) => x.period === period && x.value === f.value);
  if (corroborated) {
    if (corroborated.scope !== f.scope) f.scope = corroborated.scope;
    return matchOf("corroborates", corroborated);
  }
  const ofScope = same.filter((x) => x.scope === f.scope);
  const conflicting = ofScope.find((x) => x.period === period);
  if (conflicting) return matchOf("conflicts", conflicting);
  const span = spanOf(period, f, c);
  const unit = c.graph.variables.find((v) => v.key === variable)?.unit;
  if (!span || unit !== f.unit) return { kind: "new" };
  const dated = ofScope.flatMap((x) => {
    const p = spanOf(x.period, f, c);
    return p ? [{ fact: x, period: p, value: x.value }] : [];
  });
  const previous = previousOf(f.statistic, span, dated, f.value);
  if (!previous) return { kind: "new" };
  return matchOf(previous.value === f.value ? "restates" : "changed", previous.fact);
}

function matchOf(kind: Exclude<GraphMatch["kind"], "new">, found: DraftFact): GraphMatch {
  return {
    kind,
    fact: found.key,
    value: found.value,
    period: found.period,
    quote: found.quotes[0]?.quote ?? "",
    document: found.quotes[0]?.document ?? "",
  };
}
