import { builder } from "../builder.js";

builder.queryType({
  description: "Read the IMSS knowledge graph: entities, facts and the sources that state them.",
});
