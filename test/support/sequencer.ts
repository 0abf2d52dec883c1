import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { OWN_NEO4J_FIRST } from "./database-lock.js";

/**
 * Vitest's order (slowest first when it knows, else largest first), except that the files with
 * Neo4j instances of their own, the longest of the run, start first: they need no lock, so the
 * other worker goes through the files that share the run's database meanwhile.
 */
export default class OwnNeo4jFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = OWN_NEO4J_FIRST.indexOf(relative(process.cwd(), spec.moduleId));
      return index < 0 ? OWN_NEO4J_FIRST.length : index;
    };
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}
