import { printSchema } from "graphql";
import { schema } from "./schema.js";

/** The SDL checked in at schema/schema.graphql (lexicographically sorted). */
export function schemaSdl(): string {
  return `${printSchema(schema)}\n`;
}
