import { describe, expect, it } from "vitest";
import { type ParsedNumber, parseNumber, parseNumbers } from "../src/text/parse-numbers.js";

/** The parsed numbers as [raw, value] pairs. */
function pairs(text: string): [string, number | null][] {
  return parseNumbers(text).map((n) => [n.raw, n.value]);
}

/** Every result's raw text is the text at its offsets. */
function expectOffsetsConsistent(text: string, found: ParsedNumber[]): void {
  for (const n of found) {
    expect(text.slice(n.start, n.end)).toBe(n.raw);
  }
}

describe("parseNumber: the number forms of the sources", () => {
  it.each([
    ["12 million 315 thousand 476", 12_315_476],
    ["3 million 654 thousand 705", 3_654_705],
    ["138 million 276 thousand 400", 138_276_400],
    ["54,000 335", 54_335],
    ["382,000 million pesos", 382_000_000_000],
    ["32,000 million pesos", 32_000_000_000],
    ["83.2 million", 83_200_000],
    ["71.6 million", 71_600_000],
    ["11.6 million", 11_600_000],
    ["24.4 million", 24_400_000],
    ["13.6 million", 13_600_000],
    ["78.7 million", 78_700_000],
    ["5.9 million", 5_900_000],
    ["14.6 million", 14_600_000],
    ["2 million 074 thousand 882", 2_074_882],
    ["2 million 488 thousand 126", 2_488_126],
    ["2 million 149 thousand 799", 2_149_799],
    ["one million 835 thousand 119", 1_835_119],
    ["one million 526 thousand 320", 1_526_320],
    ["one million 177 thousand 021", 1_177_021],
    ["one million 33 thousand 086", 1_033_086],
    ["two million 837 thousand 324", 2_837_324],
    ["181 thousand 005", 181_005],
    ["560 thousand 063", 560_063],
    ["412 thousand 535", 412_535],
    ["20 million 620,148", 20_620_148],
    ["1,075,319", 1_075_319],
    ["4,262,959", 4_262_959],
    ["743,127", 743_127],
    ["244.7", 244.7],
    ["206", 206],
    ["79", 79],
    ["24 hours", 24],
    ["7 days", 7],
    ["2021", 2021],
    ["1,800", 1_800],
    ["three", 3],
    ["two", 2],
    ["one", 1],
    ["five", 5],
    ["fourteen", 14],
    ["seventeen", 17],
    ["twenty-five", 25],
    ["two hundred", 200],
    ["one hundred and five", 105],
    ["two hundred thousand", 200_000],
    ["1.5 billion", 1_500_000_000],
    ["2 million", 2_000_000],
    ["2 million 1,417", 2_001_417],
  ])("%s -> %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("computes decimal multiples exactly (no floating-point residue)", () => {
    for (const [text, value] of [
      ["83.2 million", 83_200_000],
      ["0.1 million", 100_000],
      ["1.005 thousand", 1_005],
      ["4.35 million", 4_350_000],
    ] as const) {
      expect(Number.isInteger(parseNumber(text))).toBe(true);
      expect(parseNumber(text)).toBe(value);
    }
  });

  it("reads numbers inside sentences", () => {
    expect(parseNumber("three in North Mexico City")).toBe(3);
    expect(parseNumber("two in Chihuahua")).toBe(2);
    expect(parseNumber("one in Durango")).toBe(1);
    expect(parseNumber("two were implemented")).toBe(2);
    expect(parseNumber("14 National Days")).toBe(14);
    expect(parseNumber("the institute offers services to 83.2 million Mexicans")).toBe(83_200_000);
  });

  it("throws when there is no number", () => {
    expect(() => parseNumber("Family Medicine")).toThrow(/exactly one number.*found 0/);
    expect(() => parseNumber("")).toThrow(/found 0/);
    expect(() => parseNumber("COVID-19")).toThrow(/found 0/);
  });

  it("throws when there is more than one number", () => {
    expect(() => parseNumber("303,469 Family Medicine, 54,335 Specialties")).toThrow(
      /found 2: "303,469", "54,335"/,
    );
    expect(() => parseNumber("24 hours a day, 7 days a week")).toThrow(/found 2/);
  });

  it("throws on the garbled '2 million 117 1,417', naming its readings", () => {
    expect(() => parseNumber("2 million 117 1,417 hospital discharges")).toThrow(
      /ambiguous number "2 million 117 1,417".*thousand.*2,117,417, 2,118,417/,
    );
  });
});

