import type { Driver, ManagedTransaction, ProfiledPlan, QueryResult, Session } from "neo4j-driver";

/**
 * A driver that PROFILEs every query run through it and adds up Neo4j's db
 * hits, rows and queries: wrapped around the driver handed to this server and
 * to @neo4j/graphql, it measures what one GraphQL operation costs the database,
 * whatever number of queries the server sends for it.
 */

export interface Tally {
  queries: number;
  dbHits: number;
  /** Each query's text (first line) and db hits, in order. */
  detail: { query: string; dbHits: number }[];
}

export function newTally(): Tally {
  return { queries: 0, dbHits: 0, detail: [] };
}

export function planDbHits(plan: ProfiledPlan | false | undefined): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((sum, child) => sum + planDbHits(child), 0);
}

/** `PROFILE` placed after any `CYPHER ...` pre-parser lines (as @neo4j/graphql sends). */
export function profiled(query: string): string {
  const lines = query.split("\n");
  let i = 0;
  while (i < lines.length && /^\s*CYPHER\b/i.test(lines[i] ?? "")) i += 1;
  lines.splice(i, 0, "PROFILE");
  return lines.join("\n");
}

export function profilingDriver(driver: Driver, tally: () => Tally): Driver {
  const record = async (query: string, run: Promise<QueryResult>) => {
    const result = await run;
    const hits = planDbHits(result.summary.profile);
    const t = tally();
    t.queries += 1;
    t.dbHits += hits;
    t.detail.push({ query: firstLine(query), dbHits: hits });
    return result;
  };
  const wrapTx = (tx: ManagedTransaction) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "run") {
          return (query: string, params?: Record<string, unknown>) =>
            record(query, target.run(profiled(query), params) as unknown as Promise<QueryResult>);
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const wrapSession = (session: Session) =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === "executeRead" || prop === "executeWrite") {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            (target[prop] as (w: unknown, c?: unknown) => Promise<unknown>).call(
              target,
              (tx: ManagedTransaction) => work(wrapTx(tx)),
              config,
            );
        }
        if (prop === "run") {
          return (query: string, params?: Record<string, unknown>) =>
            record(query, target.run(profiled(query), params) as unknown as Promise<QueryResult>);
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === "session") {
        return (config?: Parameters<Driver["session"]>[0]) => wrapSession(target.session(config));
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function firstLine(query: string): string {
  return (
    query
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith("//") && !/^CYPHER\b/i.test(l)) ?? ""
  ).slice(0, 80);
}
