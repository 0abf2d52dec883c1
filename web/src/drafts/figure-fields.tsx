// The fields of a figure's card that the curator corrects: its keys (entity, variable, period,
// scope, period of comparison), its statistic, value, qualifier and unit, its quote and fact key.
import { factKeyOf, locateQuote, valueOf } from "../../../src/draft/figure-edit";
import { formatFact, qualifierText, statisticText, type Unit } from "../format";
import type { Lang } from "../lang";
import { nameIn, type Choices } from "./choices";
import {
  QUALIFIERS,
  STATISTICS,
  UNITS,
  type Draft,
  type DraftFigure,
  type FigureEdit,
} from "./draft-answer";
import { groupsOf, KeyPicker, why, type Group } from "./key-picker";
import { newEntityGroup, newEntityHint } from "./new-entity-fields";

/** What every part of a figure's card is given. */
export interface CardProps {
  draft: Draft;
  figure: DraftFigure;
  edit: FigureEdit;
  text: string;
  choices: Choices;
  lang: Lang;
  onChange: (patch: Partial<FigureEdit>) => void;
}

const UNIT_TEXT: Record<Unit, string> = {
  COUNT: "count",
  PEOPLE: "people",
  JOBS: "jobs",
  PESOS: "pesos",
  PESOS_PER_DAY: "pesos a day",
  YEARS: "years",
  PERCENT: "percent",
};

/** The fields of `unsettled` ("about: unsure (...)" → about). */
export function unsettledFields(f: DraftFigure): Set<string> {
  return new Set(f.unsettled.map((u) => u.split(":")[0]?.trim() ?? ""));
}

const idOf = (f: DraftFigure) => (field: string) => `f${f.index}-${field}`;

/** The group of the figure's new period, offered beside the graph's periods. */
function newPeriodGroup({ figure: f, choices, lang }: CardProps): Group[] {
  if (!f.newPeriod) return [];
  const n = choices.byKey.get(f.newPeriod.key);
  const name = n ? nameIn(lang, n) : f.newPeriod.key;
  return [
    {
      label: "New period (added with the document)",
      options: [{ key: f.newPeriod.key, text: `${name} (${f.newPeriod.key}), new` }],
    },
  ];
}

function EntityFields(props: CardProps) {
  const { figure: f, edit, choices, lang, onChange } = props;
  const unsettled = unsettledFields(f);
  const pick = (
    field: "about" | "variable" | "period",
    label: string,
    all: Choices["things"],
    list: string,
    hint = why(f[field], edit[field]),
    extra: Group[] = [],
  ) => (
    <KeyPicker
      id={idOf(f)(field)}
      label={label}
      value={edit[field]}
      groups={groupsOf(f[field], all, choices.byKey, lang, extra)}
      list={list}
      attention={unsettled.has(field)}
      hint={hint}
      onChange={(key) => onChange({ [field]: key })}
    />
  );
  const newPeriod = edit.period === f.newPeriod?.key ? f.newPeriod : undefined;
  return (
    <>
      {pick(
        "about",
        "About (entity)",
        choices.things,
        "draft-things",
        newEntityHint(edit) ?? why(f.about, edit.about),
        newEntityGroup(props),
      )}
      {pick("variable", "Variable", choices.variables, "draft-variables")}
      {pick(
        "period",
        "Period",
        choices.periods,
        "draft-periods",
        newPeriod
          ? `A new period, ${newPeriod.start} to ${newPeriod.end}: it is added with the document (name it below, under Commit).`
          : why(f.period, edit.period),
        newPeriodGroup(props),
      )}
    </>
  );
}

function StatisticField(props: CardProps) {
  const { figure: f, edit, choices, lang, onChange } = props;
  const id = idOf(f);
  return (
    <>
      <div class="field">
        <label for={id("statistic")}>Statistic</label>
        <select
          id={id("statistic")}
          value={edit.statistic}
          onChange={(event) =>
            onChange({ statistic: event.currentTarget.value as FigureEdit["statistic"] })
          }
        >
          {STATISTICS.map((s) => (
            <option key={s} value={s}>
              {statisticText(s)}
            </option>
          ))}
        </select>
      </div>
      {edit.statistic === "INCREASE" && (
        <KeyPicker
          id={id("comparedTo")}
          label="Compared with (period)"
          value={edit.comparedTo}
          groups={groupsOf(
            f.comparedTo ? [{ key: f.comparedTo, score: 1 }] : [],
            choices.periods,
            choices.byKey,
            lang,
            newPeriodGroup(props),
          )}
          list="draft-periods"
          attention={unsettledFields(f).has("comparedTo")}
          onChange={(comparedTo) => onChange({ comparedTo })}
        />
      )}
    </>
  );
}

