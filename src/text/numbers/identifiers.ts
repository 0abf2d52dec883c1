/**
 * Digits that identify something instead of counting it, read as one token each so that no
 * figure is read out of them:
 * - an ISO date, "2022-01-20", or a day, month and year joined by slashes, "30/04/2022";
 * - a phone number: digit groups separated by one space or hyphen, the first of two or three
 *   digits (maybe in parentheses), the others of two to four, at least three groups and ten
 *   digits in all (a Mexican number: "800 953-2210", "55 5238 2700", "(55) 5238-2700"),
 *   maybe after "+52" or "01" ("01 800 623 2323");
 * - a code: three or more digit groups joined by hyphens ("2-30-100").
 * A hyphen between two groups only ("10-15") is a range, and stays two numbers.
 */

export type IdentifierKind = "date" | "phone" | "code";

const ISO_DATE = /\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}])/uy;
const SLASH_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{L}\p{N}/])/uy;
const CODE = /\d+(?:-\d+){2,}(?![\p{L}\p{N}]|-\d)/uy;
const PHONE_PREFIX = /(?:\+\d{1,3}[ -]?|01[ -])(?=[(\d])/y;
const PHONE_FIRST = /(?:\((\d{2,3})\)[ -]?|(\d{2,3})[ -])(?=\d)/y;
const PHONE_GROUP = /\d{2,4}(?!\d)/y;
const PHONE_SEPARATOR = /[ -](?=\d)/y;
/** What may not follow a phone number: more of a word, or more of a number ("2,323"). */
const PHONE_NOT_AFTER = /^(?:[\p{L}\p{N}]|[.,]\d)/u;

function sticky(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** The end of the ten-digit phone number whose first group starts at `i`, or null. */
function phoneGroupsAt(text: string, i: number): number | null {
  const first = sticky(PHONE_FIRST, text, i);
  if (!first) return null;
  let digits = (first[1] ?? first[2] ?? "").length;
  let groups = 1;
  let j = i + first[0].length;
  let found: number | null = null;
  for (;;) {
    const group = sticky(PHONE_GROUP, text, j);
    if (!group) break;
    digits += group[0].length;
    groups += 1;
    j += group[0].length;
    if (digits === 10 && groups >= 3 && !PHONE_NOT_AFTER.test(text.slice(j, j + 2))) found = j;
    if (digits >= 10) break;
    const sep = sticky(PHONE_SEPARATOR, text, j);
    if (!sep) break;
    j += sep[0].length;
  }
  return found;
}

/** The end of the phone number that starts at `i` (maybe with its "+52" or "01"), or null. */
function phoneAt(text: string, i: number): number | null {
  const prefix = sticky(PHONE_PREFIX, text, i);
  return (prefix && phoneGroupsAt(text, i + prefix[0].length)) ?? phoneGroupsAt(text, i);
}

/**
 * The identifier (date, phone number or code) that starts at offset `i` (a digit, "+" or
 * "("), or null.
 */
export function identifierAt(
  text: string,
  i: number,
): { kind: IdentifierKind; start: number; end: number; raw: string } | null {
  const iso = /\d/.test(text[i] ?? "") ? sticky(ISO_DATE, text, i) : null;
  if (iso) return { kind: "date", start: i, end: i + iso[0].length, raw: iso[0] };
  const slash = /\d/.test(text[i] ?? "") ? sticky(SLASH_DATE, text, i) : null;
  if (slash) return { kind: "date", start: i, end: i + slash[0].length, raw: slash[0] };
  const phoneEnd = phoneAt(text, i);
  if (phoneEnd !== null) {
    return { kind: "phone", start: i, end: phoneEnd, raw: text.slice(i, phoneEnd) };
  }
  const code = /\d/.test(text[i] ?? "") ? sticky(CODE, text, i) : null;
  if (code) return { kind: "code", start: i, end: i + code[0].length, raw: code[0] };
  return null;
}
