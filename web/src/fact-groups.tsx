// The grouped table of a list of facts (`factGroups` over the list's where, grouped as the URL
// asks): each group's keys, count, sum, average, minimum and maximum, and the API's note when it
// added the unit to the grouping.
import { ErrorMessage, Loading } from "./components";
import type { FactWhere, GroupBy } from "./fact-where";
import { formatValue, statisticText } from "./format";
import type { ResultOf } from "./graphql";
import { useLang, word, type Lang } from "./lang";
import { FactGroupsQuery } from "./queries";
import { href } from "./router";
import { useQuery } from "./use-query";

type Group = NonNullable<ResultOf<typeof FactGroupsQuery>["factGroups"]>["edges"][number]["node"];

/** One key of a group, as a link where it has a page. */
function GroupKey({ group, by, lang }: { group: Group; by: GroupBy; lang: Lang }) {
  const entity = (e: { key: string; name: string } | null) =>
    e ? <a href={href.entity(e.key)}>{e.name}</a> : "—";
  switch (by) {
    case "PERIOD":
      return entity(group.period);
    case "ABOUT":
      return entity(group.about);
    case "SCOPE":
      return entity(group.scope);
    case "STATISTIC":
      return <>{group.statistic ? statisticText(group.statistic) : "—"}</>;
    case "ABOUT_KIND":
      return <>{group.aboutKind ? word(group.aboutKind, lang) : "—"}</>;
    case "UNIT":
      return <>{group.unit.toLowerCase().replace(/_/g, " ")}</>;
    case "VARIABLE":
      return group.variable ? (
        <a href={href.variable(group.variable.key)}>{group.variable.name}</a>
      ) : (
        "—"
      );
    case "DOCUMENT":
      return group.document ? (
        <a href={href.document(group.document.key)}>
          {group.document.date}: {group.document.title}
        </a>
      ) : (
        "—"
      );
  }
}

/** A group's figures beside its count, each in the unit of its group. */
const FIGURES = ["sum", "avg", "min", "max"] as const;

/** A number for reading, its exact value in `<data value>`. */
const Figure = ({ value, unit }: { value: number | null; unit: Group["unit"] }) =>
  value === null ? <>—</> : <data value={String(value)}>{formatValue(value, unit)}</data>;

/** The facts of `where` grouped by `groupBy` (nothing when no grouping is chosen). */
export function FactGroupsTable({ where, groupBy }: { where: FactWhere; groupBy: GroupBy[] }) {
  const lang = useLang();
  const { data, error, retry } = useQuery(
    FactGroupsQuery,
    groupBy.length > 0 ? { where, groupBy, lang } : undefined,
  );
  if (groupBy.length === 0) return null;
  if (error) return <ErrorMessage error={error} retry={retry} />;
  if (!data) return <Loading what={word("loadingGroups", lang)} />;
  const { edges, totalCount, note } = data.factGroups;
  return (
    <section class="fact-groups" aria-labelledby="groups-h">
      <h2 id="groups-h">{word("groups", lang)}</h2>
      {note && <p class="note groups-note">{note}</p>}
      {totalCount > edges.length && (
        <p class="small muted">
          {totalCount} {word("groupsShown", lang)} {edges.length}.
        </p>
      )}
      <table class="groups stack">
        <thead>
          <tr>
            {groupBy.map((g) => (
              <th key={g} scope="col">
                {word(g, lang)}
              </th>
            ))}
            {(["count", ...FIGURES] as const).map((s) => (
              <th key={s} scope="col">
                {word(s, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node }, i) => (
            <tr key={i}>
              {groupBy.map((g) => (
                <td key={g} data-label={word(g, lang)}>
                  <GroupKey group={node} by={g} lang={lang} />
                </td>
              ))}
              <td data-label={word("count", lang)}>
                <data value={String(node.count)}>{node.count}</data>
              </td>
              {FIGURES.map((s) => (
                <td key={s} data-label={word(s, lang)}>
                  <Figure value={node[s]} unit={node.unit} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
