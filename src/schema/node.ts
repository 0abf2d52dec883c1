import { resolveNodes } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { decodeGlobalId } from "../global-id.js";
import { NotFoundError, notFound } from "../input-error.js";

/**
 * Relay's root fields: any object by its global id. An id that is not one of ours is
 * BAD_USER_INPUT; a well-formed id of nothing is null with a NOT_FOUND error naming the
 * argument. In `nodes`, each id stands alone: an id of nothing (or a malformed one) is null
 * with its own error at its index, and every other node is returned.
 */

/** The nodes of `ids` in order, each missing or malformed one as its error. */
async function nodesOf(
  ids: readonly string[],
  argument: string,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  const decoded = ids.map((id) => {
    try {
      return decodeGlobalId(id, argument);
    } catch (error) {
      return error as Error;
    }
  });
  const found = await resolveNodes(
    builder,
    ctx,
    info,
    decoded.map((d) => (d instanceof Error ? null : d)),
  );
  return Promise.all(
    decoded.map(async (d, i) => {
      if (d instanceof Error) return d;
      let node: unknown;
      try {
        node = await found[i];
      } catch (error) {
        node = error;
      }
      if (node instanceof NotFoundError || node === null || node === undefined)
        return notFound(argument, `no ${d.typename} has the id "${ids[i]}" (key "${d.id}")`);
      return node;
    }),
  );
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: "Any object by its global id (null, with a NOT_FOUND error, if nothing has it).",
    args: { id: t.arg.id({ required: true, description: "A global id, as `id` fields give." }) },
    resolve: async (_root, { id }, ctx, info) => {
      const [node] = await nodesOf([String(id)], "id", ctx, info);
      if (node instanceof Error) throw node;
      return node as never;
    },
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      "Objects by their global ids, in the same order: each id of nothing is null with its own NOT_FOUND error (at its index), the others are returned.",
    args: {
      ids: t.arg.idList({ required: true, description: "Global ids, as `id` fields give." }),
    },
    resolve: (_root, { ids }, ctx, info) =>
      nodesOf(
        ids.map((id) => String(id)),
        "ids",
        ctx,
        info,
      ) as never,
  }),
}));
