import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { foldText } from "../src/text/fold.js";
import { rebuildFactSummaries } from "../src/seed/load-seeds.js";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import {
  CURATED_MONTHS,
  CURATED_STATES,
  FACILITY_TYPES,
  GENERATED_VARIABLE,
  MONTH_NAMES,
  SIZE_FRACTION,
  STATES,
  type Size,
  type StateSpec,
  YEARS,
} from "./model.js";
import { BENCH_DIR, startBenchNeo4j, stopOnSignals } from "./neo4j.js";

/**
 * The scale generator: a national-scale graph in the project's model, on top
 * of the curated seeds, in sizes S, M and L (about 10^4, 10^5 and 10^6 facts).
 *
 * - Individual facilities: the facility counts of the sources (1,531 UMF,
 *   251 general hospitals, 4,759 MARSS, 3,622 rural medical units, ...),
 *   1 % of them in S, 10 % in M and all 10,743 in L, spread over the 32 states
 *   by population (IMSS-BIENESTAR units over its 19 states; the 11 CATs where
 *   the sources put them). A facility is an `:Entity:Place` (kind Place, a
 *   site): the API's 8 entity kinds stay as they are. It is LOCATED_IN its
 *   state and PART_OF its curated facility type.
 * - States: the 6 the seeds name are reused, the other 26 generated (WITHIN mexico).
 * - Months: January 2020 to December 2021, TimePeriod entities (granularity
 *   month) WITHIN the curated years; December 2021 is the curated month.
 * - Facts: for every facility, service it delivers and month, one fact
 *   `services-delivered` (statistic total, unit count) ABOUT the curated service,
 *   SCOPE the facility, DURING the month.
 *
 * Generated nodes have keys starting with `gen-` and `generated: true`, and
 * every generated relationship touches a generated node, so the seeds stay
 * intact: `removeGenerated` deletes exactly what this adds.
 *
 * `npm run bench:generate -- --size M` starts the benchmark's Neo4j
 * (.data/neo4j-bench, Bolt 7689), seeds it if empty, replaces any generated data, and stops it.
 */

export interface GenerationInfo {
  size: Size;
  facilities: number;
  months: number;
  facts: number;
  generatedAt: string;
  seconds: number;
}

const MARKER = join(BENCH_DIR, "generated.json");
const FACTS_PER_TRANSACTION = 10_000;

/** What was generated last into the benchmark database (a file next to its data). */
export function generatedInfo(): GenerationInfo | undefined {
  if (!existsSync(MARKER)) return undefined;
  return JSON.parse(readFileSync(MARKER, "utf8")) as GenerationInfo;
}

/** A small deterministic PRNG (mulberry32), so that every run generates the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` over `weights` by largest remainders (the parts add up to `total`). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

export interface Month {
  key: string;
  suffix: string;
  name: string;
  start: string;
  end: string;
  year: number;
  month: number;
  yearKey: string;
  curated: boolean;
}

export function months(): Month[] {
  return YEARS.flatMap(({ year, key: yearKey }) =>
    MONTH_NAMES.map((name, i) => {
      const mm = String(i + 1).padStart(2, "0");
      const suffix = `${year}-${mm}`;
      const lastDay = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
      const curatedKey = CURATED_MONTHS[suffix];
      return {
        key: curatedKey ?? `gen-month-${suffix}`,
        suffix,
        name: `${name} ${year}`,
        start: `${suffix}-01`,
        end: `${suffix}-${String(lastDay).padStart(2, "0")}`,
        year,
        month: i + 1,
        yearKey,
        curated: curatedKey !== undefined,
      };
    }),
  );
}

export interface Facility {
  key: string;
  name: string;
  type: string;
  typeName: string;
  program: string;
  place: string;
  placeName: string;
  services: Record<string, number>;
  /** A per-facility scale factor (its size). */
  scale: number;
}

