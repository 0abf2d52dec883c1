// What a search box suggests: entities, variables and documents whose names or texts match, in
// the language chosen; asked for once typing pauses (DEBOUNCE_MS), a superseded request aborted.
import { useEffect, useState } from "preact/hooks";
import { ApiError, request } from "./client";
import type { ResultOf } from "./graphql";
import { useLang } from "./lang";
import { SearchQuery } from "./queries";
import { href } from "./router";

export const SEARCH_KINDS = [
  "ORGANIZATION",
  "PROGRAM",
  "FACILITY_TYPE",
  "SERVICE",
  "CONDITION",
  "PLACE",
  "PERSON",
  "TIME_PERIOD",
  "VARIABLE",
  "DOCUMENT",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

type Hit = NonNullable<ResultOf<typeof SearchQuery>["search"]>["edges"][number]["node"];

export interface Suggestion {
  key: string;
  name: string;
  kind: string;
  href: string;
}

function toSuggestion(hit: Hit): Suggestion | undefined {
  const { entity: e, variable: v, document: d } = hit;
  if (e) return { key: e.key, name: e.name, kind: e.kind, href: href.entity(e.key) };
  if (v) return { key: v.key, name: v.name, kind: "VARIABLE", href: href.variable(v.key) };
  if (d) return { key: d.key, name: d.title, kind: "DOCUMENT", href: href.document(d.key) };
  return undefined;
}

export const DEBOUNCE_MS = 200;

/** The suggestions for the text typed, asked for once typing pauses (a superseded one aborted). */
export function useSuggestions(
  text: string,
  kindFilter: readonly SearchKind[] | undefined,
  typed: { current: boolean },
  { setActive, setOpen }: { setActive: (i: number) => void; setOpen: (open: boolean) => void },
) {
  const lang = useLang();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError | undefined>();
  const [searching, setSearching] = useState(false);
  const kindKey = kindFilter?.join(",") ?? "";
  useEffect(() => {
    const query = text.trim().slice(0, 200);
    if (!typed.current || query === "") {
      setSuggestions([]);
      setTotal(0);
      setError(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      request(
        SearchQuery,
        { text: query, kinds: kindFilter ? [...kindFilter] : null, first: 8, lang },
        controller.signal,
      )
        .then((data) => {
          // Null only beside an error, which `request` turns into an ApiError.
          const list = (data.search?.edges ?? [])
            .map((e) => toSuggestion(e.node))
            .filter((s): s is Suggestion => s !== undefined);
          setSuggestions(list);
          setTotal(data.search?.totalCount ?? 0);
          setActive(list.length > 0 ? 0 : -1);
          setError(undefined);
          setOpen(true);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setSuggestions([]);
          setError(ApiError.of(e));
          setOpen(true);
        })
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // kindFilter is captured through kindKey.
  }, [text, kindKey, lang]);
  return { suggestions, total, error, searching };
}
