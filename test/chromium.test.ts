import { describe, expect, it } from "vitest";
import { findChromium } from "./support/chromium.js";

describe("the browser the browser tests drive", () => {
  it("fails, when the browser is missing, with the command that installs it", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/nowhere/chromium" })).toThrow(
      "apt-get update && apt-get install -y chromium",
    );
  });
});
