import type { Driver } from "neo4j-driver";
import { enumValue, list, obj, round } from "./answers.js";
import { GENERATED_VARIABLE } from "./model.js";
import type { GraphqlRequest, Operation } from "./operations.js";

/**
 * The grouped aggregate: `factGroups` of the generated variable by period and statistic, asked
 * of this server, of @neo4j/graphql (which has no grouping: see `peerGroups`), and of
 * hand-written Cypher.
 */

/** One group (the peer asks for each period's (statistic, unit) pairs). */
export interface Group {
  period: string;
  statistic: string;
  unit: string;
}

// The floor reads what this server reads: the facts' summaries (one per variable, period,
// statistic and unit, kept by every write), which are exactly these groups.
const RAW_GROUPS = `MATCH (s:FactSummary {variable: $variable})
RETURN s.period AS period, s.statistic AS statistic, s.unit AS unit,
       s.count AS count, s.sum AS sum, toFloat(s.sum) / s.withValue AS avg, s.min AS min, s.max AS max
ORDER BY period, statistic, unit`;

/** Groups in one shape: keys as the graph stores them, sorted by them, the average rounded. */
const groupsOf = (
  groups: { period: unknown; statistic: unknown; unit: unknown; values: Record<string, unknown> }[],
) =>
  groups
    .map((g) => ({
      period: g.period,
      statistic: g.statistic,
      unit: g.unit,
      count: g.values.count,
      sum: g.values.sum,
      avg: g.values.avg === null || g.values.avg === undefined ? null : round(g.values.avg),
      min: g.values.min,
      max: g.values.max,
    }))
    .sort((a, b) =>
      `${String(a.period)} ${String(a.statistic)} ${String(a.unit)}`.localeCompare(
        `${String(b.period)} ${String(b.statistic)} ${String(b.unit)}`,
      ),
    );

/** The (statistic, unit) pairs of some groups, each once, in order. */
const pairsOf = (groups: Group[]) => [
  ...new Map(groups.map((g) => [`${g.statistic} ${g.unit}`, g])).values(),
];

/**
 * @neo4j/graphql has no grouping. The closest it offers: the periods (entities with a fact of
 * the variable) and, on each, one aggregate of its facts' connection per (statistic, unit) pair
 * that occurs, an alias each, in one request; the pairs are known beforehand (from the
 * fixture), and the empty combinations are dropped from its answer. (One aggregate of the whole
 * variable per group instead reads every fact of the variable once per group.)
 */
function peerGroups(groups: Group[]): GraphqlRequest {
  const variables: Record<string, unknown> = { variable: GENERATED_VARIABLE };
  const declared = ["$variable: String!"];
  const fields = pairsOf(groups).map((g, i) => {
    variables[`s${i}`] = g.statistic;
    variables[`u${i}`] = g.unit;
    declared.push(`$s${i}: String!, $u${i}: String!`);
    return `a${i}: periodFactsConnection(
      where: {
        node: {
          variable: { eq: $variable }
          deprecated: { eq: false }
          statistic: { eq: $s${i} }
          unit: { eq: $u${i} }
        }
      }
    ) { aggregate { count { nodes } node { value { sum average min max } } } }`;
  });
  const query = `query (${declared.join(", ")}) {
  entities(
    where: { periodFacts: { some: { variable: { eq: $variable }, deprecated: { eq: false } } } }
    sort: [{ key: ASC }]
  ) {
    key
    ${fields.join("\n")}
  }
}`;
  return { query, variables };
}

/** The peer's answer as groups: one per period and (statistic, unit) pair with facts. */
function peerGroupsOf(data: unknown, groups: Group[]) {
  const pairs = pairsOf(groups);
  return list(obj(data).entities).flatMap((e) =>
    pairs.flatMap((g, i) => {
      const a = obj(obj(e[`a${i}`]).aggregate);
      const v = obj(obj(a.node).value);
      const count = obj(a.count).nodes;
      if (!count) return [];
      const values = { count, sum: v.sum, avg: v.average, min: v.min, max: v.max };
      return [{ period: e.key, statistic: g.statistic, unit: g.unit, values }];
    }),
  );
}

/** The groups of `GENERATED_VARIABLE` by period and statistic (and unit), in key order. */
export async function loadGroups(driver: Driver): Promise<Group[]> {
  const { records } = await driver.executeQuery(
    RAW_GROUPS,
    { variable: GENERATED_VARIABLE },
    { routing: "READ" },
  );
  return records.map((r) => ({
    period: r.get("period") as string,
    statistic: r.get("statistic") as string,
    unit: r.get("unit") as string,
  }));
}

export function groupsOperation(groups: Group[]): Operation {
  return {
    name: "groups",
    title: "Grouped aggregate",
    what:
      `Count, sum, average, minimum and maximum of the \`${GENERATED_VARIABLE}\` facts per period ` +
      `and statistic (${groups.length} groups); @neo4j/graphql: the periods, each with one aggregate per statistic and unit.`,
    ours: {
      query: `query ($variable: String!) {
          factGroups(where: { variable: { key: { eq: $variable } } }, groupBy: [PERIOD, STATISTIC], first: 100) {
            edges { node { period { key } statistic unit count sum avg min max } }
          }
        }`,
      variables: { variable: GENERATED_VARIABLE },
    },
    peer: peerGroups(groups),
    raw: { cypher: RAW_GROUPS, params: { variable: GENERATED_VARIABLE } },
    normalize: {
      ours: (d) =>
        groupsOf(
          list(obj(obj(d).factGroups).edges).map((e) => {
            const n = obj(e.node);
            return {
              period: n.period === null ? null : obj(n.period).key,
              statistic: enumValue(n.statistic),
              unit: enumValue(n.unit),
              values: n,
            };
          }),
        ),
      peer: (d) => groupsOf(peerGroupsOf(d, groups)),
      raw: (rows) => groupsOf(rows.map((r) => ({ ...(r as unknown as Group), values: r }))),
    },
  };
}
