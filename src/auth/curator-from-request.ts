import { createHash, timingSafeEqual } from "node:crypto";
import { jwtVerify } from "jose";
import type { Curator } from "../curation/change-log.js";

/**
 * Who is asking: reads are public; writes need a bearer token, either the
 * configured shared secret (CURATOR_TOKEN) or a JWT signed with JWT_SECRET
 * (HS256) whose claims make its subject a curator (`curator: true`, or a
 * `scope` that includes `curate`).
 */

export interface AuthSettings {
  curatorToken: string | undefined;
  jwtSecret: string | undefined;
  jwtIssuer: string | undefined;
}

export interface Credentials {
  curator: Curator | null;
  /** Why credentials that were presented were refused (null when none were presented). */
  refused: string | null;
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export async function credentialsFrom(
  authorization: string | null,
  settings: AuthSettings,
): Promise<Credentials> {
  if (!authorization) return { curator: null, refused: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1])
    return { curator: null, refused: "the Authorization header must be `Bearer <token>`" };
  const token = match[1];
  if (settings.curatorToken && sameSecret(token, settings.curatorToken)) {
    return { curator: { name: "shared-token" }, refused: null };
  }
  if (settings.jwtSecret && token.split(".").length === 3) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(settings.jwtSecret), {
        algorithms: ["HS256"],
        ...(settings.jwtIssuer ? { issuer: settings.jwtIssuer } : {}),
      });
      const scopes = typeof payload.scope === "string" ? payload.scope.split(/\s+/) : [];
      if (payload.curator !== true && !scopes.includes("curate")) {
        return { curator: null, refused: "the token does not make its holder a curator" };
      }
      if (!payload.sub) return { curator: null, refused: "the token has no subject (sub)" };
      return { curator: { name: payload.sub }, refused: null };
    } catch (error) {
      return { curator: null, refused: `the token is not valid (${(error as Error).message})` };
    }
  }
  return { curator: null, refused: "the bearer token is not valid" };
}