describe("parseNumbers: offsets, kinds and units", () => {
  it("gives offsets such that text.slice(start, end) === raw", () => {
    const text =
      "As of December 25, there had been 13.6 million Consultations of Specialty, 78.7 million of Family Medicine, 2 million 488 thousand 126 of dental type, in addition to one million 33 thousand 086 surgeries";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.start])).toEqual([
      ["date-part", "25", 25, 15],
      ["number", "13.6 million", 13_600_000, 34],
      ["number", "78.7 million", 78_700_000, 75],
      ["number", "2 million 488 thousand 126", 2_488_126, 108],
      ["number", "one million 33 thousand 086", 1_033_086, 166],
    ]);
  });

  it("counts offsets in UTF-16 code units (accented letters before the number)", () => {
    const text = "Zoé Robledo, Nuevo León: 35 Representations";
    const [n] = parseNumbers(text);
    expect(n?.start).toBe(text.indexOf("35"));
    expect(n?.raw).toBe("35");
  });

  it("keeps the items of a list apart (comma, semicolon, 'and')", () => {
    expect(pairs("303,469 Family Medicine, 54,335 Specialties, 9,938 dental and 36,916")).toEqual([
      ["303,469", 303_469],
      ["54,335", 54_335],
      ["9,938", 9_938],
      ["36,916", 36_916],
    ]);
    expect(pairs("12 million 315 thousand 476; 3 million 654 thousand 705 specialty")).toEqual([
      ["12 million 315 thousand 476", 12_315_476],
      ["3 million 654 thousand 705", 3_654_705],
    ]);
    expect(pairs("1,844 Radiotherapy sessions, 7,529 , 21,215 from Physical Medicine")).toEqual([
      ["1,844", 1_844],
      ["7,529", 7_529],
      ["21,215", 21_215],
    ]);
    expect(pairs("5.9 million from diabetes and 14.6 million from high blood pressure")).toEqual([
      ["5.9 million", 5_900_000],
      ["14.6 million", 14_600_000],
    ]);
  });

  it("reads '54,000 335' as one number but not other pairs of groups", () => {
    const text = "of which 303,469 were Family Medicine, 54,000 335 for Specialties";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.raw, n.value])).toEqual([
      ["303,469", 303_469],
      ["54,000 335", 54_335],
    ]);
    // a ",000" group followed by a group that is not three digits: two numbers
    expect(pairs("54,000 33 for")).toEqual([
      ["54,000", 54_000],
      ["33", 33],
    ]);
    // a ",000" group followed by a multiplier term: two numbers
    expect(pairs("54,000 335 thousand")).toEqual([
      ["54,000", 54_000],
      ["335 thousand", 335_000],
    ]);
    // not ",000": two numbers
    expect(pairs("54,001 335")).toEqual([
      ["54,001", 54_001],
      ["335", 335],
    ]);
  });

  it("flags '2 million 117 1,417' as ambiguous instead of guessing", () => {
    const text = "surgeries and 2 million 117 1,417 hospital discharges.";
    const found = parseNumbers(text);
    expect(found).toHaveLength(1);
    const [n] = found as [ParsedNumber];
    expect(n).toMatchObject({ kind: "number", value: null, raw: "2 million 117 1,417" });
    expect(n.start).toBe(text.indexOf("2 million"));
    expect(n.ambiguous?.readings).toEqual([2_117_417, 2_118_417]);
    expect(n.ambiguous?.reason).toMatch(/"117" and "1,417" follow "2 million".*"thousand"/);
    expect(n.ambiguous?.reason).toMatch(/"1,417" is not a three-digit group/);
  });

  it("flags a term that is not smaller than the one before it", () => {
    const [n] = parseNumbers("2 million 3,000,000 cases");
    expect(n?.value).toBeNull();
    expect(n?.ambiguous?.reason).toMatch(/not smaller/);
    const [m] = parseNumbers("2 thousand 5000 cases");
    expect(m?.value).toBeNull();
  });

  it("starts a new number when the multipliers do not decrease", () => {
    expect(pairs("5 thousand 3 million")).toEqual([
      ["5 thousand", 5_000],
      ["3 million", 3_000_000],
    ]);
    expect(pairs("83.2 million 5")).toEqual([
      ["83.2 million", 83_200_000],
      ["5", 5],
    ]);
  });

  it("tells years, date parts, ordinals and ISO dates from figures", () => {
    const text =
      "2021 represented a year of records; from the 1st April 2021 to December 25, from January 10 to date, in 2020, the 3rd wave, 2,021 cases, 2021 million pesos";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.month])).toEqual([
      ["year", "2021", 2021, undefined],
      ["date-part", "1st", 1, 4],
      ["year", "2021", 2021, undefined],
      ["date-part", "25", 25, 12],
      ["date-part", "10", 10, 1],
      ["year", "2020", 2020, undefined],
      ["ordinal", "3rd", 3, undefined],
      ["number", "2,021", 2_021, undefined],
      ["number", "2021 million", 2_021_000_000, undefined],
    ]);
    expect(parseNumbers("25 of December")[0]).toMatchObject({ kind: "date-part", month: 12 });
    expect(parseNumbers("the 32 December")[0]?.kind).toBe("number");
    expect(parseNumbers("In December of last year, 41,373 Domestic Workers")[0]).toMatchObject({
      kind: "number",
      value: 41_373,
    });
  });

  it("reads an ISO date as one date", () => {
    const text = " date 2022-01-20 Upon reaching 79 years of existence";
    const found = parseNumbers(text);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.start])).toEqual([
      ["date", "2022-01-20", 20_220_120, 6],
      ["number", "79", 79, 31],
    ]);
  });

  it("reports the unit word after a number", () => {
    const units = (text: string) => parseNumbers(text).map((n) => [n.raw, n.unit]);
    expect(units("care 24 hours a day, 7 days a week")).toEqual([
      ["24", "hours"],
      ["7", "days"],
    ]);
    expect(units("a collection of 382,000 million pesos was achieved")).toEqual([
      ["382,000 million", "pesos"],
    ]);
    expect(units("an average salary of 206 and 244.7 pesos per day")).toEqual([
      ["206", undefined],
      ["244.7", "pesos-per-day"],
    ]);
    expect(units("Upon reaching 79 years of existence")).toEqual([["79", "years"]]);
    expect(units("1 hour, 1 week, 2 months, 5%, 7 percent")).toEqual([
      ["1", "hours"],
      ["1", "weeks"],
      ["2", "months"],
      ["5", "percent"],
      ["7", "percent"],
    ]);
    expect(units("a 24-hour service")).toEqual([["24", "hours"]]);
  });

  it("reports the qualifier words right before a figure, and where they begin", () => {
    const text =
      "more than 84,000 nurses, just over 404,500 consultations, some 840,000 jobs, over 2 million visits, about 5, around 7, approximately 3, roughly 4, nearly 9 and almost 10 units";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(
      found.map((n) => [n.raw, n.qualifier, text.slice(n.qualifierStart ?? n.start, n.start)]),
    ).toEqual([
      ["84,000", "more-than", "more than "],
      ["404,500", "just-over", "just over "],
      ["840,000", "about", "some "],
      ["2 million", "more-than", "over "],
      ["5", "about", "about "],
      ["7", "about", "around "],
      ["3", "about", "approximately "],
      ["4", "about", "roughly "],
      ["9", "about", "nearly "],
      ["10", "about", "almost "],
    ]);
    expect(parseNumbers("Just Over 7 and slightly more than 8")).toMatchObject([
      { raw: "7", qualifier: "just-over", qualifierStart: 0 },
      { raw: "8", qualifier: "just-over", qualifierStart: 16 },
    ]);
    // no qualifier: after a negation, inside a word, not right before, or not a figure
    for (const text of [
      "no more than 5",
      "not over 6",
      "someone 9",
      "moreover 10",
      "more than\n11",
      "more than the 12",
      "around 2021",
      "about December 25",
    ]) {
      const [n] = parseNumbers(text);
      expect(n?.qualifier, text).toBeUndefined();
      expect(n?.qualifierStart, text).toBeUndefined();
    }
  });

  it("reads written-out numbers and leaves other words alone", () => {
    const text =
      "11 CAT were built: three in North Mexico City, two in Chihuahua and one in Durango; from September to December, two were implemented";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.raw, n.value])).toEqual([
      ["11", 11],
      ["three", 3],
      ["two", 2],
      ["one", 1],
      ["two", 2],
    ]);
    // words containing number words, pronoun "one", "a", word ordinals
    expect(
      pairs(
        "someone, alone, tension, weight, often, the one who, no one, a monthly National Day, the second wave, Ten",
      ),
    ).toEqual([["Ten", 10]]);
    expect(pairs("Seventeen states and eighteen units")).toEqual([
      ["Seventeen", 17],
      ["eighteen", 18],
    ]);
    expect(pairs("two three")).toEqual([
      ["two", 2],
      ["three", 3],
    ]);
  });

  it("ignores digits that belong to names", () => {
    expect(parseNumbers("COVID-19 and SARS-CoV-2 and MP3 and 3D")).toEqual([]);
    expect(pairs("patients with COVID-19, 736 beds")).toEqual([["736", 736]]);
  });

  it("reads a phone number as one phone, never as figures", () => {
    const text =
      "Call 800 623 2323 or (55) 5238-2700, from abroad +52 55 5238 2700, or 01 800 953-2210; 24 hours a day.";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value])).toEqual([
      ["phone", "800 623 2323", 8_006_232_323],
      ["phone", "(55) 5238-2700", 5_552_382_700],
      ["phone", "+52 55 5238 2700", 525_552_382_700],
      ["phone", "01 800 953-2210", 18_009_532_210],
      ["number", "24", 24],
    ]);
    expect(parseNumbers("the line 800 953-2210.")[0]).toMatchObject({
      kind: "phone",
      raw: "800 953-2210",
    });
    // not ten digits, or groups that belong to a figure: numbers as before
    expect(pairs("100 200 300 beds")).toEqual([
      ["100", 100],
      ["200", 200],
      ["300", 300],
    ]);
    expect(pairs("800 623 2,323 cases").map(([raw]) => raw)).toEqual(["800", "623", "2,323"]);
    expect(pairs("2020 2021 80")).toEqual([
      ["2020", 2020],
      ["2021", 2021],
      ["80", 80],
    ]);
  });

  it("reads a code that names something as one code, and a range as two numbers", () => {
    const text = "the 2-30-100 strategy covered 10-15 days";
    const found = parseNumbers(text);
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.unit])).toEqual([
      ["code", "2-30-100", 230_100, undefined],
      ["number", "10", 10, undefined],
      ["number", "15", 15, "days"],
    ]);
    expect(() => parseNumber("the 2-30-100 strategy")).toThrow(/"2-30-100" is a code/);
    expect(() => parseNumber("800 623 2323")).toThrow(/"800 623 2323" is a phone number/);
    expect(parseNumbers("2022-01-20")[0]?.kind).toBe("date");
  });

  it("ignores multiplier words without a coefficient, and words that only start like one", () => {
    expect(parseNumbers("thousands of people, millions of visits")).toEqual([]);
    expect(pairs("5 millionaires")).toEqual([["5", 5]]);
    expect(pairs("thousand 5")).toEqual([["5", 5]]);
  });

  it("does not join numbers across line breaks", () => {
    expect(pairs("2 million\n117 thousand")).toEqual([
      ["2 million", 2_000_000],
      ["117 thousand", 117_000],
    ]);
  });

  it("finds nothing in a text without numbers", () => {
    expect(parseNumbers("The challenge of the pandemic")).toEqual([]);
  });
});

