import type { DraftEntity } from "./draft-graph.js";

/** Whose figure it is: the program or organization the sentence names, else the document's. */
export function scopeOf(
  about: DraftEntity | undefined,
  namedBefore: string | null,
  docOrg: string | null,
): string | null {
  if (!about) return null;
  if (about.kind === "Organization" && about.key === docOrg) return null;
  const scope = namedBefore && namedBefore !== about.key ? namedBefore : docOrg;
  return scope && scope !== about.key ? scope : null;
}