/** The facilities of a size, in a fixed order; `typeNames` are the curated names. */
export function facilities(size: Size, typeNames: Map<string, string>): Facility[] {
  const random = prng(79);
  const out: Facility[] = [];
  const placeNames = new Map<string, string>([
    ["north-mexico-city", "North Mexico City"],
    ["poniente-state-of-mexico", "Poniente State of Mexico"],
    ...STATES.map((s): [string, string] => [s.key, s.name]),
  ]);
  for (const type of FACILITY_TYPES) {
    const count = Math.max(1, Math.round(type.count * SIZE_FRACTION[size]));
    let places: { key: string; weight: number }[];
    if (type.places) {
      places = Object.entries(type.places).map(([key, weight]) => ({ key, weight }));
    } else {
      const states: StateSpec[] =
        type.program === "imss-bienestar" ? STATES.filter((s) => s.bienestar) : STATES;
      places = states.map((s) => ({ key: s.key, weight: s.weight }));
    }
    const perPlace = apportion(
      count,
      places.map((p) => p.weight),
    );
    let n = 0;
    places.forEach((place, i) => {
      for (let j = 0; j < (perPlace[i] ?? 0); j += 1) {
        n += 1;
        const number = String(n).padStart(4, "0");
        const typeName = typeNames.get(type.key) ?? type.key;
        const placeName = placeNames.get(place.key) ?? place.key;
        out.push({
          key: `gen-fac-${type.slug}-${number}`,
          name: `${typeName} ${number}, ${placeName}`,
          type: type.key,
          typeName,
          program: type.program,
          place: place.key,
          placeName,
          services: type.services,
          scale: 0.6 + random() * 0.8,
        });
      }
    });
  }
  return out;
}

/** The monthly total of a service at a facility: daily base x days x season x 2020's dip x noise. */
function monthlyValue(base: number, facility: Facility, month: Month, random: () => number) {
  const days = Number(month.end.slice(8));
  const season = 1 + 0.08 * Math.cos(((month.month - 2) / 12) * 2 * Math.PI);
  // Services fell with the pandemic from April 2020 and recovered through 2021.
  const pandemic =
    month.year === 2020 && month.month >= 4
      ? 0.55
      : month.year === 2021
        ? 0.7 + 0.025 * month.month
        : 1;
  const noise = 0.85 + random() * 0.3;
  return Math.max(0, Math.round(base * facility.scale * days * season * pandemic * noise));
}

async function write(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ defaultAccessMode: "WRITE" });
  try {
    return await session.executeWrite((tx) => tx.run(query, params));
  } finally {
    await session.close();
  }
}

/**
 * A query that commits in batches of its own (CALL ... IN TRANSACTIONS): its outer transaction
 * lasts as long as all of them, longer than the local Neo4j's 60 s default at size L.
 */
async function autoCommit(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ defaultAccessMode: "WRITE" });
  try {
    return await session.run(query, params, { timeout: 30 * 60_000 });
  } finally {
    await session.close();
  }
}

