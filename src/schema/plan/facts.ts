import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { type FactsOfParent, type FactsPlan, factsOfParents } from "../../loaders/facts.js";
import { planOnce, type SelectionQuestion, selects } from "./selection.js";

/** Whether the selection of a page of facts asks, under `edges.node`, for a fact's links. */
const FACT_LINKS: SelectionQuestion = {
  name: "fact-links",
  path: [
    { type: "FactConnection", field: "edges" },
    { type: "FactEdge", field: "node" },
  ],
  type: "Fact",
  wanted: (field) => ["about", "scope", "period", "comparedTo"].includes(field),
};

/** Whether the page of facts being resolved must read each fact's links. */
export function selectsFactLinks(ctx: Context, info: GraphQLResolveInfo): boolean {
  return selects(ctx, info, FACT_LINKS);
}

/**
 * The request's pages of a parent's facts for the field being resolved (`plan`: worked out once
 * per field of the query), with the facts' links when the field's selection asks for one.
 */
export function factsPlan(
  ctx: Context,
  info: GraphQLResolveInfo,
  plan: () => Omit<FactsPlan, "links">,
): (parentKey: string) => Promise<FactsOfParent> {
  return planOnce(ctx, info, "facts", () =>
    factsOfParents(ctx.db, { ...plan(), links: selectsFactLinks(ctx, info) }),
  );
}
