import { describe, expect, it } from "vitest";
import {
  comparablePeriods,
  previousOf,
  type SeriesFact,
  valueChangesOf,
} from "../src/model/check/value-changes.js";

/** When two figures of a series at two periods are the same quantity read twice. */

const day = (key: string, date: string) => ({ key, start: date, end: date, granularity: "day" });
const span = (key: string, start: string, end: string, granularity = "range") => ({
  key,
  start,
  end,
  granularity,
});

describe("comparable periods", () => {
  it("a stock at any two dates, a cumulative from the same start, daily averages of like periods", () => {
    const jan = day("jan", "2022-01-20");
    const jun = day("jun", "2022-06-15");
    expect(comparablePeriods("stock", jan, jun)).toBe(true);
    expect(comparablePeriods("stock", span("y", "2021-01-01", "2021-12-31", "year"), jun)).toBe(
      true,
    );
    const toDec19 = span("a", "2021-04-01", "2021-12-19");
    const toDec25 = span("b", "2021-04-01", "2021-12-25");
    const may = span("c", "2022-05-02", "2022-05-16");
    expect(comparablePeriods("cumulative", toDec19, toDec25)).toBe(true);
    expect(comparablePeriods("cumulative", toDec25, may)).toBe(false);
    const y2021 = span("y1", "2021-01-01", "2021-12-31", "typical-day");
    const y2022 = span("y2", "2022-01-01", "2022-12-31", "typical-day");
    expect(comparablePeriods("daily-average", y2021, y2022)).toBe(true);
    expect(comparablePeriods("daily-average", y2021, jun)).toBe(false);
    for (const statistic of ["total", "increase", "target"] as const)
      expect(comparablePeriods(statistic, y2021, y2022)).toBe(false);
  });

  it("compares with the latest earlier fact, or the nearest later one when none is earlier", () => {
    const facts = [
      { period: day("a", "2021-06-01"), value: 1 },
      { period: day("b", "2022-01-20"), value: 2 },
      { period: day("c", "2022-09-01"), value: 3 },
      { period: day("d", "2023-01-01"), value: 4 },
    ];
    expect(previousOf("stock", day("x", "2022-06-15"), facts, 9)?.value).toBe(2);
    expect(previousOf("stock", day("x", "2020-01-01"), facts, 9)?.value).toBe(1);
    // Its own period's fact is not compared (that is a corroboration or a conflict).
    expect(previousOf("stock", day("b", "2022-01-20"), facts, 9)?.value).toBe(1);
    expect(previousOf("total", day("x", "2022-06-15"), facts, 9)).toBeUndefined();
  });
});

describe("changes between releases", () => {
  const fact = (key: string, period: string, value: number | null, documents: string[]) =>
    ({
      key,
      about: "rural-medical-unit",
      variable: "facility-count",
      statistic: "stock",
      scope: "imss-bienestar",
      unit: "count",
      value,
      period: day(period, period),
      documents,
    }) satisfies SeriesFact;

  it("pairs each fact with the one before it when another document states another value", () => {
    const changes = valueChangesOf([
      fact("jan", "2022-01-20", 3622, ["000"]),
      fact("jun", "2022-06-15", 3701, ["940"]),
      fact("sep", "2022-09-01", 3701, ["941"]),
      fact("dec", "2022-12-01", 3750, ["941"]),
      fact("unread", "2023-01-01", null, ["942"]),
    ]);
    // jun→sep restates; sep→dec is one document's two dates, not a change between releases.
    expect(changes).toEqual([{ from: "jan", to: "jun" }]);
  });

  it("keeps series apart: another scope, or a statistic never compared, is no change", () => {
    const other = { ...fact("b", "2022-06-15", 10, ["940"]), scope: "imss" };
    const totals = [
      { ...fact("t1", "2021-01-01", 1, ["000"]), statistic: "total" as const },
      { ...fact("t2", "2022-01-01", 2, ["002"]), statistic: "total" as const },
    ];
    expect(valueChangesOf([fact("a", "2022-01-20", 3, ["000"]), other, ...totals])).toEqual([]);
  });
});
