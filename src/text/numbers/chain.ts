import type { ParsedNumber } from "../parse-numbers.js";
import { type Decimal, isInteger, plus, times, toNumber } from "./decimal.js";
import type { Lexicon } from "./lexicon.js";
import { isYear, single } from "./single.js";
import type { Atom, Multiplier, Token } from "./tokens.js";

/**
 * Chains of "coefficient multiplier" terms with strictly decreasing multipliers, maybe ended
 * by a bare group ("12 million 315 thousand 476"); in Spanish, a multiplier with coefficient 1
 * ("mil 330") and one that takes the whole number before it ("2 mil 500 millones"); "N,000
 * DDD" as N,DDD; and the chains that cannot be read with confidence, flagged with their reason
 * and readings.
 */

/** Only spaces between two tokens (no comma, semicolon, line break, word). */
function adjacent(text: string, a: Token, b: Token | undefined): boolean {
  if (!b) return false;
  return /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
}

/**
 * Does `mult` take `atom` as its coefficient? Not when it is a number on its own (the Spanish
 * "mil") and the atom reads as a year: "en 2021 mil personas" is a year and a thousand.
 */
function takes(text: string, atom: Atom, mult: Token | undefined): mult is Multiplier {
  if (mult?.type !== "multiplier" || !adjacent(text, atom, mult)) return false;
  return !mult.standalone || !isYear(atom);
}

/**
 * Reads the chain that starts at tokens[i] (an atom, or a multiplier that is a number on its
 * own, such as the Spanish "mil"); returns it and the next token index.
 */
export function readChain(
  text: string,
  tokens: Token[],
  i: number,
  lex: Lexicon,
): [ParsedNumber, number] {
  const first = tokens[i] as Atom | Multiplier;
  if (first.type === "atom" && (!takes(text, first, tokens[i + 1]) || first.ordinal)) {
    return readGroups(text, tokens, i, first, lex) ?? [single(text, first, lex), i + 1];
  }
  const chain = scanChain(text, tokens, i, lex);
  const { bare, lastFactor, end, j, problems } = chain;
  const [b0, b1] = bare;
  if (b0 && b1 && lastFactor !== null) {
    const prefix = text.slice(first.start, b0.start).trim();
    const raw = text.slice(first.start, end);
    const ambiguous = missingThousand(chain, prefix, lex);
    return [{ kind: "number", value: null, start: first.start, end, raw, ambiguous }, j];
  }
  if (b0 && lastFactor !== null && b0.value.mantissa >= lastFactor) {
    problems.push(`"${b0.raw}" is not smaller than the term before it`);
  }
  const total = toNumber(b0 ? plus(chain.total, b0.value) : chain.total);
  if (problems.length === 0) return [figureAt(text, first.start, end, total, lex), j];
  const ambiguous = { reason: problems.join("; "), readings: [total] };
  return [{ ...figureAt(text, first.start, end, null, lex), ambiguous }, j];
}

/** A figure read from text[start, end), with the unit word right after it if there is one. */
function figureAt(
  text: string,
  start: number,
  end: number,
  value: number | null,
  lex: Lexicon,
): ParsedNumber {
  const unit = lex.unitAfter(text, end);
  const raw = text.slice(start, end);
  return { kind: "number", value, start, end, raw, ...(unit ? { unit } : {}) };
}

/** "54,000 335": a thousands group written ",000" followed by the rest; undefined if not that. */
function readGroups(
  text: string,
  tokens: Token[],
  i: number,
  first: Atom,
  lex: Lexicon,
): [ParsedNumber, number] | undefined {
  const after = tokens[i + 1];
  const groups =
    /^\d{1,3}(?:,\d{3})*,000$/.test(first.raw) &&
    after?.type === "atom" &&
    after.digits &&
    /^\d{3}$/.test(after.raw) &&
    adjacent(text, first, after) &&
    !(tokens[i + 2]?.type === "multiplier" && adjacent(text, after, tokens[i + 2]));
  if (!groups) return undefined;
  const value = toNumber(plus(first.value, after.value));
  return [figureAt(text, first.start, after.end, value, lex), i + 2];
}