/** The parsed numbers of a Spanish text as [raw, value] pairs. */
function pairsEs(text: string): [string, number | null][] {
  return parseNumbers(text, "es").map((n) => [n.raw, n.value]);
}

describe("parseNumber in Spanish: the number forms", () => {
  it.each([
    ["4 mil 873", 4_873],
    ["un millón 305 mil 431", 1_305_431],
    ["dos millones", 2_000_000],
    ["mil 330", 1_330],
    ["mil", 1_000],
    ["22.6 millones", 22_600_000],
    ["1.5 millones de pesos", 1_500_000],
    ["382 mil millones de pesos", 382_000_000_000],
    ["mil millones", 1_000_000_000],
    ["2 mil 500 millones", 2_500_000_000],
    ["mil 200 millones", 1_200_000_000],
    ["12 millones 315 mil 476", 12_315_476],
    ["20 millones 620,148", 20_620_148],
    ["181 mil 005", 181_005],
    ["54,000 335", 54_335],
    ["dos millones mil 500", 2_001_500],
    ["3 billones", 3_000_000_000_000],
    ["un billón 200 mil millones", 1_200_000_000_000],
    ["1,075,319", 1_075_319],
    ["244.7", 244.7],
    ["cero", 0],
    ["dos", 2],
    ["once", 11],
    ["quince", 15],
    ["dieciséis", 16],
    ["dieciseis", 16],
    ["veinte", 20],
    ["veintiuno", 21],
    ["veintidós", 22],
    ["veintinueve", 29],
    ["treinta", 30],
    ["treinta y uno", 31],
    ["cuarenta y cinco", 45],
    ["noventa y nueve", 99],
    ["cien", 100],
    ["ciento", 100],
    ["ciento uno", 101],
    ["ciento cinco", 105],
    ["ciento veintitrés", 123],
    ["doscientos", 200],
    ["doscientas cuarenta", 240],
    ["quinientos doce", 512],
    ["setecientos setenta y siete", 777],
    ["novecientos noventa y nueve", 999],
    ["cien mil", 100_000],
    ["veintiún mil", 21_000],
    ["treinta y un mil", 31_000],
    ["ciento un mil", 101_000],
    ["cuatro mil ochocientos setenta y tres", 4_873],
    ["un millón trescientos cinco mil cuatrocientos treinta y uno", 1_305_431],
    ["una mil", 1_000],
    ["Dos Millones", 2_000_000],
  ])("%s -> %d", (text, value) => {
    expect(parseNumber(text, "es")).toBe(value);
  });

  it("reads the numbers of Spanish sentences", () => {
    expect(parseNumber("se han otorgado 4 mil 873 consultas nocturnas", "es")).toBe(4_873);
    expect(parseNumber("un millón 305 mil 431 cirugías programadas", "es")).toBe(1_305_431);
    expect(parseNumber("22.6 millones de consultas de especialidad", "es")).toBe(22_600_000);
    expect(parseNumber("la clínica abrió con mil 330 pacientes adscritos", "es")).toBe(1_330);
    expect(parseNumber("se invirtieron 2 mil 500 millones de pesos", "es")).toBe(2_500_000_000);
  });

  it("keeps English the default, where Spanish words are not numbers", () => {
    expect(parseNumbers("4 mil 873")).toEqual([
      expect.objectContaining({ raw: "4", value: 4 }),
      expect.objectContaining({ raw: "873", value: 873 }),
    ]);
    expect(parseNumbers("dos millones once")).toEqual([]);
    expect(parseNumbers("three thousand", "es")).toEqual([]);
  });

  it("throws on the garbled '4 millones 117 1,417', naming 'mil' as the missing word", () => {
    expect(() => parseNumber("4 millones 117 1,417 egresos", "es")).toThrow(
      /ambiguous number "4 millones 117 1,417".*"mil" seems to be missing.*4,117,417, 4,118,417/,
    );
    expect(parseNumbers("2 millones 1,200 mil egresos", "es")).toMatchObject([
      {
        raw: "2 millones 1,200 mil",
        value: null,
        ambiguous: { reason: expect.stringMatching(/not smaller/) },
      },
    ]);
  });
});

