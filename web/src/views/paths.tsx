// `/paths?from=<key>&to=<key>`: the shortest paths between two entities, drawn and listed
// step by step with the relation, its direction and the fact (value and quote) that carries it.
import { useMemo } from "preact/hooks";
import { Citations, ErrorMessage, FactValue, Heading, Loading, useTitle } from "../components";
import { formatFact, relationText, type Qualifier, type Unit } from "../format";
import type { GraphEdge, GraphNode } from "../graph";
import { GraphPanel } from "../graph-panel";
import type { ResultOf } from "../graphql";
import { useLang } from "../lang";
import { EntityNameQuery, PathsQuery } from "../queries";
import { href, navigate } from "../router";
import { SearchBox } from "../search";
import { SEARCH_KINDS } from "../suggestions";
import { useQuery } from "../use-query";

type Answer = ResultOf<typeof PathsQuery>;
/** An answer with its three root fields (each is null only beside an error, an ApiError here). */
interface Found {
  paths: NonNullable<Answer["paths"]>;
  fromEntity: NonNullable<Answer["fromEntity"]>;
  toEntity: NonNullable<Answer["toEntity"]>;
}
type Path = Found["paths"][number];
type PathNode = Path["nodes"][number];

const ENTITY_KINDS = SEARCH_KINDS.filter((k) => k !== "DOCUMENT" && k !== "VARIABLE");

interface NodeInfo {
  label: string;
  kind: string;
  href: string | undefined;
}

function describe(node: PathNode): NodeInfo | undefined {
  if ("name" in node && node.name !== undefined && "kind" in node && node.kind) {
    return { label: node.name, kind: node.kind, href: href.entity(node.key) };
  }
  if ("value" in node && "unit" in node && node.unit !== undefined) {
    const fact = node as {
      key: string;
      value: number | null;
      unit: Unit;
      qualifiers: Qualifier[];
      about: { key: string };
      variable: { name: string };
    };
    return {
      label: `${formatFact(fact)} · ${fact.variable.name}`,
      kind: "FACT",
      href: href.fact(fact.about.key, fact.key),
    };
  }
  return undefined;
}

export function PathsView({ from, to }: { from: string | undefined; to: string | undefined }) {
  const lang = useLang();
  const both = from && to ? { from, to, lang } : undefined;
  const paths = useQuery(PathsQuery, both);
  const one = !both && (from ?? to) ? { key: (from ?? to) as string, lang } : undefined;
  const single = useQuery(EntityNameQuery, one);
  const alone = single.data?.entity;
  const fromName =
    paths.data?.fromEntity?.name ?? (from && alone?.key === from ? alone.name : undefined);
  const toName = paths.data?.toEntity?.name ?? (to && alone?.key === to ? alone.name : undefined);
  // One object per answer: PathsResult's memos (and its graph) depend on it.
  const found = useMemo(() => foundOf(paths.data), [paths.data]);
  useTitle(fromName && toName ? `Paths from ${fromName} to ${toName}` : "Trace a path");

  return (
    <div class="paths">
      <Heading>Trace a path</Heading>
      <p class="lead">
        Pick two entities: the shortest paths between them, with the figures that link them.
      </p>
      <form class="pickers" onSubmit={(e) => e.preventDefault()}>
        <SearchBox
          label="From"
          kinds={ENTITY_KINDS}
          placeholder="e.g. IMSS-BIENESTAR"
          initialText={fromName ?? from ?? ""}
          onPick={(s) => navigate(href.paths(s.key, to))}
          name="from"
        />
        <SearchBox
          label="To"
          kinds={ENTITY_KINDS}
          placeholder="e.g. Rural Hospital"
          initialText={toName ?? to ?? ""}
          onPick={(s) => navigate(href.paths(from, s.key))}
          name="to"
        />
      </form>
      {paths.error && <ErrorMessage error={paths.error} retry={paths.retry} />}
      {single.error && <ErrorMessage error={single.error} retry={single.retry} />}
      {both && paths.loading && <Loading what="the paths" />}
      {found && <PathsResult data={found} />}
    </div>
  );
}

