// A graph drawn with Cytoscape.js (loaded on demand), with the same nodes as a list of links
// (the keyboard's way through it). Large graphs draw their first PAGE nodes, then more on demand.
// The entity view's neighbourhood (1 or 2 steps) is drawn with it here.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ApiError } from "./client";
import { ErrorMessage, Loading } from "./components";
import { formatValue, kindText, relationText } from "./format";
import type { DrawnGraph, GraphEdge, GraphNode } from "./graph";
import { hook } from "./hook";
import type { ResultOf } from "./graphql";
import type { EntityQuery } from "./queries";
import { href, navigate } from "./router";

export const PAGE = 150;

interface GraphPanelProps {
  nodes: GraphNode[];
  edges: GraphEdge[];
  layout: "concentric" | "columns";
  hrefOf: (id: string) => string | undefined;
  label: string;
  listTitle?: string;
  groupLabel?: (depth: number) => string;
}

export function GraphPanel(props: GraphPanelProps) {
  const { nodes, edges, label } = props;
  const [shown, setShown] = useState(PAGE);
  const signature = nodes.map((n) => n.id).join("|");
  useEffect(() => setShown(PAGE), [signature]);

  const visible = useMemo(() => nodes.slice(0, shown), [nodes, shown]);
  const visibleEdges = useMemo(() => {
    const ids = new Set(visible.map((n) => n.id));
    return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }, [visible, edges]);
  const { container, drawnRef, failed } = useDrawing(props, visible, visibleEdges);

  return (
    <div class="graph-panel">
      <div class="graph-tools" role="group" aria-label="Graph view">
        <button type="button" onClick={() => drawnRef.current?.zoomBy(1.4)}>
          Zoom in
        </button>
        <button type="button" onClick={() => drawnRef.current?.zoomBy(1 / 1.4)}>
          Zoom out
        </button>
        <button type="button" onClick={() => drawnRef.current?.fit()}>
          Fit
        </button>
      </div>
      <div
        class="graph"
        ref={container}
        role="img"
        aria-label={`${label}: ${visible.length} nodes and ${visibleEdges.length} links. The same nodes are listed as links below.`}
      />
      {failed && <p class="error">The graph could not be drawn; the list below has every node.</p>}
      <p class="small muted graph-count">
        Showing {visible.length} of {nodes.length} nodes
        {visible.length < nodes.length && (
          <>
            {" "}
            <button type="button" class="more" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, nodes.length - visible.length)} more
            </button>
          </>
        )}
      </p>
      <NodeList {...props} visible={visible} />
    </div>
  );
}

/** Draws the visible nodes and edges, again whenever they change. */
function useDrawing({ layout, hrefOf }: GraphPanelProps, nodes: GraphNode[], edges: GraphEdge[]) {
  const [failed, setFailed] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<DrawnGraph | undefined>(undefined);
  useEffect(() => {
    let drawn: DrawnGraph | undefined;
    let cancelled = false;
    import("./graph")
      .then(({ drawGraph }) => {
        if (cancelled || !container.current) return;
        drawn = drawGraph(container.current, {
          nodes,
          edges,
          layout,
          onOpen: (id) => {
            const to = hrefOf(id);
            if (to) navigate(to);
          },
        });
        drawnRef.current = drawn;
        hook.graph = { ...drawn, drawnAt: performance.now(), nodeCount: nodes.length };
        container.current.dataset["drawn"] = String(nodes.length);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      drawn?.destroy();
      if (hook.graph && drawn && hook.graph.destroy === drawn.destroy) hook.graph = undefined;
    };
  }, [nodes, edges, layout]);
  return { container, drawnRef, failed };
}

/** The drawn nodes as links, grouped by depth: the keyboard's way through the graph. */
function NodeList({
  visible,
  hrefOf,
  listTitle = "The entities drawn",
  groupLabel = (depth) => (depth === 0 ? "Centre" : `${depth} step${depth > 1 ? "s" : ""} away`),
}: GraphPanelProps & { visible: GraphNode[] }) {
  const byDepth = useMemo(() => {
    const groups = new Map<number, GraphNode[]>();
    for (const n of visible) groups.set(n.depth, [...(groups.get(n.depth) ?? []), n]);
    return [...groups.entries()].sort((a, b) => a[0] - b[0]);
  }, [visible]);
  return (
    <details class="node-list" open={visible.length <= 40}>
      <summary>
        {listTitle} ({visible.length})
      </summary>
      {byDepth.map(([depth, group]) => (
        <div key={depth}>
          {byDepth.length > 1 && <h4 class="small muted">{groupLabel(depth)}</h4>}
          <ul class="graph-nodes">
            {group.map((n) => {
              const to = hrefOf(n.id);
              return (
                <li key={n.id}>
                  {to ? <a href={to}>{n.label}</a> : <span>{n.label}</span>}{" "}
                  <span class="small muted">{kindText(n.kind)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </details>
  );
}

// The root fields are null only beside an error, which `request` turns into an ApiError.
type Neighborhood = NonNullable<ResultOf<typeof EntityQuery>["neighborhood"]>;

/** An entity's neighbourhood (EntityQuery, NeighborhoodQuery) as a graph around it. */
function Neighbourhood({ neighborhood }: { neighborhood: Neighborhood }) {
  const { nodes, edges } = useMemo(() => {
    const centre = neighborhood.center.key;
    const nodes: GraphNode[] = neighborhood.nodes.map((n) => ({
      id: n.entity.key,
      label: n.entity.name,
      kind: n.entity.kind,
      depth: n.depth,
      center: n.entity.key === centre,
    }));
    const seen = new Set<string>();
    const edges: GraphEdge[] = [];
    for (const link of neighborhood.links) {
      const id = `${link.from.key}>${link.type}>${link.to.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const figure = link.fact ? ` ${formatValue(link.fact.value, link.fact.unit)}` : "";
      edges.push({
        id,
        source: link.from.key,
        target: link.to.key,
        label: `${relationText(link.type)}${figure}`,
      });
    }
    return { nodes, edges };
  }, [neighborhood]);
  return (
    <>
      {neighborhood.truncated && (
        <p class="small muted">
          The server stopped the walk at 300 entities; the nearest are here.
        </p>
      )}
      <GraphPanel
        nodes={nodes}
        edges={edges}
        layout="concentric"
        label="Neighbourhood graph"
        listTitle="Entities in the neighbourhood"
        hrefOf={(id) => href.entity(id)}
      />
    </>
  );
}

/** The neighbourhood at 1 or 2 steps (the toggle asks for the other depth alone). */
export function NeighbourhoodSection({
  entityKey,
  depth,
  neighborhood,
  other,
}: {
  entityKey: string;
  depth: 1 | 2;
  neighborhood: Neighborhood | undefined;
  other: { error?: ApiError | undefined; retry: () => void };
}) {
  return (
    <section aria-labelledby="graph-h">
      <h2 id="graph-h">Neighbourhood</h2>
      <div class="toggle" role="group" aria-label="Depth">
        {([1, 2] as const).map((d) => (
          <a
            key={d}
            href={href.entity(entityKey, d)}
            data-keep-scroll=""
            class={d === depth ? "on" : undefined}
            aria-current={d === depth ? "true" : undefined}
          >
            {d === 1 ? "1 step" : "2 steps"}
          </a>
        ))}
      </div>
      {other.error && <ErrorMessage error={other.error} retry={other.retry} />}
      {neighborhood ? (
        <Neighbourhood neighborhood={neighborhood} />
      ) : (
        !other.error && <Loading what="the neighbourhood" />
      )}
    </section>
  );
}
