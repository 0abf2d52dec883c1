// `/variables/<key>`: the facts of one variable across entities (or periods), as a bar chart
// (Chart.js, loaded on demand) and as a table whose every figure opens its source.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ErrorMessage, FactTable, Heading, Loading, useTitle, type Fact } from "../components";
import { formatNumber, formatValue, statisticText, type Statistic, type Unit } from "../format";
import { VariableQuery } from "../queries";
import { href, navigate } from "../router";
import { useQuery } from "../use-query";

interface ChartData {
  labels: string[];
  keys: string[];
  series: { label: string; values: (number | null)[] }[];
  byPeriod: boolean;
}

/** One bar per entity (one series per period and statistic), or per period for one entity. */
function chartData(facts: readonly Fact[]): ChartData {
  const abouts = [...new Map(facts.map((f) => [f.about.key, f.about.name])).entries()];
  const byPeriod = abouts.length === 1;
  const category = (f: Fact) => (byPeriod ? f.period.key : f.about.key);
  const categories = byPeriod
    ? [...new Map(facts.map((f) => [f.period.key, f.period.name])).entries()]
    : abouts;
  const seriesOf = (f: Fact) =>
    byPeriod
      ? statisticText(f.statistic as Statistic)
      : `${f.period.name} (${statisticText(f.statistic as Statistic)})`;
  const seriesNames = [...new Set(facts.map(seriesOf))];
  const series = seriesNames.map((label) => ({
    label,
    values: categories.map(([key]) => {
      const f = facts.find((x) => category(x) === key && seriesOf(x) === label);
      return f?.value ?? null;
    }),
  }));
  return {
    labels: categories.map(([, name]) => name),
    keys: categories.map(([key]) => key),
    series,
    byPeriod,
  };
}

export function VariableView({ variableKey }: { variableKey: string }) {
  const { data, error, retry } = useQuery(VariableQuery, { key: variableKey });
  const variable = data?.variable;
  useTitle(variable?.name ?? variableKey);
  const facts = useMemo(() => variable?.facts.edges.map((e) => e.node) ?? [], [variable]);
  const chart = useMemo(() => chartData(facts), [facts]);

  if (error) return <ErrorMessage error={error} retry={retry} />;
  if (!variable) return <Loading what="the variable" />;
  const unit = variable.unit as Unit;
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
      {facts.length > 0 && (
        <BarChart
          data={chart}
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
        {variable.facts.totalCount > facts.length && (
          <p class="small muted">
            The first {facts.length} of {variable.facts.totalCount}.
          </p>
        )}
        <FactTable facts={facts} />
      </section>
    </article>
  );
}

function BarChart({
  data,
  unit,
  name,
  onOpen,
}: {
  data: ChartData;
  unit: Unit;
  name: string;
  onOpen: (index: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const horizontal = data.labels.length > 6;
  const height = horizontal
    ? Math.max(220, data.labels.length * (14 + 10 * data.series.length) + 80)
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
  }, [data, horizontal, unit]);
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
