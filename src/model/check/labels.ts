import type { SeedBundle, SeedDocument } from "../bundle.js";
import type { Label } from "../entity.js";
import type { SeedCheck } from "./seed-check.js";

/** The first document whose text holds the label's words (case aside), if any. */
export function documentOfLabel(
  label: Pick<Label, "text">,
  documents: readonly SeedDocument[],
): SeedDocument | undefined {
  const words = label.text.toLowerCase();
  return documents.find((d) => lowerText(d).includes(words));
}

const lowered = new WeakMap<SeedDocument, string>();
function lowerText(doc: SeedDocument): string {
  let text = lowered.get(doc);
  if (text === undefined) {
    text = doc.text.toLowerCase();
    lowered.set(doc, text);
  }
  return text;
}

/**
 * Step 3b: a label that says it comes from the text (`from: text`) occurs in a document; one
 * that does not is a curated name or translation and must say so (`from: curated`).
 */
export function checkLabels(check: SeedCheck, bundle: SeedBundle): void {
  for (const item of [...bundle.entities, ...bundle.variables]) {
    item.labels.forEach((label, i) => {
      if (label.from !== "text" || documentOfLabel(label, bundle.documents)) return;
      check.problem(
        item,
        `labels[${i}].from`,
        `"${label.text}" occurs in no document: a name the curators give is from: curated`,
      );
    });
  }
}
