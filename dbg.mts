import { readFileSync } from "node:fs";
import { readSeeds } from "./src/seed/read-seeds.ts";
import { draftDocument } from "./src/draft/draft.ts";
import { draftGraphOf } from "./src/draft/draft-graph.ts";
import { draftYaml } from "./src/draft/draft-yaml.ts";
const b = await readSeeds("seeds");
const g = draftGraphOf(b, true);
for (const [id, lang] of [["920_en_rural_network","en"],["921_es_estrategia","es"],["922_es_dia_tipico","es"]]) {
  const text = readFileSync(`test/fixtures/drafts/${id}.txt`, "utf8");
  const d = draftDocument({ id, date: text.slice(6, 16), language: lang as "en"|"es", text }, g);
  console.log(`== ${id}`);
  for (const f of d.figures) console.log(f.raw, "|", JSON.stringify(f.quote), "|", f.about[0]?.key, f.variable[0]?.key, f.scope, f.period[0]?.key ?? f.newPeriod?.key, f.statistic, f.comparedTo, f.qualifier, f.graph.kind, (f.graph as any).fact ?? "", f.unsettled.join("; "));
  for (const s of d.skips) console.log("  skip", s.raw, s.reason);
}
