import { existsSync } from "node:fs";

/** Chromium from a package registry: CHROMIUM_PATH, or Debian's `chromium` package. */
const CANDIDATES = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const INSTALL_BROWSER = "apt-get update && apt-get install -y chromium";

/** The path of the Chromium the tests drive; a missing browser fails with the command to install it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist. ${INSTALL_BROWSER}`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `The browser tests need Chromium, and none was found (looked for ${CANDIDATES.join(", ")}). ` +
      `Install it with: ${INSTALL_BROWSER} (as root), or set CHROMIUM_PATH to a Chromium binary.`,
  );
}
