// `/checks`: where the sources disagree (each pair, in their own words), the values that changed
// between releases (value-changes.tsx), and whether the parts of known totals add up (parts,
// their sum, each stated total and the difference).
import { useEffect } from "preact/hooks";
import {
  Citations,
  ErrorMessage,
  FactBadges,
  FactValue,
  Heading,
  Loading,
  useTitle,
  type Fact,
} from "../components";
import { formatNumber, statisticText } from "../format";
import type { ResultOf } from "../graphql";
import { useLang } from "../lang";
import { ChecksQuery } from "../queries";
import { href } from "../router";
import { useQuery } from "../use-query";
import { ValueChanges } from "./value-changes";

export function ChecksView({ hash }: { hash: string }) {
  useTitle("Check the numbers");
  const lang = useLang();
  const { data, error, retry } = useQuery(ChecksQuery, { lang });
  useEffect(() => {
    if (!data || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    el.classList.add("targeted");
    el.scrollIntoView({ block: "center" });
    return () => el.classList.remove("targeted");
  }, [data, hash]);
  return (
    <div class="checks">
      <Heading>Check the numbers</Heading>
      <p class="lead">
        The graph keeps what each source says. Here is where they disagree, and whether the parts of
        each known total add up.
      </p>
      {error && <ErrorMessage error={error} retry={retry} />}
      {!data && !error && <Loading what="the checks" />}
      {data && (
        <>
          <Conflicts conflicts={data.conflicts} />
          <section aria-labelledby="value-changes-h">
            <h2 id="value-changes-h">Changes between releases</h2>
            <p class="small muted">
              Where a later release states another value than an earlier one for the same thing (a
              count at two dates, a running total from the same start, daily averages of like
              periods): both values, each with its source.
            </p>
            {data.valueChanges && (
              <ValueChanges first={data.valueChanges} about={null} lang={lang} />
            )}
          </section>
          <section aria-labelledby="consistency-h">
            <h2 id="consistency-h">Do the parts add up? ({data.consistencyChecks.length})</h2>
            {data.consistencyChecks.map((check) => (
              <ConsistencyCheck key={check.key} check={check} />
            ))}
          </section>
        </>
      )}
    </div>
  );
}

type Checks = ResultOf<typeof ChecksQuery>;

function Conflicts({ conflicts }: { conflicts: Checks["conflicts"] }) {
  return (
    <section aria-labelledby="conflicts-h">
      <h2 id="conflicts-h">Conflicts ({conflicts.length})</h2>
      {conflicts.map((c) => (
        <section
          key={c.facts.map((f) => f.key).join("|")}
          class="conflict"
          id={c.facts[0] ? `conflict-${c.facts[0].key}` : undefined}
        >
          <h3>
            {c.facts[0]?.variable.name}:{" "}
            <a href={href.entity(c.facts[0]?.about.key ?? "")}>{c.facts[0]?.about.name}</a>,{" "}
            {c.facts[0]?.period.name}
          </h3>
          <div class="versus">
            {c.facts.map((f, i) => (
              <div key={f.key} class="side" id={i > 0 ? `conflict-${f.key}` : undefined}>
                <p class="small muted">
                  {f.citations.map((x) => `${x.document.title}`).join("; ")}
                </p>
                <p class="big">
                  <FactValue fact={f} />
                </p>
                <Citations citations={f.citations} />
                <FactBadges fact={f} />
              </div>
            ))}
          </div>
          <p class="note">{c.note}</p>
        </section>
      ))}
    </section>
  );
}

function ConsistencyCheck({ check }: { check: Checks["consistencyChecks"][number] }) {
  return (
    <section class="check" id={`check-${check.key}`}>
      <h3>
        {check.name}{" "}
        <span class={`badge ${check.consistent ? "badge-ok" : "badge-conflict"}`}>
          {check.consistent ? "adds up" : "does not add up"}
        </span>
      </h3>
      <p class="small muted">{check.description}</p>
      <table class="sum stack">
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" class="num">
              Figure
            </th>
            <th scope="col">Source’s words</th>
          </tr>
        </thead>
        <tbody>
          {check.parts.map((p) => (
            <PartRow key={p.key} fact={p} />
          ))}
        </tbody>
        <tfoot>
          <tr class="sum-row">
            <th scope="row">Sum of the parts</th>
            <td class="num" data-label="Sum">
              <strong>{formatNumber(check.partsSum, check.parts[0]?.unit)}</strong>
            </td>
            <td />
          </tr>
          {check.totals.map((t) => (
            <tr key={t.total.key} class="total-row">
              <th scope="row">Stated total ({t.total.citations[0]?.document.date ?? "source"})</th>
              <td class="num" data-label="Stated">
                <FactValue fact={t.total} />
                <div class={`difference ${t.difference ? "off" : "ok"}`}>
                  difference {t.difference && t.difference > 0 ? "+" : ""}
                  {formatNumber(t.difference, t.total.unit)}
                </div>
              </td>
              <td data-label="Source’s words">
                <Citations citations={t.total.citations} />
              </td>
            </tr>
          ))}
        </tfoot>
      </table>
    </section>
  );
}

function PartRow({ fact }: { fact: Fact }) {
  return (
    <tr>
      <th scope="row" data-label="Part">
        <a href={href.entity(fact.about.key)}>{fact.about.name}</a>
        <div class="small muted">
          {statisticText(fact.statistic)}, {fact.period.name}
        </div>
      </th>
      <td class="num" data-label="Figure">
        <FactValue fact={fact} />
        <FactBadges fact={fact} />
      </td>
      <td data-label="Source’s words">
        <Citations citations={fact.citations} />
      </td>
    </tr>
  );
}
