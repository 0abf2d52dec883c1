import type { DraftFact, DraftGraph } from "./draft-graph.js";

/**
 * The graph around a document's subjects, looked up once per draft: who operates or provides
 * what (the facility types a program operates, the services it provides), whose part or program
 * an organization or program is, which places lie within another, and the facts about each entity.
 */
export class GraphAround {
  /** key -> the organizations and programs that operate or provide it. */
  private readonly operators = new Map<string, Set<string>>();
  /** key -> the organization or program it belongs to (runs it, has it as a part or component). */
  private readonly parents = new Map<string, string>();
  private readonly within = new Set<string>();
  private readonly facts = new Map<string, DraftFact[]>();

  constructor(graph: Pick<DraftGraph, "relations" | "facts">) {
    for (const r of graph.relations) {
      if (r.type === "OPERATES" || r.type === "PROVIDES") add(this.operators, r.to, r.from);
      else if (r.type === "RUNS" || r.type === "HAS_COMPONENT") this.parents.set(r.to, r.from);
      else if (r.type === "PART_OF" && !this.parents.has(r.from)) this.parents.set(r.from, r.to);
      else if (r.type === "WITHIN") this.within.add(r.from);
    }
    for (const f of graph.facts) {
      const list = this.facts.get(f.about);
      if (list) list.push(f);
      else this.facts.set(f.about, [f]);
    }
  }

  /** Whether `subject` operates or provides `key` ("IMSS-BIENESTAR operates Rural Hospitals"). */
  operates(subject: string, key: string): boolean {
    return this.operators.get(key)?.has(subject) ?? false;
  }

  /** Whether someone operates or provides `key`, and `subject` is not among them. */
  operatedByOthers(subject: string, key: string): boolean {
    const by = this.operators.get(key);
    return by !== undefined && by.size > 0 && !by.has(subject);
  }

  /** The organization or program that `key` belongs to, if the graph says. */
  parentOf(key: string): string | undefined {
    return this.parents.get(key);
  }

  /** Whether a place lies within another (a state, a region: not the country itself). */
  isWithinAnother(place: string): boolean {
    return this.within.has(place);
  }

  /** The graph's facts about an entity. */
  factsAbout(key: string): DraftFact[] {
    return this.facts.get(key) ?? [];
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
