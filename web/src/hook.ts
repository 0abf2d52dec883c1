// window.__explorer: what tests and the benchmark read from the page (never needed by users).
import { stats } from "./client";
import type { DrawnGraph } from "./graph";

export interface ExplorerHook {
  /** GraphQL requests sent since the page loaded. */
  readonly requests: number;
  /** The graph on screen, once drawn. */
  graph: (DrawnGraph & { drawnAt: number; nodeCount: number }) | undefined;
}

declare global {
  interface Window {
    __explorer: ExplorerHook;
  }
}

export const hook: ExplorerHook = {
  get requests() {
    return stats.requests;
  },
  graph: undefined,
};

window.__explorer = hook;
