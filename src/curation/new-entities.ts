import type { SeedProblem } from "../model/bundle.js";
import { ENTITY_KINDS } from "../model/vocabulary.js";
import type { FactsFile } from "./facts-file.js";

/**
 * The new entities of an ingest's facts file (periods, and the drafter's proposals a curator
 * accepted), checked against the graph before the seed check: one whose key the graph holds, or
 * whose kind is none of the entity kinds, is a problem of each fact about it or scoped to it (the
 * figure whose proposal it was), so that the curator sees which figure to change; of the entry
 * itself when no fact uses it.
 */
export function newEntityProblems(graphKeys: ReadonlySet<string>, file: FactsFile): SeedProblem[] {
  const facts = file.facts ?? [];
  const problems: SeedProblem[] = [];
  (file.entities ?? []).forEach((entity, i) => {
    const key = String(entity.key);
    const entry = `entities[${i}] (key: ${key})`;
    const why: { path: string; reason: string }[] = [];
    if (graphKeys.has(key))
      why.push({
        path: "key",
        reason: `an entity with key "${key}" is already in the graph: pick it instead, or give the new entity another key`,
      });
    if (!(ENTITY_KINDS as readonly unknown[]).includes(entity.kind))
      why.push({
        path: "kind",
        reason: `its kind ${JSON.stringify(entity.kind)} is none of ${ENTITY_KINDS.join(", ")}`,
      });
    if (why.length === 0) return;
    const users = facts.flatMap((f, j) =>
      (["about", "scope"] as const)
        .filter((field) => f[field] === key)
        .map((field) => ({ entry: `facts[${j}] (key: ${String(f.key)})`, path: field })),
    );
    for (const w of why) {
      if (users.length === 0)
        problems.push({ file: "input", entry, path: w.path, reason: w.reason });
      for (const u of users)
        problems.push({
          file: "input",
          entry: u.entry,
          path: u.path,
          reason: `its new entity ${entry}: ${w.reason}`,
        });
    }
  });
  return problems;
}