function ValueFields({ figure: f, edit, onChange }: CardProps) {
  const id = idOf(f);
  const value = valueOf(edit);
  const shown = formatFact({
    value: Number.isNaN(value) ? null : value,
    unit: edit.unit,
    qualifiers: [edit.qualifier],
  });
  return (
    <>
      <div class={`field${unsettledFields(f).has("value") ? " attention" : ""}`}>
        <label for={id("value")}>Value</label>
        <input
          id={id("value")}
          type="text"
          inputMode="decimal"
          value={edit.value}
          aria-describedby={id("value-hint")}
          aria-invalid={Number.isNaN(value) ? "true" : undefined}
          onInput={(event) => onChange({ value: event.currentTarget.value })}
        />
        <div id={id("value-hint")} class="field-hint small muted">
          {Number.isNaN(value)
            ? "Not a number: digits, with a decimal point if need be."
            : value === null
              ? "Empty: the number cannot be read (its citation is marked garbled)."
              : `Reads: ${shown}. The words “${f.raw}”.`}
        </div>
      </div>
      <div class="field">
        <label for={id("qualifier")}>Qualifier</label>
        <select
          id={id("qualifier")}
          value={edit.qualifier}
          onChange={(event) =>
            onChange({ qualifier: event.currentTarget.value as FigureEdit["qualifier"] })
          }
        >
          {QUALIFIERS.map((q) => (
            <option key={q} value={q}>
              {qualifierText([q]) || "exact"}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id("unit")}>Unit</label>
        <select
          id={id("unit")}
          value={edit.unit}
          onChange={(event) => onChange({ unit: event.currentTarget.value as FigureEdit["unit"] })}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_TEXT[u]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

function WordsFields({ draft, figure: f, edit, text, choices, lang, onChange }: CardProps) {
  const id = idOf(f);
  const quoteAt = locateQuote(text, edit.quote, f.start);
  return (
    <>
      <KeyPicker
        id={id("scope")}
        label="Whose figure (scope)"
        value={edit.scope}
        none="(its entity’s own)"
        groups={groupsOf(
          f.scope ? [{ key: f.scope, score: 1 }] : [],
          choices.things.filter((t) => t.kind === "ORGANIZATION" || t.kind === "PROGRAM"),
          choices.byKey,
          lang,
        )}
        list="draft-things"
        onChange={(scope) => onChange({ scope })}
      />
      <div class="field field-wide">
        <label for={id("quote")}>Quote (the words that state it)</label>
        <input
          id={id("quote")}
          type="text"
          value={edit.quote}
          aria-describedby={id("quote-hint")}
          aria-invalid={quoteAt < 0 ? "true" : undefined}
          onInput={(event) => onChange({ quote: event.currentTarget.value })}
        />
        <div id={id("quote-hint")} class="field-hint small muted">
          {quoteAt < 0
            ? "These words are not in the text."
            : `At chars ${quoteAt}–${quoteAt + edit.quote.length}.`}
        </div>
      </div>
      <div class="field field-wide">
        <label for={id("key")}>Fact key</label>
        <input
          id={id("key")}
          type="text"
          value={factKeyOf(draft.id, f, edit)}
          spellcheck={false}
          autocomplete="off"
          onInput={(event) => onChange({ key: event.currentTarget.value })}
        />
      </div>
    </>
  );
}

/** Every field of a new fact, in the order of the seed format. */
export function FigureFields(props: CardProps) {
  return (
    <div class="fields">
      <EntityFields {...props} />
      <StatisticField {...props} />
      <ValueFields {...props} />
      <WordsFields {...props} />
    </div>
  );
}
