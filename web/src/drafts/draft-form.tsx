// The document to draft (`/drafts`): its text (pasted or uploaded), id, language and the
// curator's token; "Draft" sends one `draft` request (use-draft-work.ts).
import { ApiError } from "../client";
import { idOfFileName, type DraftWork, type Language } from "./use-draft-work";

function DocumentText({ work, setForm }: DraftWork) {
  return (
    <div class="field field-wide">
      <label for="draft-text">Its whole text</label>
      <textarea
        id="draft-text"
        rows={8}
        value={work.form.text}
        spellcheck={false}
        aria-describedby="draft-text-hint"
        placeholder=" date 2022-01-20 The Institute reported …"
        onInput={(event) => setForm({ text: event.currentTarget.value })}
      />
      <div id="draft-text-hint" class="field-hint small muted">
        It starts with its date: <code>" date YYYY-MM-DD "</code>, as the seed documents do. Offsets
        count from that first space.
      </div>
    </div>
  );
}

function DocumentFields({ work, setForm }: DraftWork) {
  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = (await file.text()).replace(/^\uFEFF/, "");
    setForm({ text, id: idOfFileName(file.name) });
  }
  return (
    <>
      <div class="field">
        <label for="draft-file">Or upload a .txt file</label>
        <input id="draft-file" type="file" accept=".txt,text/plain" onChange={upload} />
      </div>
      <div class="field">
        <label for="draft-id">Document id</label>
        <input
          id="draft-id"
          type="text"
          value={work.form.id}
          spellcheck={false}
          autocomplete="off"
          placeholder="950_new_release"
          aria-describedby="draft-id-hint"
          onInput={(event) => setForm({ id: event.currentTarget.value })}
        />
        <div id="draft-id-hint" class="field-hint small muted">
          A file name without .txt (from the file’s name when you upload one).
        </div>
      </div>
      <div class="field">
        <label for="draft-language">Language</label>
        <select
          id="draft-language"
          value={work.form.language}
          onChange={(event) => setForm({ language: event.currentTarget.value as Language })}
        >
          <option value="">Detect it from the text</option>
          <option value="EN">English</option>
          <option value="ES">Spanish (español)</option>
        </select>
      </div>
    </>
  );
}

function TokenField({ token, setToken }: DraftWork) {
  return (
    <div class="field">
      <label for="curator-token">Curator token</label>
      <input
        id="curator-token"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={token}
        aria-describedby="curator-token-hint"
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      <div id="curator-token-hint" class="field-hint small muted">
        Sent as a bearer token with the draft and the commit; kept in this tab (sessionStorage),
        forgotten when it closes.
      </div>
    </div>
  );
}

function DraftFailure({ error }: { error: DraftWork["draftError"] }) {
  if (error instanceof ApiError)
    return (
      <div class="error" role="alert" data-error-code={error.code}>
        <h3>
          {error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN"
            ? "The draft failed: the token was refused"
            : "The draft failed"}
        </h3>
        <p class="server-message">{error.message}</p>
      </div>
    );
  if (!error) return null;
  return (
    <div class="error" role="alert">
      <h3>Not drafted</h3>
      <ul>
        {error.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

export function DraftForm(props: DraftWork) {
  const { work, drafting, runDraft, startOver } = props;
  return (
    <form class="draft-form" onSubmit={runDraft} aria-labelledby="draft-form-h">
      <h2 id="draft-form-h">The document</h2>
      <DocumentText {...props} />
      <div class="form-row">
        <DocumentFields {...props} />
        <TokenField {...props} />
      </div>
      <p class="actions">
        <button type="submit" class="primary" disabled={drafting}>
          {drafting ? "Drafting…" : "Draft"}
        </button>
        {drafting && (
          <span role="status" class="muted">
            Drafting against the graph…
          </span>
        )}
        {(work.drafted || work.form.text) && (
          <button type="button" onClick={startOver}>
            Start over
          </button>
        )}
      </p>
      <DraftFailure error={props.draftError} />
    </form>
  );
}
