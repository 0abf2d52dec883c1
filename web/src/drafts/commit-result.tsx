// What a commit wrote (`/drafts`): the document and its new and corroborated facts, each a link.
import { formatFact, kindText } from "../format";
import { useLang } from "../lang";
import { href } from "../router";
import type { Ingested } from "./use-draft-work";

/** "new fact", "new facts". */
export const words = (n: number, one: string) => `${one}${n === 1 ? "" : "s"}`;
const count = (n: number, one: string) => `${n} ${words(n, one)}`;

export function Committed({ result, startOver }: { result: Ingested; startOver: () => void }) {
  const doc = result.document;
  const lang = useLang();
  const row = (f: Ingested["facts"][number]) => (
    <li key={f.key}>
      <a href={href.fact(f.about.key, f.key)}>
        <code>{f.key}</code>
      </a>{" "}
      {formatFact({ value: f.value, unit: f.unit, qualifiers: f.qualifiers })}
    </li>
  );
  return (
    <div class="success" role="status" id="commit-done" tabIndex={-1}>
      <h3>Committed</h3>
      <p>
        <a class="committed-document" href={href.document(doc.key)}>
          {doc.title}
        </a>{" "}
        ({doc.date}) is in the graph, with {count(result.facts.length, "new fact")},{" "}
        {result.entities.length} new {result.entities.length === 1 ? "entity" : "entities"} and{" "}
        {count(result.corroborated.length, "new citation")} of the graph’s facts. The change log
        records who wrote them.
      </p>
      {result.facts.length > 0 && (
        <>
          <h4>New facts</h4>
          <ul class="committed-facts">{result.facts.map(row)}</ul>
        </>
      )}
      {result.entities.length > 0 && (
        <>
          <h4>New entities</h4>
          <ul class="committed-entities">
            {result.entities.map((e) => (
              <li key={e.key}>
                <a href={href.entity(e.key)}>{lang === "ES" ? e.nameEs : e.name}</a>{" "}
                <code>{e.key}</code> ({kindText(e.kind).toLowerCase()})
              </li>
            ))}
          </ul>
        </>
      )}
      {result.corroborated.length > 0 && (
        <>
          <h4>Corroborated facts</h4>
          <ul class="committed-corroborated">{result.corroborated.map(row)}</ul>
        </>
      )}
      <p>
        <button type="button" onClick={startOver}>
          Draft another document
        </button>
      </p>
    </div>
  );
}
