// `/drafts`: a curator pastes (or uploads) a new document, drafts its facts (one `draft` request:
// nothing is written), reviews every figure (accept, correct, reject) beside the text with each
// quote marked, and commits the settled facts file (one `ingestDocument` request). Both requests
// carry the curator's bearer token. Editing makes no request. The parts are in ../drafts/.
import { Heading, useTitle } from "../components";
import { DraftForm } from "../drafts/draft-form";
import { ReviewPanel } from "../drafts/review-panel";
import { useDraftWork } from "../drafts/use-draft-work";

export function DraftsView() {
  useTitle("Draft a document");
  const work = useDraftWork();
  const drafted = work.work.drafted;
  return (
    <div class="drafts">
      <Heading>Draft a document’s facts</Heading>
      <p class="lead">
        Paste a new press release (or upload its .txt file) and draft it: every figure is proposed
        with its quote, entity, variable, period and statistic, beside what the graph already says.
        Accept, correct or reject each figure, then commit them. Both take a curator’s token.
        Nothing is written until you commit.
      </p>
      <DraftForm {...work} />
      {drafted && <ReviewPanel {...work} drafted={drafted} />}
    </div>
  );
}
