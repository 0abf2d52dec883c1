// gql.tada: GraphQL documents typed from schema/schema.graphql (through the generated
// graphql-env.d.ts). Masking is off, so a fragment spread adds its fields to the result type.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from "gql.tada";