describe("parseNumbers in Spanish: offsets, kinds and units", () => {
  it("gives offsets such that text.slice(start, end) === raw", () => {
    const text =
      "Al 25 de diciembre se habían otorgado 13.6 millones de consultas de especialidad, 78.7 millones de medicina familiar, 2 millones 488 mil 126 dentales y un millón 33 mil 086 cirugías en la región de Tlaxcala y Michoacán";
    const found = parseNumbers(text, "es");
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.start])).toEqual([
      ["date-part", "25", 25, 3],
      ["number", "13.6 millones", 13_600_000, 38],
      ["number", "78.7 millones", 78_700_000, 82],
      ["number", "2 millones 488 mil 126", 2_488_126, 118],
      ["number", "un millón 33 mil 086", 1_033_086, 152],
    ]);
  });

  it("reads 'un', 'una' and 'uno' as 1 only before a multiplier", () => {
    expect(
      pairsEs(
        "Se abrió una unidad y un hospital; uno de los médicos atendió a un 40 por ciento, más de un millón de personas y una mil familias",
      ),
    ).toEqual([
      ["40", 40],
      ["un millón", 1_000_000],
      ["una mil", 1_000],
    ]);
    expect(() => parseNumber("una unidad de medicina familiar", "es")).toThrow(/found 0/);
    expect(pairsEs("veintiún hospitales y treinta y una clínicas")).toEqual([
      ["veintiún", 21],
      ["treinta y una", 31],
    ]);
  });

  it("keeps the items of a list apart (comma, semicolon, 'y')", () => {
    expect(
      pairsEs("303,469 de medicina familiar, 54,335 de especialidades y 9,938 dentales"),
    ).toEqual([
      ["303,469", 303_469],
      ["54,335", 54_335],
      ["9,938", 9_938],
    ]);
    expect(pairsEs("dos y tres; cuatro, cinco")).toEqual([
      ["dos", 2],
      ["tres", 3],
      ["cuatro", 4],
      ["cinco", 5],
    ]);
    expect(pairsEs("treinta y nuevas camas")).toEqual([["treinta", 30]]);
    // words that are properties of every object are still words
    expect(
      pairsEs("el constructor entregó 3 clínicas; Treinta Y Uno, treinta y constructor"),
    ).toEqual([
      ["3", 3],
      ["Treinta Y Uno", 31],
      ["treinta", 30],
    ]);
    expect(pairsEs("5.9 millones por diabetes y 14.6 millones por hipertensión")).toEqual([
      ["5.9 millones", 5_900_000],
      ["14.6 millones", 14_600_000],
    ]);
  });

  it("starts a new number when the multipliers do not decrease or a larger one does not fit", () => {
    expect(pairsEs("5 mil 3 millones")).toEqual([["5 mil 3 millones", 5_003_000_000]]);
    expect(pairsEs("5 millones 2 mil 300 millones")).toEqual([
      ["5 millones 2 mil", 5_002_000],
      ["300 millones", 300_000_000],
    ]);
    expect(pairsEs("2 mil 3,000 millones")).toEqual([
      ["2 mil", 2_000],
      ["3,000 millones", 3_000_000_000],
    ]);
    expect(pairsEs("22.6 millones 5")).toEqual([
      ["22.6 millones", 22_600_000],
      ["5", 5],
    ]);
  });

  it("ignores multipliers without a coefficient, except 'mil' and 'mil millones'", () => {
    expect(parseNumbers("miles de personas, millones de visitas, cientos de camas", "es")).toEqual(
      [],
    );
    expect(pairsEs("mil millones de pesos y mil 5 pacientes")).toEqual([
      ["mil millones", 1_000_000_000],
      ["mil 5", 1_005],
    ]);
    expect(pairsEs("5 milímetros, 7 millonarios")).toEqual([
      ["5", 5],
      ["7", 7],
    ]);
  });

  it("tells years, date parts and ordinals from figures", () => {
    const text =
      "El 2 de mayo, desde el 1 de abril de 2021, del 1 al 25 de diciembre, el 1º de enero, el 1o. de julio, 25 diciembre, en 2020, el 3er lugar, la 2da ola, 2,021 casos, 2021 millones de pesos";
    const found = parseNumbers(text, "es");
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.value, n.month])).toEqual([
      ["date-part", "2", 2, 5],
      ["date-part", "1", 1, 4],
      ["year", "2021", 2021, undefined],
      ["date-part", "1", 1, 12],
      ["date-part", "25", 25, 12],
      ["date-part", "1º", 1, 1],
      ["date-part", "1o.", 1, 7],
      ["date-part", "25", 25, 12],
      ["year", "2020", 2020, undefined],
      ["ordinal", "3er", 3, undefined],
      ["ordinal", "2da", 2, undefined],
      ["number", "2,021", 2_021, undefined],
      ["number", "2021 millones", 2_021_000_000, undefined],
    ]);
    expect(parseNumbers("el 25 de diciembre", "es")[0]).toMatchObject({
      kind: "date-part",
      value: 25,
      month: 12,
    });
    expect(parseNumbers("el 15 de setiembre", "es")[0]?.month).toBe(9);
    expect(parseNumbers("el 1° de mayo, a 38°C", "es").map((n) => [n.kind, n.raw])).toEqual([
      ["date-part", "1°"],
      ["number", "38"],
    ]);
    // a year before "mil", which is a number on its own
    expect(
      parseNumbers("en 2021 mil personas, 2021 millones de pesos", "es").map((n) => [
        n.kind,
        n.raw,
        n.value,
      ]),
    ).toEqual([
      ["year", "2021", 2021],
      ["number", "mil", 1_000],
      ["number", "2021 millones", 2_021_000_000],
    ]);
    // a month named before the number is not its date: "en diciembre 3 unidades"
    expect(parseNumbers("en diciembre 3 unidades", "es")[0]?.kind).toBe("number");
    expect(parseNumbers("el 32 de diciembre", "es")[0]?.kind).toBe("number");
    expect(pairsEs("1 de cada 3 pacientes")).toEqual([
      ["1", 1],
      ["3", 3],
    ]);
  });

  it("reports the unit after a number as a language-independent name", () => {
    const units = (text: string) => parseNumbers(text, "es").map((n) => [n.raw, n.unit]);
    expect(units("atención las 24 horas del día, los 7 días de la semana")).toEqual([
      ["24", "hours"],
      ["7", "days"],
    ]);
    expect(units("se recaudaron 382 mil millones de pesos")).toEqual([
      ["382 mil millones", "pesos"],
    ]);
    expect(units("1.5 millones de pesos, 206 y 244.7 pesos diarios, 180 pesos por día")).toEqual([
      ["1.5 millones", "pesos"],
      ["206", undefined],
      ["244.7", "pesos-per-day"],
      ["180", "pesos-per-day"],
    ]);
    expect(units("al cumplir 79 años, 1 año, 1 hora, 1 día, 2 dias, 1 semana, 2 semanas")).toEqual([
      ["79", "years"],
      ["1", "years"],
      ["1", "hours"],
      ["1", "days"],
      ["2", "days"],
      ["1", "weeks"],
      ["2", "weeks"],
    ]);
    expect(units("1 mes, 6 meses, 73 por ciento, 73%, cien por ciento")).toEqual([
      ["1", "months"],
      ["6", "months"],
      ["73", "percent"],
      ["73", "percent"],
      ["cien", "percent"],
    ]);
    // words that only start like a unit
    expect(units("3 horarios, 4 mesas, 5 diarios")).toEqual([
      ["3", undefined],
      ["4", undefined],
      ["5", undefined],
    ]);
  });

  it("reports the qualifier words right before a figure, and where they begin", () => {
    const text =
      "Trabajan más de 84 mil enfermeras, se dieron poco más de 404 mil 500 consultas, un poco más de un millón de vacunas, cerca de 5 mil camas, alrededor de 7 mil médicos, aproximadamente 3 millones de pesos, casi 9 de cada 10, unos 300 médicos y unas 40 clínicas";
    const found = parseNumbers(text, "es");
    expectOffsetsConsistent(text, found);
    expect(
      found.map((n) => [n.raw, n.qualifier, text.slice(n.qualifierStart ?? n.start, n.start)]),
    ).toEqual([
      ["84 mil", "more-than", "más de "],
      ["404 mil 500", "just-over", "poco más de "],
      ["un millón", "just-over", "un poco más de "],
      ["5 mil", "about", "cerca de "],
      ["7 mil", "about", "alrededor de "],
      ["3 millones", "about", "aproximadamente "],
      ["9", "about", "casi "],
      ["10", undefined, ""],
      ["300", "about", "unos "],
      ["40", "about", "unas "],
    ]);
    expect(pairsEs("Más de mil personas")).toEqual([["mil", 1_000]]);
    expect(parseNumbers("Más de mil personas y mas de 2 millones", "es")).toMatchObject([
      { qualifier: "more-than", qualifierStart: 0 },
      { qualifier: "more-than", qualifierStart: 22 },
    ]);
    for (const text of ["no más de 5", "algunos 6", "además de 4", "más de la mitad, 7"]) {
      const [n] = parseNumbers(text, "es");
      expect(n?.qualifier, text).toBeUndefined();
    }
  });

  it("reads phone numbers and codes as such, never as figures", () => {
    const text =
      "La estrategia 2-30-100 se consulta en el 800 623 2323, en el 55 5238 2700 o en el 800 953-2210, las 24 horas.";
    const found = parseNumbers(text, "es");
    expectOffsetsConsistent(text, found);
    expect(found.map((n) => [n.kind, n.raw, n.unit])).toEqual([
      ["code", "2-30-100", undefined],
      ["phone", "800 623 2323", undefined],
      ["phone", "55 5238 2700", undefined],
      ["phone", "800 953-2210", undefined],
      ["number", "24", "hours"],
    ]);
    expect(() => parseNumber("estrategia 2-30-100", "es")).toThrow(/is a code, not a figure/);
  });

  it("ignores digits that belong to names, in Spanish as in English", () => {
    expect(parseNumbers("COVID-19 y SARS-CoV-2", "es")).toEqual([]);
    expect(pairsEs("pacientes con COVID-19, 736 camas")).toEqual([["736", 736]]);
  });

  it("finds nothing in a text without numbers", () => {
    expect(parseNumbers("El reto de la pandemia y la atención a la población", "es")).toEqual([]);
  });
});

