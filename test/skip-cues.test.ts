import { describe, expect, it } from "vitest";
import { skipsByCue } from "../src/draft/skip-cues.js";
import { type Language, parseNumbers } from "../src/text/parse-numbers.js";

/**
 * The cues around a number that say it is not a figure (src/draft/skip-cues.ts), in both
 * languages, and the figures beside them that no cue takes.
 */

/** The raw text of each number of `text` with the first words of its cue's reason, or "figure". */
function cuesOf(text: string, language: Language): [string, string][] {
  const numbers = parseNumbers(text, language);
  const cued = skipsByCue(text, numbers);
  return numbers.map((n) => [n.raw, cued.get(n)?.split(" ").slice(0, 3).join(" ") ?? "figure"]);
}

describe("skipsByCue", () => {
  it("takes ages, a range's opening number with its closing one", () => {
    expect(cuesOf("invita a mujeres de 40 a 69 años y adultos mayores de 60 años", "es")).toEqual([
      ["40", "an age, not"],
      ["69", "an age, not"],
      ["60", "an age, not"],
    ]);
    expect(cuesOf("children under 5 years old and adults over 60 years of age", "en")).toEqual([
      ["5", "an age, not"],
      ["60", "an age, not"],
    ]);
  });

  it("takes times of day, intervals, frequencies and durations", () => {
    expect(cuesOf("abre de 8:00 a 20:00 horas, cada dos años y dos veces al año", "es")).toEqual([
      ["8", "a time of"],
      ["00", "a time of"],
      ["20", "a time of"],
      ["00", "a time of"],
      ["dos", "an interval (every"],
      ["dos", "a frequency (times"],
    ]);
    expect(
      cuesOf("open from 7 a.m. to 3 p.m., one each month, for four decades; two years ago", "en"),
    ).toEqual([
      ["7", "a time of"],
      ["3", "a time of"],
      ["one", "a frequency (times"],
      ["four", "a duration in"],
      ["two", "a time elapsed"],
    ]);
    expect(cuesOf("hace tres años; durante cinco años; in the next two years", "es")).toEqual([
      ["tres", "a time elapsed"],
      ["cinco", "a time elapsed"],
    ]);
  });

  it("takes extensions, names, laws, addresses and number words pointing back", () => {
    expect(
      cuesOf(
        "Llame a la extensión 12345, opción 2. La Clínica 25, la UMF número 31 y el Hospital General de Zona No. 2, según el artículo 251, en avenida Juárez 1230, código postal 06000, en los dos estados.",
        "es",
      ).map(([raw, cue]) => `${raw}: ${cue}`),
    ).toEqual([
      "12345: a phone extension,",
      "2: a phone extension,",
      "25: a number in",
      "31: a number in",
      "2: a number in",
      "251: an article, section",
      "1230: a street number",
      "06000: a postal code,",
      "dos: a count of",
    ]);
    expect(cuesOf("press 3 at ext. 4021; 120 Reforma Avenue; Section 4", "en")).toEqual([
      ["3", "a phone extension,"],
      ["4021", "a phone extension,"],
      ["120", "a street number"],
      ["4", "an article, section"],
    ]);
  });

  it("takes stages, types and the whole of a ratio; a day/month/year date is one date", () => {
    expect(cuesOf("diabetes tipo 2 en fase 3; tres de cada 10 mujeres", "es")).toEqual([
      ["2", "a number that"],
      ["3", "a number that"],
      ["tres", "figure"],
      ["10", "the whole of"],
    ]);
    expect(parseNumbers("el 30/04/2022 y el 1/5/2022", "es")).toMatchObject([
      { kind: "date", raw: "30/04/2022", value: 20220430 },
      { kind: "date", raw: "1/5/2022", value: 20220501 },
    ]);
  });

  it("takes ages written many ways, and ranges of years", () => {
    const en = "women aged 50-69, a 45-year-old patient, those 60 years and older, open 24/7";
    expect(cuesOf(en, "en").map(([raw, cue]) => `${raw}: ${cue}`)).toEqual([
      "50: an age, not",
      "69: an age, not",
      "45: an age, not",
      "60: an age, not",
      '24: a schedule ("24/7"),',
      '7: a schedule ("24/7"),',
    ]);
    expect(cuesOf("personas de 60 años y más, de 20 a 59 años, mayores de 18", "es")).toEqual([
      ["60", "an age, not"],
      ["20", "a range of"],
      ["59", "a range of"],
      ["18", "an age, not"],
    ]);
  });

  it("takes short phone numbers, times in words, kilometres and pages", () => {
    expect(
      cuesOf("llame al 911; a las 9 de la mañana; en el kilómetro 12; página 4", "es"),
    ).toEqual([
      ["911", "a phone extension,"],
      ["9", "a time of"],
      ["12", "a number that"],
      ["4", "a number that"],
    ]);
  });

  it("leaves the figures beside them", () => {
    const en =
      "Upon reaching 79 years of existence, IMSS-BIENESTAR operates 80 Rural Hospitals in the 19 states, with 248 deliveries a day and 1,800 transplants in 2021.";
    expect(cuesOf(en, "en").filter(([, cue]) => cue !== "figure")).toEqual([]);
    const es =
      "El Instituto cuenta con 1,531 Unidades de Medicina Familiar, más de 84 mil médicos y otorgó 303,469 consultas; en diciembre 3 unidades abrieron, en Oaxaca 30, Chiapas 45 y en Nayarit 12, en 19 estados; a los 79 años y más de 80 millones; las dos nuevas clínicas.";
    expect(cuesOf(es, "es").filter(([, cue]) => cue !== "figure")).toEqual([]);
  });
});
