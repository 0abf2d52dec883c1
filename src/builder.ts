import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "./context.js";
import { inputError } from "./input-error.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: (typename, id) =>
      Buffer.from(`${typename}:${id}`, "utf8").toString("base64url"),
    decodeGlobalID: (globalID) => {
      const decoded = Buffer.from(globalID, "base64url").toString("utf8");
      const colon = decoded.indexOf(":");
      if (
        colon <= 0 ||
        colon === decoded.length - 1 ||
        !/^[A-Za-z]+$/.test(decoded.slice(0, colon))
      ) {
        throw inputError("id", `"${globalID}" is not an id returned by this API`);
      }
      return { typename: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
    },
  },
});

/** The builder's schema types, for helpers that take a field builder. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