describe("parseNumbers: figures beyond the exact range of a number", () => {
  const digits = "9".repeat(400);

  it.each(["en", "es"] as const)(
    "flags a 400-digit number as unreadable, never Infinity (%s)",
    (language) => {
      const text = `${language === "en" ? "we counted" : "se contaron"} ${digits} visits, 12 more`;
      const found = parseNumbers(text, language);
      expectOffsetsConsistent(text, found);
      expect(found[0]).toMatchObject({ kind: "number", raw: digits, value: null });
      expect(found[0]?.ambiguous).toEqual({
        reason: `"${"9".repeat(40)}..." is too large to read exactly (above 9,007,199,254,740,991)`,
        readings: [],
        outOfRange: true,
      });
      expect(found[1]).toMatchObject({ raw: "12", value: 12 });
      expect(() => parseNumber(digits, language)).toThrow(/too large to read exactly/);
    },
  );

  it("flags a chain or a decimal beyond the range, keeps the largest exact integer", () => {
    expect(pairs("9,007,199,254,740,991 and 9,007,199,254,740,992")).toEqual([
      ["9,007,199,254,740,991", 9_007_199_254_740_991],
      ["9,007,199,254,740,992", null],
    ]);
    expect(pairs(`${digits}.5 and 20 million`)).toEqual([
      [`${digits}.5`, null],
      ["20 million", 20_000_000],
    ]);
    for (const n of parseNumbers(`9 billion billion and ${digits} thousand`))
      expect(n.value === null || Number.isSafeInteger(n.value)).toBe(true);
  });

  it("reads a decimal with hundreds of digits after its point as the nearest number", () => {
    expect(parseNumber(`0.${"1".repeat(400)}`)).toBeCloseTo(0.1111111111111111, 15);
  });
});
