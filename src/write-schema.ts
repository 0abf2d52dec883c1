import { writeFileSync } from "node:fs";
import { schemaSdl } from "./print-schema.js";

/** `npm run schema`: writes schema/schema.graphql from the Pothos schema. */
writeFileSync("schema/schema.graphql", schemaSdl());
console.log("Wrote schema/schema.graphql");
