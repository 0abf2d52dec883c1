import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { OwnerRole } from "./local-neo4j.js";

/**
 * The claim on the Neo4j of a folder: `run/owner.pid` names the process that started it (its
 * pid, when it started, its role and the Bolt port), and whether that process still runs.
 */

/** The process that started the Neo4j of a folder, as run/owner.pid records it. */
export interface Owner {
  pid: number;
  /** When it started (Linux: /proc/<pid>/stat), to tell it from a later process given its pid. */
  started: string | undefined;
  role: OwnerRole;
  boltPort: number;
}

/**
 * Claims the folder's Neo4j for this process by creating its owner file, which fails when it
 * exists. Returns the claim's text, or undefined when another claim holds it.
 */
export function tryClaim(ownerFile: string, role: OwnerRole, boltPort: number): string | undefined {
  const text =
    `${process.pid}\nstarted=${processStartTime(process.pid) ?? ""}\n` +
    `role=${role}\nbolt=${boltPort}\n`;
  try {
    writeFileSync(ownerFile, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw error;
  }
  return text;
}

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The file's text once it is whole: a claim is written right after its file is created. */
export async function readSettled(path: string): Promise<string | undefined> {
  let text = readText(path);
  for (let i = 0; i < 10 && text !== undefined && parseOwner(text) === undefined; i++) {
    await sleep(50);
    text = readText(path);
  }
  return text;
}

export function parseOwner(text: string | undefined): Owner | undefined {
  const [first, ...rest] = (text ?? "").split("\n");
  const pid = Number(first);
  const fields = Object.fromEntries(rest.map((line) => line.split("=", 2) as [string, string]));
  const boltPort = Number(fields.bolt);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(boltPort) || boltPort <= 0) {
    return undefined;
  }
  const role = fields.role === "tool" ? "tool" : "server";
  return { pid, started: fields.started || undefined, role, boltPort };
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return (
    a.pid === b.pid && a.started === b.started && a.role === b.role && a.boltPort === b.boltPort
  );
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]; undefined off Linux. */
function procStat(pid: number): string[] | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** Whether the owner still runs: its pid alive, not a zombie, and not reused by a later process. */
export function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = procStat(owner.pid);
  // No /proc/<pid>: it has just exited, or this is not Linux (then the signal said enough).
  if (stat === undefined) return !existsSync("/proc/self");
  if (stat[0] === "Z" || stat[0] === "X") return false;
  return owner.started === undefined || stat[19] === owner.started;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
