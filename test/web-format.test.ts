import { describe, expect, it } from "vitest";
import { formatFact, formatValue, statisticText } from "../web/src/format.js";
import { word } from "../web/src/lang.js";

/** How the explorer writes a percent and names a target, in both languages of its names. */
describe("the explorer's words for targets and percents", () => {
  it("writes a percent with its sign", () => {
    expect(formatValue(73, "PERCENT")).toBe("73%");
    expect(formatValue(45.5, "PERCENT")).toBe("45.5%");
    expect(formatFact({ value: 98, unit: "PERCENT", qualifiers: ["MORE_THAN"] })).toBe(
      "more than 98%",
    );
  });

  it("names a target as a goal in English and Spanish", () => {
    expect(statisticText("TARGET")).toBe("target");
    expect(word("target", "EN")).toBe("target");
    expect(word("target", "ES")).toBe("meta");
    expect(word("targetTitle", "ES")).toMatch(/no lo alcanzado/);
  });
});
