import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { startTestServer, type TestServer } from "./support/http.js";
import { testDriver } from "./support/neo4j.js";

const servers: TestServer[] = [];
const drivers: { close(): Promise<void> }[] = [];
async function serverWith(corsOrigins: "*" | string[]): Promise<TestServer> {
  const { driver, database } = testDriver();
  drivers.push(driver);
  const server = await startTestServer(driver, database, { corsOrigins });
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(drivers.map((d) => d.close()));
});

/** A browser's preflight, then its request, from `origin`. */
async function fromOrigin(server: TestServer, origin: string) {
  const preflight = await fetch(`${server.url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization",
    },
  });
  const post = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ institute { key } }" }),
  });
  return { preflight, post };
}

describe("CORS_ORIGINS: which frontend apps on other origins may call the API", () => {
  it("reads * (the default) and lists of origins, and refuses what is not an origin, naming the variable", () => {
    expect(loadConfig({}).http.corsOrigins).toBe("*");
    expect(
      loadConfig({ CORS_ORIGINS: "https://app.example.org, http://localhost:5173/" }).http
        .corsOrigins,
    ).toEqual(["https://app.example.org", "http://localhost:5173"]);
    for (const bad of ["app.example.org", "https://app.example.org/path", "ftp://x.org", ","]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });

  it("with *, lets any origin read the API, never with credentials", async () => {
    const server = await serverWith("*");
    const { preflight, post } = await fromOrigin(server, "https://somewhere.example");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://somewhere.example");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    expect(post.headers.get("access-control-allow-origin")).toBe("https://somewhere.example");
    expect(post.headers.get("access-control-allow-credentials")).toBeNull();
    expect(await post.json()).toMatchObject({ data: { institute: { key: "imss" } } });
  });

  it("with a list, answers only the listed origins, with credentials", async () => {
    const server = await serverWith(["https://app.example.org", "http://localhost:5173"]);
    const allowed = await fromOrigin(server, "http://localhost:5173");
    expect(allowed.preflight.headers.get("access-control-allow-origin")).toBe(
      "http://localhost:5173",
    );
    expect(allowed.post.headers.get("access-control-allow-credentials")).toBe("true");
    const other = await fromOrigin(server, "https://evil.example");
    const granted = other.post.headers.get("access-control-allow-origin");
    expect(granted === null || granted === "null").toBe(true);
    expect(other.preflight.headers.get("access-control-allow-origin")).not.toBe(
      "https://evil.example",
    );
  });
});

describe("the explorer's page and assets", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith("*");
  });

  it("answers the app's page at each of its paths, never cached, allowed to reach only this origin", async () => {
    for (const path of [
      "/",
      "/entity/imss",
      "/paths?from=imss-bienestar&to=rural-hospital",
      "/documents/000_c6cef239523a3d84",
      "/checks",
      "/variables/services-delivered",
      "/drafts",
    ]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      const html = await response.text();
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    }
  });

  it("serves each asset the page names, cached for a year, gzip-compressed, 304 when unchanged", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(server.url + asset, { headers: { "accept-encoding": "gzip" } });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const etag = response.headers.get("etag")!;
      const again = await fetch(server.url + asset, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
    }
  });

  it("leaves other paths alone: unknown assets are 404, GraphQL and /health answer as before", async () => {
    expect((await fetch(`${server.url}/assets/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/entity/a/b`)).status).toBe(404);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await server.graphql("{ __typename }")).body.data).toEqual({ __typename: "Query" });
  });
});