/** A chain as scanned: its total so far, its last multiplier, and the bare groups after it. */
interface Chain {
  total: Decimal;
  lastFactor: bigint | null;
  end: number;
  /** The next token index. */
  j: number;
  problems: string[];
  bare: Atom[];
}

/** Scans a chain of "coefficient multiplier" terms, then maybe a bare group, from tokens[i]. */
function scanChain(text: string, tokens: Token[], i: number, lex: Lexicon): Chain {
  const c: Chain = {
    total: { mantissa: 0n, scale: 0 },
    lastFactor: null,
    end: (tokens[i] as Token).end,
    j: i,
    problems: [],
    bare: [],
  };
  while (c.j < tokens.length) {
    const tok = tokens[c.j];
    if (c.j > i && !adjacent(text, tokens[c.j - 1] as Token, tok)) break;
    if (tok?.type === "multiplier" && tok.standalone) {
      // "mil 330", "dos millones mil 500": a multiplier with coefficient 1
      if (c.bare.length > 0 || (c.lastFactor !== null && tok.factor >= c.lastFactor)) break;
      c.total = plus(c.total, { mantissa: tok.factor, scale: 0 });
      c.lastFactor = tok.factor;
      c.end = tok.end;
      c.j += 1;
      continue;
    }
    if (tok?.type !== "atom" || tok.ordinal) break;
    const mult = tokens[c.j + 1];
    if (takes(text, tok, mult)) {
      // "2 million 5 3 thousand": stop before the new term
      if (c.bare.length > 0 || !addTerm(c, text, tok, mult, lex)) break;
      if (!isInteger(tok.value)) break; // "83.2 million" ends the chain
      continue;
    }
    // A bare group after a multiplier.
    if (c.lastFactor === null || !isInteger(tok.value)) break;
    c.bare.push(tok);
    c.end = tok.end;
    c.j += 1;
  }
  return c;
}

/** Adds "atom multiplier" to the chain; false when it starts a new expression instead. */
function addTerm(c: Chain, text: string, atom: Atom, mult: Multiplier, lex: Lexicon): boolean {
  let total = plus(c.total, times(atom.value, mult.factor));
  if (c.lastFactor !== null) {
    if (!isInteger(atom.value)) return false; // a new expression
    if (mult.factor >= c.lastFactor) {
      // "2 mil 500 millones" is 2,500 millones where a multiplier takes the whole number
      // before it; otherwise a new expression ("5 thousand 3 million").
      if (!lex.longScale || c.total.mantissa >= mult.factor || atom.value.mantissa >= c.lastFactor)
        return false;
      total = times(plus(c.total, atom.value), mult.factor);
    } else if (atom.value.mantissa * mult.factor >= c.lastFactor) {
      c.problems.push(
        `"${atom.raw} ${text.slice(mult.start, mult.end)}" is not smaller than the term before it`,
      );
    }
  }
  c.total = total;
  c.lastFactor = mult.factor;
  c.end = mult.end;
  c.j += 2;
  return true;
}

/** "2 million 117 1,417": two bare groups; a "thousand" seems to be missing. */
function missingThousand(
  c: Chain,
  prefix: string,
  lex: Lexicon,
): { reason: string; readings: number[] } {
  const { bare, total, lastFactor } = c;
  const a = (bare[0] as Atom).value.mantissa;
  const rest = bare.slice(1).reduce((s, x) => s + x.value.mantissa, 0n);
  const readings = new Set<number>();
  if (a < 1000n && lastFactor !== null && lastFactor > 1000n) {
    readings.add(toNumber(plus(total, { mantissa: a * 1000n + rest, scale: 0 })));
    readings.add(toNumber(plus(total, { mantissa: a * 1000n + (rest % 1000n), scale: 0 })));
  }
  const odd = bare.slice(1).filter((x) => !/^\d{3}$/.test(x.raw));
  const reason =
    `${bare.map((x) => `"${x.raw}"`).join(" and ")} follow "${prefix}" with no word between them: ` +
    `a word such as "${lex.thousandWord}" seems to be missing` +
    (odd.length > 0
      ? ` and ${odd.map((x) => `"${x.raw}"`).join(", ")} is not a three-digit group`
      : "");
  return { reason, readings: [...readings].sort((x, y) => x - y) };
}
