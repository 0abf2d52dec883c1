import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Neo4j Community's jars, fetched once from Maven Central by `neo4j/pom.xml`
 * into `neo4j/lib/` (git-ignored) and reused after that.
 */

export class LocalNeo4jUnavailable extends Error {
  constructor(what: string) {
    super(
      `${what}\nThe project starts its own Neo4j from Maven Central jars, which needs Java 17+ and Maven. ` +
        "Alternatives: `docker compose up` (see docker-compose.yml), or set NEO4J_URI, NEO4J_USERNAME " +
        "and NEO4J_PASSWORD to any Neo4j 5 server (for example an Aura instance) and no local Neo4j is started.",
    );
    this.name = "LocalNeo4jUnavailable";
  }
}

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return result.status === 0;
}

export function javaVersion(): number | undefined {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** The pinned Neo4j version, read from the pom so that there is one place to change it. */
export function neo4jVersion(neo4jDir: string): string {
  const pom = readFileSync(join(neo4jDir, "pom.xml"), "utf8");
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) throw new Error(`No <neo4j.version> in ${join(neo4jDir, "pom.xml")}`);
  return match[1];
}

/** Returns the classpath folder, fetching the jars first when they are missing. */
export function ensureJars(neo4jDir: string, log: (line: string) => void = () => {}): string {
  const java = javaVersion();
  if (java === undefined) throw new LocalNeo4jUnavailable("Java was not found on the PATH.");
  if (java < 17)
    throw new LocalNeo4jUnavailable(`Java ${java} was found; Neo4j 5.26 needs 17 or later.`);

  const version = neo4jVersion(neo4jDir);
  const lib = join(neo4jDir, "lib");
  const marker = join(lib, `.complete-${version}`);
  if (existsSync(marker)) return lib;

  if (!commandWorks("mvn", ["--version"])) {
    throw new LocalNeo4jUnavailable(
      "Maven (mvn) was not found on the PATH, so the Neo4j jars cannot be fetched.",
    );
  }
  // A version change: drop the old jars so that two versions never share the classpath.
  rmSync(lib, { recursive: true, force: true });
  log(`Fetching Neo4j ${version} jars with Maven into ${lib} (once)...`);
  const result = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-Dstyle.color=never",
      "-f",
      join(neo4jDir, "pom.xml"),
      "dependency:copy-dependencies",
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) {
    throw new LocalNeo4jUnavailable(
      `Maven failed to fetch the Neo4j jars (exit ${result.status}).`,
    );
  }
  const jars = readdirSync(lib).filter((f) => f.endsWith(".jar"));
  if (!jars.includes(`neo4j-${version}.jar`)) {
    throw new LocalNeo4jUnavailable(`Maven ran, but ${lib} has no neo4j-${version}.jar.`);
  }
  writeFileSync(marker, `${jars.length} jars\n`);
  return lib;
}