function foundOf(answer: Answer | undefined): Found | undefined {
  if (!answer?.paths || !answer.fromEntity || !answer.toEntity) return undefined;
  return { paths: answer.paths, fromEntity: answer.fromEntity, toEntity: answer.toEntity };
}

/** The paths' nodes (each described once) and links, as a graph. */
function usePathGraph(data: Found) {
  const info = useMemo(() => {
    const map = new Map<string, NodeInfo>();
    for (const p of data.paths) {
      p.nodes.forEach((n, i) => {
        const key = p.nodeKeys[i];
        const d = describe(n);
        if (key && d && !map.has(key)) map.set(key, d);
      });
    }
    return map;
  }, [data]);

  const { nodes, edges } = useMemo(() => {
    const nodes: GraphNode[] = [];
    const index = new Map<string, number>();
    const edges: GraphEdge[] = [];
    for (const p of data.paths) {
      p.nodeKeys.forEach((key, i) => {
        if (index.has(key)) return;
        index.set(key, nodes.length);
        const d = info.get(key);
        nodes.push({
          id: key,
          label: d?.label ?? key,
          kind: d?.kind ?? "FACT",
          depth: i,
          center: key === data.fromEntity.key || key === data.toEntity.key,
        });
      });
      for (const s of p.steps) {
        const [source, target] = s.direction === "IN" ? [s.toKey, s.fromKey] : [s.fromKey, s.toKey];
        const id = `${source}>${s.relation}>${target}`;
        if (edges.some((e) => e.id === id)) continue;
        const figure = s.fact ? ` ${formatFact(s.fact)}` : "";
        edges.push({ id, source, target, label: `${relationText(s.relation)}${figure}` });
      }
    }
    return { nodes, edges };
  }, [data, info]);
  return { info, nodes, edges };
}

function PathsResult({ data }: { data: Found }) {
  const { info, nodes, edges } = usePathGraph(data);
  if (data.paths.length === 0) {
    return (
      <p class="notice" role="status">
        No path of at most 4 steps links {data.fromEntity.name} to {data.toEntity.name}.
      </p>
    );
  }
  const name = (key: string) => {
    const d = info.get(key);
    return d?.href ? <a href={d.href}>{d.label}</a> : <span>{d?.label ?? key}</span>;
  };
  const first = data.paths[0];
  return (
    <section aria-labelledby="paths-h">
      <h2 id="paths-h">
        {data.paths.length} shortest path{data.paths.length > 1 ? "s" : ""} of {first?.length} step
        {first?.length === 1 ? "" : "s"}
      </h2>
      <GraphPanel
        nodes={nodes}
        edges={edges}
        layout="columns"
        groupLabel={(d) => (d === 0 ? "Start" : `Step ${d}`)}
        label={`Paths from ${data.fromEntity.name} to ${data.toEntity.name}`}
        listTitle="The nodes of the paths"
        hrefOf={(id) => info.get(id)?.href}
      />
      {data.paths.map((p, i) => (
        <section key={p.nodeKeys.join(">")} class="path">
          <h3>
            Path {i + 1}: {p.length} step{p.length === 1 ? "" : "s"}
          </h3>
          <ol class="steps">
            {p.steps.map((s, j) => (
              <li key={j} class="step">
                <div class="step-line">
                  {name(s.fromKey)}{" "}
                  <span class="relation">
                    {s.direction === "IN" ? "← " : ""}
                    {relationText(s.relation)}
                    {s.direction === "IN" ? "" : " →"}
                  </span>{" "}
                  {name(s.toKey)}
                  <span class="small muted">
                    {" "}
                    ({s.direction === "IN" ? "the link points back" : "the link points forward"})
                  </span>
                </div>
                {s.fact && (
                  <div class="step-fact">
                    <FactValue fact={s.fact} />{" "}
                    <span class="small muted">
                      {s.fact.variable.name}, {s.fact.period.name}
                    </span>
                    <Citations citations={s.fact.citations} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