/** Deletes every generated node (and so every generated relationship), in batches. */
export async function removeGenerated(driver: Driver, log: (line: string) => void) {
  const started = Date.now();
  await autoCommit(
    driver,
    `MATCH (f:Fact) WHERE f.key STARTS WITH 'gen-' AND f.generated = true
     CALL (f) { DETACH DELETE f } IN TRANSACTIONS OF 10000 ROWS`,
  );
  await autoCommit(
    driver,
    `MATCH (n:Entity) WHERE n.key STARTS WITH 'gen-' AND n.generated = true
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
  );
  await rebuildFactSummaries(driver);
  log(`Removed earlier generated data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** A generated entity with the folded copies the search indexes read (as the seed loader writes). */
function searchable<T extends { name: string; description: string }>(
  row: T,
): T & { searchNames: string; searchTextEn: string } {
  return { ...row, searchNames: foldText(row.name), searchTextEn: foldText(row.description) };
}

const CREATE_STATES = `
UNWIND $states AS s
MATCH (mexico:Entity {key: 'mexico'})
CREATE (n:Entity:Place {key: s.key, kind: 'Place', name: s.name, nameEs: s.name, aliases: [],
        searchNames: s.searchNames, searchTextEn: s.searchTextEn,
        description: s.description, generated: true})
CREATE (n)-[:WITHIN {generated: true}]->(mexico)`;

const CREATE_MONTHS = `
UNWIND $months AS m
MATCH (year:Entity {key: m.yearKey})
CREATE (n:Entity:TimePeriod {key: m.key, kind: 'TimePeriod', name: m.name, nameEs: m.name, aliases: [],
        searchNames: m.searchNames, searchTextEn: m.searchTextEn,
        description: m.description, start: m.start, end: m.end, granularity: 'month', generated: true})
CREATE (n)-[:WITHIN {generated: true}]->(year)`;

const CREATE_FACILITIES = `
UNWIND $facilities AS f
MATCH (place:Entity {key: f.place}), (type:Entity {key: f.type})
CREATE (n:Entity:Place {key: f.key, kind: 'Place', name: f.name, nameEs: f.name, aliases: [],
        searchNames: f.searchNames, searchTextEn: f.searchTextEn,
        description: f.description, facilityType: f.type, program: f.program, generated: true})
CREATE (n)-[:LOCATED_IN {generated: true}]->(place), (n)-[:PART_OF {generated: true}]->(type)`;

// One row per facility and service, with its monthly values in the order of $months.
const CREATE_FACTS = `
MATCH (v:Variable {key: $variable})
CALL () {
  UNWIND $months AS monthKey
  MATCH (m:Entity {key: monthKey})
  RETURN collect(m) AS periods
}
UNWIND $rows AS r
MATCH (facility:Entity {key: r.facility}), (service:Entity {key: r.service})
UNWIND range(0, size(periods) - 1) AS i
WITH v, facility, service, periods[i] AS period, r.prefix + $suffixes[i] AS key, r.values[i] AS value
CREATE (f:Fact {key: key, value: value, unit: 'count', statistic: 'total', qualifier: 'exact',
        garbled: false, variable: $variable, deprecated: false, generated: true})
CREATE (f)-[:MEASURES]->(v), (f)-[:ABOUT]->(service), (f)-[:SCOPE]->(facility), (f)-[:DURING]->(period)`;

export async function generate(
  driver: Driver,
  size: Size,
  log: (line: string) => void,
): Promise<GenerationInfo> {
  const started = Date.now();
  const random = prng(2022);
  await removeGenerated(driver, log);

  // The curated model this builds on: fail early if a key is missing.
  const typeKeys = FACILITY_TYPES.map((t) => t.key);
  const serviceKeys = [...new Set(FACILITY_TYPES.flatMap((t) => Object.keys(t.services)))];
  const monthList = months();
  const needed = [
    ...typeKeys,
    ...serviceKeys,
    ...CURATED_STATES,
    "mexico",
    "north-mexico-city",
    "poniente-state-of-mexico",
    ...YEARS.map((y) => y.key),
    ...monthList.filter((m) => m.curated).map((m) => m.key),
  ];
  const found = await write(
    driver,
    `UNWIND $keys AS key MATCH (n:Entity {key: key}) RETURN n.key AS key, n.name AS name`,
    { keys: needed },
  );
  const names = new Map(
    found.records.map((r) => [r.get("key") as string, r.get("name") as string]),
  );
  const missing = needed.filter((k) => !names.has(k));
  if (missing.length) throw new Error(`The curated seeds lack ${missing.join(", ")}`);

  await write(driver, CREATE_STATES, {
    states: STATES.filter((s) => !CURATED_STATES.has(s.key)).map((s) =>
      searchable({
        key: s.key,
        name: s.name,
        description: `${s.name}, a state of Mexico (generated for the scale benchmark).`,
      }),
    ),
  });
  await write(driver, CREATE_MONTHS, {
    months: monthList
      .filter((m) => !m.curated)
      .map((m) =>
        searchable({
          ...m,
          description: `The month of ${m.name} (generated for the scale benchmark).`,
        }),
      ),
  });

  const list = facilities(size, names);
  for (let i = 0; i < list.length; i += 5000) {
    await write(driver, CREATE_FACILITIES, {
      facilities: list.slice(i, i + 5000).map((f) =>
        searchable({
          key: f.key,
          name: f.name,
          type: f.type,
          program: f.program,
          place: f.place,
          description: `A ${f.typeName} of ${f.program === "imss" ? "the IMSS" : "IMSS-BIENESTAR"} in ${f.placeName} (generated for the scale benchmark).`,
        }),
      ),
    });
  }
  log(`Created ${list.length} facilities, ${monthList.length} months.`);

  const rowsPerTx = Math.max(1, Math.floor(FACTS_PER_TRANSACTION / monthList.length));
  let rows: { facility: string; service: string; prefix: string; values: number[] }[] = [];
  let facts = 0;
  let lastLog = Date.now();
  const flush = async () => {
    if (!rows.length) return;
    await write(driver, CREATE_FACTS, {
      variable: GENERATED_VARIABLE,
      months: monthList.map((m) => m.key),
      suffixes: monthList.map((m) => m.suffix),
      rows,
    });
    facts += rows.length * monthList.length;
    rows = [];
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const rate = facts / ((Date.now() - started) / 1000);
      log(`  ${facts.toLocaleString("en")} facts (${Math.round(rate).toLocaleString("en")}/s)`);
    }
  };
  for (const facility of list) {
    for (const [service, base] of Object.entries(facility.services)) {
      rows.push({
        facility: facility.key,
        service,
        prefix: `gen-f-${facility.key.slice("gen-fac-".length)}-${service}-`,
        values: monthList.map((m) => monthlyValue(base, facility, m, random)),
      });
      if (rows.length >= rowsPerTx) await flush();
    }
  }
  await flush();
  // The facts were written outside the seed steps: their summaries are rebuilt from them.
  await rebuildFactSummaries(driver);

  const seconds = (Date.now() - started) / 1000;
  const info: GenerationInfo = {
    size,
    facilities: list.length,
    months: monthList.length,
    facts,
    generatedAt: new Date().toISOString(),
    seconds: Math.round(seconds),
  };
  writeFileSync(MARKER, `${JSON.stringify(info, null, 2)}\n`);
  log(
    `Generated size ${size}: ${list.length.toLocaleString("en")} facilities, ` +
      `${facts.toLocaleString("en")} facts in ${seconds.toFixed(0)} s.`,
  );
  return info;
}

/** Generates `size` unless the database already holds exactly that. */
export async function ensureGenerated(
  driver: Driver,
  size: Size,
  log: (line: string) => void,
  force = false,
): Promise<GenerationInfo> {
  const info = generatedInfo();
  if (!force && info?.size === size) {
    const { records } = await driver.executeQuery(
      `MATCH (f:Fact) WHERE f.key STARTS WITH 'gen-' RETURN count(f) AS n`,
    );
    if (Number(records[0]?.get("n")) === info.facts) {
      log(`The benchmark database already holds size ${size} (${info.facts} generated facts).`);
      return info;
    }
  }
  return generate(driver, size, log);
}

export function parseSize(argv: string[]): Size {
  const i = argv.indexOf("--size");
  const value = (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--size="))?.slice(7)) ?? "S";
  const size = value.toUpperCase();
  if (size !== "S" && size !== "M" && size !== "L") {
    throw new Error(`--size must be S, M or L (got "${value}")`);
  }
  return size;
}

async function main() {
  const size = parseSize(process.argv);
  const log = (line: string) => console.log(`[bench:generate] ${line}`);
  const bench = await startBenchNeo4j(log);
  stopOnSignals(bench.stop);
  try {
    await ensureGenerated(bench.driver, size, log, process.argv.includes("--force"));
  } finally {
    await bench.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
