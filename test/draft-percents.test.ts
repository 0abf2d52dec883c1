import { describe, expect, it } from "vitest";
import { draftDocument } from "../src/draft/draft.js";
import { type DraftGraph, draftGraphOf } from "../src/draft/draft-graph.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { parseNumbers } from "../src/text/parse-numbers.js";

/**
 * The drafter's goals and percents without a database: the seeds' graph, plus a goal a curator
 * ingested earlier, which a later release's progress is a percent of.
 */

const seeds = await readSeeds("seeds");
const GOAL = "family-medicine-consultations-goal-2022";
const graph: DraftGraph = {
  ...draftGraphOf(seeds),
  facts: [
    ...draftGraphOf(seeds).facts,
    {
      key: GOAL,
      variable: "services-delivered",
      about: "family-medicine-consultation",
      scope: "imss",
      period: "year-2022",
      statistic: "target",
      value: 18_000_000,
      qualifier: "exact",
      quotes: [{ document: "earlier", quote: "18 millones de consultas", start: 30 }],
    },
  ],
};

const draft = (text: string, language: "en" | "es") =>
  draftDocument({ id: "t", date: text.slice(6, 16), language, text }, graph);

describe("goals and percents in a draft", () => {
  it("reads 'per cent' as percent, as '%' and 'percent'", () => {
    const units = parseNumbers("It reached 89 per cent, 7 percent and 5%.", "en").map(
      (n) => n.unit,
    );
    expect(units).toEqual(["percent", "percent", "percent"]);
  });

  it("proposes the graph's goal as what progress is a percent of, when the release states none", () => {
    const d = draft(
      " date 2022-06-30 En 2022 las consultas de Medicina Familiar registran un 48 por ciento de avance de la meta anual.",
      "es",
    );
    const percent = d.figures.find((f) => f.unit === "percent");
    expect(percent?.variable[0]?.key).toBe("target-progress");
    expect(percent?.percentOf).toEqual({ figure: null, fact: GOAL, words: "de la meta anual" });
  });

  it("takes no purpose for a goal: 'with the aim of', 'con el objetivo de', 'metabólica'", () => {
    const d = draft(
      " date 2022-06-30 Con el objetivo de acercar los servicios, el Instituto otorgó 3 millones de consultas de Medicina Familiar en 2021, with the aim of more.",
      "es",
    );
    expect(d.figures.map((f) => f.statistic)).toEqual(["total"]);
    const reached = draft(
      " date 2022-06-30 In 2021 the Institute exceeded its goal with 95 million consultations.",
      "en",
    );
    expect(reached.figures.map((f) => f.statistic)).toEqual(["total"]);
  });
});
