import { builder } from "../builder.js";

export const Language = builder.enumType("Language", {
  description: "A language of the names and the sources.",
  values: {
    EN: { value: "en", description: "English." },
    ES: { value: "es", description: "Spanish (español)." },
  } as const,
});
