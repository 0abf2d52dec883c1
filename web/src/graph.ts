// Draws a graph with Cytoscape.js. Loaded lazily (its own chunk) by the views that draw.
import cytoscape from "cytoscape";

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  /** Rings of the concentric layout: 0 in the centre. */
  depth: number;
  center?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface DrawnGraph {
  destroy(): void;
  fit(): void;
  zoomBy(factor: number): void;
  /** Each node's position in the page's viewport (CSS pixels), for tests and the benchmark. */
  positions(): { id: string; x: number; y: number }[];
}

function columnPositions(nodes: GraphNode[]): Record<string, { x: number; y: number }> {
  const columns = new Map<number, GraphNode[]>();
  for (const n of nodes) columns.set(n.depth, [...(columns.get(n.depth) ?? []), n]);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const [depth, column] of columns) {
    column.forEach((n, i) => {
      positions[n.id] = { x: depth * 240, y: (i - (column.length - 1) / 2) * 90 };
    });
  }
  return positions;
}

const kindColours: Record<string, string> = {
  ORGANIZATION: "#0b5d4b",
  PROGRAM: "#7a3e9d",
  FACILITY_TYPE: "#1f5fa8",
  SERVICE: "#b35900",
  CONDITION: "#b3261e",
  PLACE: "#4d6b00",
  PERSON: "#8a5a00",
  TIME_PERIOD: "#5c5c5c",
  FACT: "#333333",
};

function graphStyle(big: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        "background-color": (n: cytoscape.NodeSingular) =>
          kindColours[n.data("kind") as string] ?? "#444",
        label: "data(label)",
        "font-size": big ? 9 : 11,
        "font-family": "system-ui, sans-serif",
        color: "#1b1b1b",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": big ? "90px" : "110px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        width: big ? 14 : 20,
        height: big ? 14 : 20,
      },
    },
    {
      selector: "node[center = 1]",
      style: {
        width: 30,
        height: 30,
        "font-size": 13,
        "font-weight": "bold",
        "border-width": 3,
        "border-color": "#f2b705",
      },
    },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": "#9aa5b1",
        "target-arrow-color": "#9aa5b1",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": big ? "haystack" : "bezier",
        label: big ? "" : "data(label)",
        "font-size": 9,
        color: "#52606d",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
      },
    },
  ];
}

function graphLayout(
  graph: Parameters<typeof drawGraph>[1],
  big: boolean,
): cytoscape.LayoutOptions {
  return graph.layout === "concentric"
    ? {
        name: "concentric",
        animate: false,
        concentric: (n: cytoscape.NodeSingular) => 10 - (n.data("depth") as number),
        levelWidth: () => 1,
        // Room for the labels of neighbours on a ring (they sit side by side at its bottom).
        minNodeSpacing: big ? 6 : 56,
        avoidOverlap: true,
      }
    : {
        // Paths read left to right: a column per step, the nodes of a step one under another.
        name: "preset",
        animate: false,
        positions: columnPositions(graph.nodes),
      };
}

export function drawGraph(
  container: HTMLElement,
  graph: {
    nodes: GraphNode[];
    edges: GraphEdge[];
    layout: "concentric" | "columns";
    onOpen: (id: string) => void;
  },
): DrawnGraph {
  const big = graph.nodes.length > 60;
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((n) => ({
        group: "nodes" as const,
        data: { ...n, center: n.center ? 1 : 0 },
      })),
      ...graph.edges.map((e) => ({ group: "edges" as const, data: { ...e } })),
    ],
    style: graphStyle(big),
    layout: graphLayout(graph, big),
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    minZoom: 0.1,
    maxZoom: 4,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
  });
  cy.on("tap", "node", (event) => graph.onOpen(event.target.id() as string));
  cy.on("mouseover", "node", () => (container.style.cursor = "pointer"));
  cy.on("mouseout", "node", () => (container.style.cursor = ""));
  cy.fit(undefined, 24);
  // A small graph is not blown up past a readable size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  return {
    destroy: () => cy.destroy(),
    fit: () => cy.fit(undefined, 24),
    zoomBy: (factor) => {
      const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    positions: () => {
      // Cytoscape caches where its container is and refreshes that a moment after a scroll;
      // a resize refreshes it now, so that a click at these positions lands on the node.
      cy.resize();
      const box = container.getBoundingClientRect();
      return cy.nodes().map((n) => {
        const p = n.renderedPosition();
        return { id: n.id(), x: box.left + p.x, y: box.top + p.y };
      });
    },
  };
}
