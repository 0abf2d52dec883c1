// A figure's proposal of a new entity (`/drafts`): what the drafter proposes and from which words,
// its key, kind and names for the curator to confirm or correct, and the choice between adding it
// with the document and picking an existing entity instead (under "About (entity)"). Figures
// proposing one key share the curator's version (use-draft-work.ts). Editing sends nothing.
import { entityKindOf } from "../../../src/draft/facts-file-entities";
import {
  acceptedEntity,
  type DraftedFigure,
  type NewEntity,
  type NewEntityEdit,
} from "../../../src/draft/figure-edit";
import { ENTITY_KIND } from "../../../src/model/vocabulary";
import { kindText } from "../format";
import type { Lang } from "../lang";
import type { FigureEdit } from "./draft-answer";
import type { CardProps } from "./figure-fields";
import type { Group } from "./key-picker";

/** The figure's proposal, if the draft has one. */
export const proposalOf = (f: DraftedFigure | undefined): NewEntity | null => f?.newEntity ?? null;

/** The kinds a new entity may have (every one but a period), as the API names them. */
const KINDS = Object.entries(ENTITY_KIND)
  .filter(([, k]) => k.value !== "TimePeriod")
  .map(([name, k]) => ({ name, value: k.value }));

/** "Facility type", from either spelling of the kind. */
const kindName = (kind: string) =>
  kindText(KINDS.find((k) => k.value === entityKindOf(kind))?.name ?? kind);

const nameOf = (e: NewEntityEdit, lang: Lang) => (lang === "ES" ? e.es : e.en) || e.key;

/** The group of the figure's new entity, offered first in its "About (entity)" choices. */
export function newEntityGroup({ edit, lang }: Pick<CardProps, "edit" | "lang">): Group[] {
  const e = edit.newEntity;
  if (!e?.key.trim()) return [];
  return [
    {
      label: "New entity (added with the document)",
      options: [{ key: e.key.trim(), text: `${nameOf(e, lang)} (${e.key.trim()}), new` }],
    },
  ];
}

/** The hint of "About (entity)" while the figure keeps its new entity. */
export const newEntityHint = (edit: FigureEdit) =>
  acceptedEntity(edit)
    ? "A new entity proposed by the drafter: it is added with the document, as you name it above."
    : undefined;

function EntityInputs({ figure: f, edit, choices, lang, onChange }: CardProps) {
  const e = edit.newEntity as NewEntityEdit;
  const id = (field: string) => `f${f.index}-new-${field}`;
  const set = (patch: Partial<NewEntityEdit>) => {
    const next = { ...e, ...patch };
    onChange({ newEntity: next, about: next.key.trim() });
  };
  const existing = choices.things.find((t) => t.key === e.key.trim());
  const kind = entityKindOf(e.kind);
  const text = (field: "key" | "en" | "es", label: string, hint?: string) => (
    <div class={`field${field === "key" ? "" : " field-wide"}`}>
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="text"
        lang={field === "es" ? "es" : undefined}
        value={e[field]}
        spellcheck={field !== "key"}
        autocomplete="off"
        aria-describedby={hint ? id(`${field}-hint`) : undefined}
        aria-invalid={hint || !e[field].trim() ? "true" : undefined}
        onInput={(event) => set({ [field]: event.currentTarget.value })}
      />
      {hint && (
        <div id={id(`${field}-hint`)} class="field-hint small muted">
          {hint}
        </div>
      )}
    </div>
  );
  return (
    <div class="fields">
      {text(
        "key",
        "New entity: key",
        existing
          ? `“${nameOf({ ...e, en: existing.name, es: existing.nameEs }, lang)}” has this key already: pick it instead, or give the new entity another key.`
          : undefined,
      )}
      <div class="field">
        <label for={id("kind")}>New entity: kind</label>
        <select
          id={id("kind")}
          value={kind ?? e.kind}
          onChange={(event) => set({ kind: event.currentTarget.value })}
        >
          {!kind && <option value={e.kind}>{e.kind} (no such kind)</option>}
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {kindText(k.name)}
            </option>
          ))}
        </select>
      </div>
      {text("en", "New entity: English name")}
      {text("es", "New entity: Spanish name")}
    </div>
  );
}

/** The proposal on a figure's card, when the drafter made one. */
export function NewEntityFields(props: CardProps) {
  const { figure: f, edit, lang, onChange } = props;
  const proposal = proposalOf(f);
  const e = edit.newEntity;
  if (!proposal || !e) return null;
  const adding = acceptedEntity(edit) !== null;
  const name = `f${f.index}-new-use`;
  return (
    <div
      class="new-entity"
      role="group"
      aria-labelledby={`f${f.index}-new-h`}
      data-new-entity={proposal.key}
    >
      <p id={`f${f.index}-new-h`} class="new-entity-title">
        <strong>
          New {kindName(e.kind).toLowerCase()}: {nameOf(e, lang)}
        </strong>{" "}
        — from “{proposal.words}”
      </p>
      <p class="small">
        <span class="badge status-undecided">to confirm</span> No entity of the graph fits these
        words: the drafter proposes a new one. Its key, kind and names are guesses: confirm or
        correct them.
      </p>
      <fieldset class="record-as">
        <legend>What this figure is about</legend>
        <label>
          <input
            type="radio"
            name={name}
            checked={adding}
            onChange={() => onChange({ about: e.key.trim() })}
          />
          <span>Add the new entity with the document</span>
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={!adding}
            onChange={() => {
              onChange({ about: f.about[0]?.key ?? "todo-about" });
              requestAnimationFrame(() => document.getElementById(`f${f.index}-about`)?.focus());
            }}
          />
          <span>Use an existing entity instead (pick it under “About (entity)”)</span>
        </label>
      </fieldset>
      {adding && <EntityInputs {...props} />}
    </div>
  );
}
