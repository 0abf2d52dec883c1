import { builder } from "../../builder.js";
import type { DraftSkip } from "../../draft/draft.js";

export const DraftedSkip = builder.objectRef<DraftSkip>("DraftSkip").implement({
  description: "A number of the document that is not a figure, with why.",
  fields: (t) => ({
    raw: t.exposeString("raw", { description: "The number's words." }),
    start: t.exposeInt("start", { description: "Its offset in the text." }),
    reason: t.exposeString("reason", { description: "Why it is not a figure." }),
  }),
});
