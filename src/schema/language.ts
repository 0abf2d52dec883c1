import { builder } from "../builder.js";
import { LANGUAGE } from "../model/vocabulary.js";

export const Language = builder.enumType("Language", {
  description: "A language of the names and the sources.",
  values: LANGUAGE,
});
