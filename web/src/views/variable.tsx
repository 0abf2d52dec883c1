// `/variables/<key>`: the facts of one variable across entities (or periods), as a bar chart
// (Chart.js, loaded on demand) and as a table whose every figure opens its source; both narrowed
// by the filters of the URL, which may also ask for a grouped table.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  ErrorMessage,
  DownloadCsv,
  FactTable,
  Heading,
  Loading,
  statisticName,
  useTitle,
  type Fact,
} from "../components";
import { FactFilterPanel, useFactFilters } from "../fact-filters";
import { whereOf } from "../fact-where";
import { formatNumber, formatValue, type Unit } from "../format";
import { type Lang, useLang } from "../lang";
import { Names } from "../names";
import { VariableQuery } from "../queries";
import { href, navigate } from "../router";
import { useQuery } from "../use-query";

interface ChartData {
  labels: string[];
  keys: string[];
  series: { label: string; values: (number | null)[]; target?: boolean }[];
  byPeriod: boolean;
}

interface Group {
  id: string;
  label: string;
  facts: Fact[];
}

const seriesLabel = (f: Fact, lang: Lang) =>
  `${f.period.name}, ${statisticName(f.statistic, lang)}`;

/**
 * Figures are comparable only within one period and statistic: for one entity the chart runs
 * across periods; otherwise it compares the entities of one group (period and statistic) at a time.
 */
function groupsOf(facts: readonly Fact[], lang: Lang): { byPeriod: boolean; groups: Group[] } {
  const abouts = new Set(facts.map((f) => f.about.key));
  if (abouts.size <= 1) {
    return { byPeriod: true, groups: [{ id: "all", label: "All periods", facts: [...facts] }] };
  }
  const map = new Map<string, Group>();
  for (const f of facts) {
    const id = `${f.period.key}|${f.statistic}`;
    const group = map.get(id) ?? { id, label: seriesLabel(f, lang), facts: [] };
    group.facts.push(f);
    map.set(id, group);
  }
  return {
    byPeriod: false,
    groups: [...map.values()].sort((a, b) => b.facts.length - a.facts.length),
  };
}

function chartData(group: Group, byPeriod: boolean, lang: Lang): ChartData {
  if (byPeriod) {
    const periods = [...new Map(group.facts.map((f) => [f.period.key, f.period.name])).entries()];
    const name = (f: Fact) => statisticName(f.statistic, lang);
    const names = [...new Set(group.facts.map(name))];
    return {
      labels: periods.map(([, name]) => name),
      keys: periods.map(([key]) => key),
      byPeriod,
      series: names.map((label) => ({
        label,
        target: label === statisticName("TARGET", lang),
        values: periods.map(
          ([key]) =>
            group.facts.find((f) => f.period.key === key && name(f) === label)?.value ?? null,
        ),
      })),
    };
  }
  const sorted = [...group.facts].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const names = sorted.map((f) => (f.scope ? `${f.about.name} (${f.scope.name})` : f.about.name));
  // Two sources stating the same thing differently: tell the bars apart by their source's date.
  const labels = names.map((name, i) =>
    names.indexOf(name) !== names.lastIndexOf(name)
      ? `${name}, source of ${sorted[i]?.citations[0]?.document.date ?? "?"}`
      : name,
  );
  return {
    labels,
    keys: sorted.map((f) => f.about.key),
    byPeriod,
    series: [
      {
        label: group.label,
        values: sorted.map((f) => f.value),
        target: sorted[0]?.statistic === "TARGET",
      },
    ],
  };
}

