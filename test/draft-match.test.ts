import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { draftDocument } from "../src/draft/draft.js";
import { draftGraphOf } from "../src/draft/draft-graph.js";
import { LabelIndex } from "../src/draft/label-index.js";
import { readSeeds } from "../src/seed/read-seeds.js";
import { spanishLightStem, termsOf } from "../src/text/analyzers.js";
import { porterStem } from "../src/text/porter-stem.js";

/**
 * What the drafter reads around a figure (issue 25's tuning documents 930-935 of
 * test/fixtures/drafts, drafted against the seeded graph): whose figure it is (scope), the place
 * its sentence names, the entity it proposes when none fits, the graph's fact that supports a
 * candidate; and the analysis its label index shares with the search indexes.
 */

const DIR = "test/fixtures/drafts";
const seeds = await readSeeds("seeds");
const graph = draftGraphOf(seeds);
const EXPECTED = parse(readFileSync(`${DIR}/subjects-match.yaml`, "utf8")) as Record<
  string,
  {
    scope: string | null;
    place?: string;
    newEntity?: { key: string; kind: string; en: string; es: string; words: string };
  }[]
>;

function draftOf(id: string) {
  const text = readFileSync(`${DIR}/${id}.txt`, "utf8");
  const language = id.includes("_es_") ? "es" : "en";
  return { text, draft: draftDocument({ id, date: text.slice(6, 16), language, text }, graph) };
}

describe("a figure's subject, place and proposal", () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`drafts ${id} with the scopes, places and proposals a curator expects`, () => {
      const { text, draft } = draftOf(id);
      expect(
        draft.figures.map((f) => ({
          scope: f.scope,
          ...(f.place ? { place: f.place } : {}),
          ...(f.newEntity
            ? {
                newEntity: {
                  key: f.newEntity.key,
                  kind: f.newEntity.kind,
                  en: f.newEntity.labels.en,
                  es: f.newEntity.labels.es,
                  words: f.newEntity.words,
                },
              }
            : {}),
        })),
      ).toEqual(expected);
      for (const f of draft.figures)
        if (f.newEntity) {
          expect(text.slice(f.newEntity.start, f.newEntity.end)).toBe(f.newEntity.words);
          expect(f.about).toEqual([]);
          expect(f.unsettled.join(" ")).toContain(
            `a new FacilityType is proposed (${f.newEntity.key}`,
          );
        }
    });
  }

  it("takes a generic head noun for the facility type the paragraph's program operates, not a name sharing a word", () => {
    const { draft } = draftOf("930_en_bienestar_units");
    const hospitals = draft.figures[0];
    expect(hospitals?.about.map((c) => c.key)).not.toContain("hospital-discharge");
    expect(hospitals?.about[0]?.why).toContain('"hospitals" is the head of "Rural Hospital"');
    expect(hospitals?.about[0]?.why).toContain("imss-bienestar operates or provides it");
  });

  it("takes no name that only shares a word other than the head, nor one the head's modifiers contradict", () => {
    const text = " date 2022-06-15 IMSS-BIENESTAR has 1,200 health workers in its clinics.";
    const draft = draftDocument({ id: "x", date: "2022-06-15", language: "en", text }, graph);
    const about = draft.figures[0]?.about.map((c) => c.key) ?? [];
    expect(about).not.toContain("health-brigade");
    expect(about).not.toContain("domestic-workers-pilot");
    expect(about[0]).toBe("imss-bienestar");
    expect(draft.figures[0]?.graph.kind).toBe("new");
  });

  it("compares a state's count with no count of the whole, and names a state the graph lacks", () => {
    const text =
      " date 2025-02-20 El programa IMSS-BIENESTAR opera 85 hospitales. En Chiapas cuenta con 12 hospitales.";
    const draft = draftDocument({ id: "x", date: "2025-02-20", language: "es", text }, graph);
    expect(draft.figures.map((f) => [f.about[0]?.key, f.graph.kind])).toEqual([
      ["rural-hospital", "changed"],
      ["rural-hospital", "new"],
    ]);
    expect(draft.figures[1]?.place).toBeNull();
    expect(draft.figures[1]?.unsettled).toContain(
      'place: "Chiapas" is named for it and the graph has no such place (add it, then a note or a LOCATED_IN relation)',
    );
  });

  it("says when the graph holds the figure's value for a candidate at another date", () => {
    const { draft } = draftOf("930_en_bienestar_units");
    const units = draft.figures[1];
    expect(units?.graph.kind).toBe("restates");
    expect(units?.about[0]?.why).toContain(
      "the graph holds 3622 for it (facility-count, jan-20-2022: rural-medical-unit-count-2022)",
    );
    // Without the graph's facts the same words still rank it first, on the program alone.
    const { text } = draftOf("930_en_bienestar_units");
    const bare = draftDocument(
      { id: "930", date: "2022-06-15", language: "en", text },
      draftGraphOf(seeds, false),
    );
    expect(bare.figures[1]?.about[0]?.key).toBe("rural-medical-unit");
    expect(bare.figures[1]?.about[0]?.why).not.toContain("the graph holds");
  });
});

describe("the analysis of the search indexes, in process", () => {
  it("stems English as Porter's algorithm does", () => {
    const pairs: [string, string][] = [
      ["caresses", "caress"],
      ["ponies", "poni"],
      ["agreed", "agre"],
      ["hopping", "hop"],
      ["filing", "file"],
      ["happy", "happi"],
      ["relational", "relat"],
      ["conditional", "condit"],
      ["generalization", "gener"],
      ["hopefulness", "hope"],
      ["sensibiliti", "sensibl"],
      ["adjustment", "adjust"],
      ["adoption", "adopt"],
      ["controll", "control"],
      ["hospitals", "hospit"],
      ["specialties", "specialti"],
    ];
    for (const [word, stem] of pairs) expect(porterStem(word), word).toBe(stem);
  });

  it("stems Spanish as Lucene's light stemmer does, after folding", () => {
    expect(spanishLightStem("hospitales")).toBe("hospital");
    expect(spanishLightStem("unidades")).toBe("unidad");
    expect(spanishLightStem("luces")).toBe("luz");
    expect(spanishLightStem("meses")).toBe("mes");
    expect(spanishLightStem("medicas")).toBe("medic");
    expect(spanishLightStem("casa")).toBe("casa");
    expect(termsOf("Clínicas de Especialidades", "es")).toEqual(["clinic", "especialidad"]);
    expect(termsOf("the IMSS-BIENESTAR program's units", "en")).toEqual([
      "imss",
      "bienestar",
      "program",
      "unit",
    ]);
  });

  it("finds a node by any word of any of its labels, in either language's analysis", () => {
    const index = new LabelIndex(graph);
    expect([...index.lookup("hospitales")].sort()).toEqual(
      ["general-hospital", "hospital-discharge", "rural-hospital"].sort(),
    );
    expect(index.lookup("units", "en").has("rural-medical-unit")).toBe(true);
    expect(index.lookup("de", "es").size).toBe(0);
    expect(index.labelsIn("umf", "es").map((l) => l.head)).toEqual(["unidad", "unidad", "umf"]);
    expect(index.labelsIn("umae", "en")[0]?.head).toBe("unit");
  });
});
