import { builder } from "../builder.js";
import { type CheckRow, consistencyChecks } from "../loaders/facts.js";
import { Fact } from "./refs.js";

interface TotalResult {
  total: string;
  stated: number | null;
  difference: number | null;
}

export const ConsistencyCheck = builder.objectRef<CheckRow>("ConsistencyCheck").implement({
  description:
    "A known part-of-total relation between facts (e.g. the kinds of beds make all beds), checked against the figures.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key." }),
    name: t.exposeString("name", { description: "What is checked." }),
    description: t.exposeString("description", {
      description: "Why the parts should add up to the totals.",
    }),
    parts: t.expose("parts", { type: [Fact], description: "The facts that should add up." }),
    partsSum: t.float({
      nullable: true,
      description: "The sum of the parts (null if a part has no value).",
      resolve: (c) => sumOf(c.partValues),
    }),
    totals: t.field({
      type: [CheckTotal],
      description: "Each stated total, with the difference between the sum of the parts and it.",
      resolve: (c) => {
        const sum = sumOf(c.partValues);
        return c.totals.map((total, i) => {
          const stated = c.totalValues[i] ?? null;
          return {
            total,
            stated,
            difference: sum === null || stated === null ? null : sum - stated,
          };
        });
      },
    }),
    consistent: t.boolean({
      description: "True when the parts add up exactly to every stated total.",
      resolve: (c) => {
        const sum = sumOf(c.partValues);
        return sum !== null && c.totalValues.every((v) => v === sum);
      },
    }),
  }),
});

const CheckTotal = builder.objectRef<TotalResult>("CheckTotal").implement({
  description: "A stated total and how far the sum of the parts is from it.",
  fields: (t) => ({
    total: t.expose("total", { type: Fact, description: "The fact stating the total." }),
    stated: t.float({ nullable: true, description: "Its value.", resolve: (r) => r.stated }),
    difference: t.float({
      nullable: true,
      description: "Sum of the parts minus the stated total (0 when consistent).",
      resolve: (r) => r.difference,
    }),
  }),
});

function sumOf(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

builder.queryField("consistencyChecks", (t) =>
  t.field({
    type: [ConsistencyCheck],
    description:
      "Every known part-of-total relation, checked: do the parts add up to the stated totals?",
    resolve: (_root, _args, ctx) => consistencyChecks(ctx.db),
  }),
);
