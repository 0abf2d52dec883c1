import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

describe("the HTTP server over the seeded Neo4j", () => {
  let driver: Driver;
  let database: string | undefined;
  let server: TestServer;

  beforeAll(async () => {
    ({ driver, database } = testDriver());
    server = await startTestServer(driver, database);
  });
  afterAll(async () => {
    await server.close();
    await driver.close();
  });

  it("answers { __typename }", async () => {
    const { status, body } = await server.graphql("{ __typename }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ __typename: "Query" });
  });

  it("reads the Institute from Neo4j", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (n:Organization {key: 'imss'}) RETURN n.name AS name, n.aliases AS aliases",
      {},
      { database },
    );
    expect(records).toHaveLength(1);
    const { status, body } = await server.graphql<{
      institute: { key: string; name: string; aliases: string[] };
    }>("{ institute { key name aliases } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.institute).toEqual({
      key: "imss",
      name: records[0]?.get("name"),
      aliases: records[0]?.get("aliases"),
    });
    expect(body.data?.institute.name).toMatch(/Mexican Institute of Social Security/);
    expect(body.data?.institute.aliases).toContain("IMSS");
  });

  it("serves GraphiQL to a browser and liveness at /health", async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("GraphiQL");
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });
});
