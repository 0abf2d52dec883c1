import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { Curator } from "./curation/change-log.js";
import type { Context } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./global-id.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { curator: boolean };
  /** What a field behind `t.withAuth({ curator: true })` knows: who the curator is. */
  AuthContexts: { curator: Context & { curator: Curator } };
  /** What a connection resolver returns besides its page: how to count every item, if it can. */
  Connection: { count?: () => Promise<number> };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ curator: ctx.curator !== null }),
    unauthorizedError: (_parent, ctx, info) =>
      new GraphQLError(
        ctx.refused
          ? `Not allowed to run ${info.fieldName}: ${ctx.refused}. Nothing was changed.`
          : `Not allowed to run ${info.fieldName}: it needs a curator's bearer token (Authorization: Bearer <token>). Nothing was changed.`,
        { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } },
      ),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeTypeOptions: { description: "An object with a global id, fetchable with `node(id:)`." },
    pageInfoTypeOptions: {
      description: "Where a page stands in its list (Relay cursor pagination).",
    },
    idFieldOptions: {
      description:
        "Global id (Relay): pass it to `node(id:)`, or to any argument that takes a key.",
    },
    edgesFieldOptions: {
      nullable: false,
      description: "The items of this page, each with its cursor.",
    },
    nodeFieldOptions: { nullable: false, description: "The item." },
    cursorFieldOptions: { description: "Pass as `after` to continue after this item." },
    pageInfoFieldOptions: { description: "Where this page stands in the list." },
    hasNextPageFieldOptions: { description: "True when more items follow this page." },
    hasPreviousPageFieldOptions: {
      description: "True when this page was asked for after a cursor.",
    },
    startCursorFieldOptions: { description: "The cursor of the page's first item." },
    endCursorFieldOptions: {
      description: "The cursor of the page's last item: pass it as `after`.",
    },
    // node(id:) and nodes(ids:) are defined in schema/node.ts (one error per missing id).
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, String(id)),
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
  },
});

/** The builder's schema types, for helpers that take a field builder. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
