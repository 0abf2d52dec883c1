import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DRAFT_LIMITS, type DraftLimits } from "../src/config.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver, testNeo4jEnv } from "./support/neo4j.js";
import { freePort, spawnMain, stopAllMains } from "./support/spawn-server.js";

/**
 * No draft can stall the server: `draft` is a curator's, with a size limit, a rate per curator
 * and a time budget; its work runs in the worker pool, so that /health answers while worst-case
 * drafts run; SIGTERM stops the server while they do. Against real servers over the run's Neo4j.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions
type Any = any;

const TOKEN = "draft-limits-curator-token-0123456789";
const CURATOR = { authorization: `Bearer ${TOKEN}` };
const AUTH = { curatorToken: TOKEN, jwtSecret: undefined, jwtIssuer: undefined };

const DRAFT = `query ($input: DraftInput!) {
  draft(input: $input) { id figures { value raw } skips { raw reason } }
}`;

/** The tester's first reproduction: 950 figures in one sentence of 2,000 characters. */
const TEN_NUMBERS = ` date 2022-01-20 ${"1 2 3 4 5 6 7 8 9 10 ".repeat(95)}`;
/** Worst-case text of `size` characters: one sentence of numbers. */
const worstCase = (size: number) =>
  ` date 2022-01-20 ${"1 2 3 4 5 6 7 8 9 10 ".repeat(Math.ceil(size / 21))}`.slice(0, size);

