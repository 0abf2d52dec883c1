import type { Db } from "../db/db.js";
import { keyOrId, type Named } from "../global-id.js";
import { notFound } from "../input-error.js";

/** A key that an argument names: the argument's path, what it names, the key, what was given. */
export interface NamedKey {
  argument: string;
  named: Named;
  key: string;
  /** As the client gave it (the key, or an id). */
  given: string;
}

const WHAT: Record<Named, string> = {
  entity: "entity",
  period: "period",
  variable: "variable",
  document: "document",
  fact: "fact",
  citation: "citation",
  entityOrFact: "entity or fact",
};

/** The named keys of the arguments that were given (`key` null: not given). */
export function namedKeys(
  ...names: { argument: string; named: Named; key: string | null; given?: string | null }[]
): NamedKey[] {
  return names.flatMap(({ argument, named, key, given }) =>
    key === null ? [] : [{ argument, named, key, given: given ?? key }],
  );
}

/**
 * Rejects with a NOT_FOUND error naming the first argument whose key names nothing
 * (`no entity has the key "x"`). One query for all of them (keys-found.cypher), read once per
 * request for the same names.
 */
export async function requireNamed(db: Db, names: readonly NamedKey[]): Promise<void> {
  if (names.length === 0) return;
  const params = names.map(({ named, key }) => ({ named, key }));
  const found = await db.once(`keys-found:${JSON.stringify(params)}`, () =>
    db.read<{ found: boolean }>("keys-found", { names: params }),
  );
  for (const [i, name] of names.entries()) {
    if (found[i]?.found === false)
      throw notFound(name.argument, `no ${WHAT[name.named]} has ${keyOrId(name.given, name.key)}`);
  }
}
