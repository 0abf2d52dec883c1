import { builder } from "../builder.js";
import { RELATION_TYPE } from "../model/vocabulary.js";

export const RelationType = builder.enumType("RelationType", {
  description: "The structural links between entities.",
  values: RELATION_TYPE,
});
