import type { ObjectRef } from "@pothos/core";
import { builder, type Types } from "../builder.js";
import type { Page } from "../pagination.js";

/** What a page resolver returns: its edges, where it stands, and (lazily) the count of all items. */
export interface PageShape<Edge> {
  edges: Edge[];
  pageInfo: Page<unknown>["pageInfo"];
  count?: () => Promise<number>;
}

/**
 * A Relay connection type over an edge type: `edges`, `pageInfo` and, when the
 * list can be counted, `totalCount` (counted in Cypher only when asked for).
 */
export function pageConnection<Edge>(
  name: string,
  description: string,
  edge: ObjectRef<Types, Edge>,
  items: string,
  counted = true,
) {
  return builder.objectRef<PageShape<Edge>>(name).implement({
    description,
    fields: (t) => ({
      edges: t.field({
        type: [edge],
        description: `The ${items} of this page.`,
        resolve: (c) => c.edges,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: "Where this page stands in the list.",
        resolve: (c) => c.pageInfo,
      }),
      ...(counted
        ? {
            totalCount: t.int({
              description: `How many ${items} match, over all pages.`,
              resolve: (c) => (c.count ? c.count() : c.edges.length),
            }),
          }
        : {}),
    }),
  });
}