export function VariableView({ variableKey }: { variableKey: string }) {
  const lang = useLang();
  const filterState = useFactFilters();
  const where = whereOf(filterState.filters);
  const { data, error, retry, loading } = useQuery(VariableQuery, {
    key: variableKey,
    lang,
    where,
  });
  const variable = data?.variable;
  useTitle(variable?.name ?? variableKey);
  const facts = useMemo(() => variable?.facts.edges.map((e) => e.node) ?? [], [variable]);
  const { byPeriod, groups } = useMemo(() => groupsOf(facts, lang), [facts, lang]);
  const [groupId, setGroupId] = useState<string | undefined>();
  const [log, setLog] = useState(false);
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  const chart = useMemo(() => group && chartData(group, byPeriod, lang), [group, byPeriod, lang]);

  if (error) return <ErrorMessage error={error} retry={retry} />;
  if (!variable) return <Loading what="the variable" />;
  const unit = variable.unit;
  return (
    <article class="variable">
      <p class="eyebrow">
        <span class="kind kind-variable">Variable</span> <code class="key">{variable.key}</code>
      </p>
      <Heading>{variable.name}</Heading>
      <p class="description">{variable.description}</p>
      <p class="small muted">
        {variable.stats.count} facts, from {formatValue(variable.stats.min, unit)} to{" "}
        {formatValue(variable.stats.max, unit)}. Unit: {unit.toLowerCase().replace(/_/g, " ")}.
      </p>
      <FactFilterPanel
        state={filterState}
        of={{ variable: variable.key }}
        facts={facts}
        totalCount={variable.facts.totalCount}
        loading={loading}
      />
      {groups.length > 1 && (
        <div class="chips" role="group" aria-label="Period and statistic charted">
          {groups.map((g) => (
            <button
              key={g.id}
              type="button"
              class={`chip${g === group ? " on" : ""}`}
              aria-pressed={g === group}
              onClick={() => setGroupId(g.id)}
            >
              {g.label} ({g.facts.length})
            </button>
          ))}
        </div>
      )}
      {chart && chart.labels.length > 1 && (
        <label class="small check-label">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} />{" "}
          Logarithmic scale (to compare figures of very different sizes)
        </label>
      )}
      {chart && (
        <BarChart
          data={chart}
          log={log}
          unit={unit}
          name={variable.name}
          onOpen={(i) => {
            const key = chart.keys[i];
            if (key) navigate(href.entity(key));
          }}
        />
      )}
      <section aria-labelledby="table-h">
        <h2 id="table-h">The figures and their sources</h2>
        <p>
          <DownloadCsv filter={{ variable: variable.key }} label="Download CSV (every fact)" />
        </p>
        {variable.facts.totalCount > facts.length && (
          <p class="small muted">
            The first {facts.length} of {variable.facts.totalCount}.
          </p>
        )}
        <div aria-busy={loading}>
          <FactTable facts={facts} />
        </div>
      </section>

      <Names labels={variable.labels} />
    </article>
  );
}

function BarChart({
  data,
  log,
  unit,
  name,
  onOpen,
}: {
  data: ChartData;
  log: boolean;
  unit: Unit;
  name: string;
  onOpen: (index: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const horizontal = data.labels.length > 6;
  const height = horizontal
    ? Math.max(220, data.labels.length * (16 + 8 * data.series.length) + 80)
    : 320;
  useEffect(() => {
    let drawn: { destroy(): void } | undefined;
    let cancelled = false;
    import("../chart")
      .then(({ drawBarChart }) => {
        if (cancelled || !canvas.current) return;
        drawn = drawBarChart(canvas.current, {
          labels: data.labels,
          series: data.series,
          horizontal,
          log,
          format: (v) => formatNumber(v, unit),
          onClick: onOpen,
        });
        canvas.current.dataset["drawn"] = "1";
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      drawn?.destroy();
    };
  }, [data, horizontal, unit, log]);
  return (
    <figure class="chart" style={{ height: `${height}px` }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Bar chart of ${name} by ${data.byPeriod ? "period" : "entity"}; the same figures are in the table below.`}
      />
      {failed && (
        <p class="error">The chart could not be drawn; the table below has every figure.</p>
      )}
    </figure>
  );
}