/** How long /health takes to answer (ms). */
async function healthTime(server: TestServer): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.url}/health`);
  expect(response.status).toBe(200);
  return performance.now() - started;
}

describe("draft's limits", () => {
  const { driver, database } = testDriver();
  const servers: TestServer[] = [];
  const start = async (draft: Partial<DraftLimits>) => {
    const server = await startTestServer(driver, database, {
      auth: AUTH,
      draft: { ...DEFAULT_DRAFT_LIMITS, perMinute: 1_000, burst: 100, ...draft },
    });
    servers.push(server);
    return server;
  };
  let server: TestServer;
  beforeAll(async () => {
    server = await start({});
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await driver.close();
  });

  it("refuses an anonymous draft", async () => {
    const { body } = await server.graphql<Any>(DRAFT, {
      input: { id: "anonymous", text: " date 2022-01-20 It has 12 hospitals." },
    });
    expect(body.data?.draft ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/curator's bearer token/);
  });

  it("drafts the tester's 950 numbers in one sentence, and /health answers meanwhile", async () => {
    const drafting = server.graphql<Any>(DRAFT, { input: { id: "x", text: TEN_NUMBERS } }, CURATOR);
    const health = await healthTime(server);
    const { body } = await drafting;
    expect(body.errors).toBeUndefined();
    expect(body.data.draft.figures).toHaveLength(950);
    expect(health).toBeLessThan(1_000);
  });

  it("refuses a text over DRAFT_MAX_CHARS (the tester's 50,000 characters), naming input.text", async () => {
    const { body } = await server.graphql<Any>(
      DRAFT,
      { input: { id: "x", text: worstCase(50_000) } },
      CURATOR,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "input.text",
    });
    expect(body.errors?.[0]?.message).toMatch(
      new RegExp(`input\\.text.*at most ${DEFAULT_DRAFT_LIMITS.maxChars} characters`),
    );
  });

  it("drafts 50,000 worst-case characters when the limit allows them, within the default budget", async () => {
    const roomy = await start({ maxChars: 50_000 });
    const { body } = await roomy.graphql<Any>(
      `query ($input: DraftInput!) { draft(input: $input) { skips { raw } } }`,
      { input: { id: "x", text: worstCase(50_000) } },
      CURATOR,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.draft.skips).toEqual([]);
  }, 60_000);

  it("cancels a draft over its time budget with TIMEOUT naming input.text; the next draft works", async () => {
    // The longest worst case the settings allow, against their shortest budget: several times
    // over it even on a quiet machine.
    const hurried = await start({ maxChars: 50_000, timeoutMs: 100, workers: 1 });
    const started = performance.now();
    const { status, body } = await hurried.graphql<Any>(
      DRAFT,
      { input: { id: "x", text: worstCase(50_000) } },
      CURATOR,
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "TIMEOUT",
      argument: "input.text",
      timeoutMs: 100,
    });
    expect(body.errors?.[0]?.message).toMatch(/time budget of 100 ms and was cancelled/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // A new worker takes the cancelled one's place.
    const next = await hurried.graphql<Any>(
      DRAFT,
      { input: { id: "y", text: " date 2022-01-20 It has 12 hospitals." } },
      CURATOR,
    );
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data.draft.figures).toEqual([{ value: 12, raw: "12" }]);
  });

  it("tells a curator over the rate when to retry (RATE_LIMITED)", async () => {
    const strict = await start({ perMinute: 1, burst: 2 });
    const input = { input: { id: "x", text: " date 2022-01-20 It has 12 hospitals." } };
    const answers: Any[] = [];
    for (let i = 0; i < 3; i++)
      answers.push((await strict.graphql<Any>(DRAFT, input, CURATOR)).body);
    expect(answers[0].errors).toBeUndefined();
    expect(answers[1].errors).toBeUndefined();
    expect(answers[2].errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(answers[2].errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(answers[2].errors?.[0]?.message).toMatch(/retry in \d+ s/);
  });

  it("flags a 400-digit number as unreadable and skips it with the reason, never Infinity", async () => {
    const digits = "7".repeat(400);
    const { body } = await server.graphql<Any>(
      DRAFT,
      {
        input: {
          id: "x",
          text: ` date 2022-01-20 IMSS has ${digits} rural hospitals and 12 clinics.`,
        },
      },
      CURATOR,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.draft.figures.map((f: Any) => f.value)).toEqual([12]);
    expect(body.data.draft.skips).toEqual([
      {
        raw: digits,
        reason: expect.stringMatching(/cannot be read .*too large to read exactly/),
      },
    ]);
  });

  it("answers /health within a second while a burst of worst-case drafts runs", async () => {
    const burst = await start({ timeoutMs: 20_000 });
    const drafts = Array.from({ length: 6 }, (_, i) =>
      burst.graphql<Any>(DRAFT, { input: { id: `b${i}`, text: worstCase(20_000) } }, CURATOR),
    );
    let running = true;
    void Promise.all(drafts).finally(() => {
      running = false;
    });
    const times: number[] = [];
    while (running) {
      times.push(await healthTime(burst));
      await new Promise((r) => setTimeout(r, 50));
    }
    const answers = await Promise.all(drafts);
    for (const { body } of answers)
      expect(body.errors?.[0]?.extensions?.code ?? "drafted").toMatch(
        /drafted|TIMEOUT|RATE_LIMITED/,
      );
    expect(answers.some(({ body }) => body.errors === undefined)).toBe(true);
    expect(times.length).toBeGreaterThan(2);
    expect(Math.max(...times)).toBeLessThan(1_000);
  }, 120_000);
});

describe("SIGTERM while drafts run", () => {
  afterAll(stopAllMains);

  it("stops the server promptly: drafts in progress are cancelled, the driver closed", async () => {
    const port = await freePort();
    const main = spawnMain({
      ...testNeo4jEnv(),
      PORT: String(port),
      SEED_ON_START: "false",
      CURATOR_TOKEN: TOKEN,
      DRAFT_MAX_CHARS: "50000",
      DRAFT_TIMEOUT_MS: "60000",
      DRAFT_BURST: "10",
      LOG_FORMAT: "none",
    });
    await main.waitFor(/Ready in/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const drafts = Array.from({ length: 3 }, (_, i) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...CURATOR },
        body: JSON.stringify({
          query: DRAFT,
          variables: { input: { id: `t${i}`, text: worstCase(50_000) } },
        }),
      })
        .then((r) => r.json() as Promise<Any>)
        .catch((error: unknown) => ({ failed: String(error) })),
    );
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    main.child.kill("SIGTERM");
    const code = await main.exited;
    const took = performance.now() - started;
    expect(code).toBe(0);
    expect(took).toBeLessThan(5_000);
    expect(main.output()).toMatch(/SIGTERM: shutting down\.\.\.[\s\S]*stopped\./);
    for (const answer of await Promise.all(drafts))
      if (!("failed" in answer))
        expect(answer.errors?.[0]?.extensions?.code).toBe("SERVER_STOPPING");
  }, 120_000);
});
