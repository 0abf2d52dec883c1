// A key chosen from the drafter's proposals or from every key of its kind, or typed.
import type { ComponentChildren } from "preact";
import type { Lang } from "../lang";
import { nameIn, type Named } from "./choices";

export interface Group {
  label: string;
  options: { key: string; text: string }[];
}

const OTHER = "\u0000other";

/**
 * A key chosen from the proposals or from every key of its kind (a select), or typed (the key
 * field beside it, which always shows the key). A typed key that is no option selects "Another key".
 */
export function KeyPicker({
  id,
  label,
  value,
  groups,
  list,
  hint,
  attention,
  none,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  groups: Group[];
  /** A datalist of every key of its kind, for the key field. */
  list: string;
  hint?: ComponentChildren;
  attention?: boolean;
  /** An option for no key at all (a scope), with its text. */
  none?: string;
  onChange: (key: string) => void;
}) {
  const known =
    (none !== undefined && value === "") ||
    groups.some((g) => g.options.some((o) => o.key === value));
  return (
    <div class={`field key-field${attention ? " attention" : ""}`}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={known ? value : OTHER}
        onChange={(event) => {
          const key = event.currentTarget.value;
          if (key === OTHER) document.getElementById(`${id}-key`)?.focus();
          else onChange(key);
        }}
      >
        {none !== undefined && <option value="">{none}</option>}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.text}
                </option>
              ))}
            </optgroup>
          ))}
        <option value={OTHER}>Another key…</option>
      </select>
      <input
        id={`${id}-key`}
        class="key-input"
        type="text"
        list={list}
        aria-label={`${label}: key`}
        value={value}
        spellcheck={false}
        autocomplete="off"
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {hint && <div class="field-hint small muted">{hint}</div>}
    </div>
  );
}

export const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The proposals first (with how sure), then every other key of the kind. */
export function groupsOf(
  proposals: readonly { key: string; score: number }[],
  all: readonly Named[],
  byKey: Map<string, Named>,
  lang: Lang,
  extra: Group[] = [],
): Group[] {
  const proposed = new Set(proposals.map((p) => p.key));
  const text = (key: string) => {
    const n = byKey.get(key);
    return n ? `${nameIn(lang, n)} (${key})` : key;
  };
  return [
    {
      label: "Proposed",
      options: proposals.map((p) => ({ key: p.key, text: `${text(p.key)}, ${percent(p.score)}` })),
    },
    ...extra.map((g) => ({ ...g, options: g.options.filter((o) => !proposed.has(o.key)) })),
    {
      label: "Others",
      options: all
        .filter(
          (n) => !proposed.has(n.key) && !extra.some((g) => g.options.some((o) => o.key === n.key)),
        )
        .map((n) => ({ key: n.key, text: text(n.key) })),
    },
  ];
}

/** Why the drafter proposes the key shown, or that the curator chose it. */
export function why(
  candidates: readonly { key: string; score: number; why: string }[],
  key: string,
) {
  const c = candidates.find((x) => x.key === key);
  if (c) return `Proposed (${percent(c.score)}): ${c.why}.`;
  if (candidates.length === 0) return "The drafter had no proposal.";
  return "Your choice: the drafter did not propose it.";
}
