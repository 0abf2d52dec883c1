import { builder } from "../../builder.js";
import type { PeriodGuess } from "../../draft/period.js";

export const NewPeriod = builder.objectRef<PeriodGuess>("NewPeriod").implement({
  description: "A period the graph lacks, proposed for the curator to add.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "A proposed key." }),
    start: t.exposeString("start", { description: "First day (YYYY-MM-DD)." }),
    end: t.exposeString("end", { description: "Last day (YYYY-MM-DD)." }),
    granularity: t.exposeString("granularity", {
      description: "How long it spans: day, typical-day, month, year or range (any other span).",
    }),
  }),
});
