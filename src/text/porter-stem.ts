/**
 * Porter's stemming algorithm for English, as Lucene's PorterStemFilter applies it (the English
 * analyzer of the full-text index search_en): "hospitals" -> "hospit", "medical" -> "medic",
 * "specialties" -> "specialti". Words of two letters or fewer are left as they are. Takes a word
 * already in lower case.
 */
export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  const s = new PorterWord(word);
  s.step1ab();
  s.step1c();
  s.step2();
  s.step3();
  s.step4();
  s.step5();
  return s.b.slice(0, s.k + 1);
}

const STEP2: Record<string, [string, string][]> = {
  a: [
    ["ational", "ate"],
    ["tional", "tion"],
  ],
  c: [
    ["enci", "ence"],
    ["anci", "ance"],
  ],
  e: [["izer", "ize"]],
  l: [
    ["bli", "ble"],
    ["alli", "al"],
    ["entli", "ent"],
    ["eli", "e"],
    ["ousli", "ous"],
  ],
  o: [
    ["ization", "ize"],
    ["ation", "ate"],
    ["ator", "ate"],
  ],
  s: [
    ["alism", "al"],
    ["iveness", "ive"],
    ["fulness", "ful"],
    ["ousness", "ous"],
  ],
  t: [
    ["aliti", "al"],
    ["iviti", "ive"],
    ["biliti", "ble"],
  ],
  g: [["logi", "log"]],
};

const STEP3: Record<string, [string, string][]> = {
  e: [
    ["icate", "ic"],
    ["ative", ""],
    ["alize", "al"],
  ],
  i: [["iciti", "ic"]],
  l: [
    ["ical", "ic"],
    ["ful", ""],
  ],
  s: [["ness", ""]],
};

const STEP4: Record<string, string[]> = {
  a: ["al"],
  c: ["ance", "ence"],
  e: ["er"],
  i: ["ic"],
  l: ["able", "ible"],
  n: ["ant", "ement", "ment", "ent"],
  o: ["ion", "ou"],
  s: ["ism"],
  t: ["ate", "iti"],
  u: ["ous"],
  v: ["ive"],
  z: ["ize"],
};

/** The word being stemmed: b[0..k] is what is left of it, j the end of its stem for a suffix. */
class PorterWord {
  b: string;
  k: number;
  j = 0;

  constructor(word: string) {
    this.b = word;
    this.k = word.length - 1;
  }

  private cons(i: number): boolean {
    const c = this.b[i];
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
    if (c === "y") return i === 0 ? true : !this.cons(i - 1);
    return true;
  }

  /** The number of consonant sequences between 0 and j (m in Porter's paper). */
  private m(): number {
    let n = 0;
    let i = 0;
    const j = this.j;
    for (;;) {
      if (i > j) return n;
      if (!this.cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (this.cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!this.cons(i)) break;
        i++;
      }
      i++;
    }
  }

  private vowelInStem(): boolean {
    for (let i = 0; i <= this.j; i++) if (!this.cons(i)) return true;
    return false;
  }

  private doublec(j: number): boolean {
    return j >= 1 && this.b[j] === this.b[j - 1] && this.cons(j);
  }

  private cvc(i: number): boolean {
    if (i < 2 || !this.cons(i) || this.cons(i - 1) || !this.cons(i - 2)) return false;
    const c = this.b[i];
    return c !== "w" && c !== "x" && c !== "y";
  }

  private ends(s: string): boolean {
    const l = s.length;
    const o = this.k - l + 1;
    if (o < 0 || this.b.slice(o, this.k + 1) !== s) return false;
    this.j = this.k - l;
    return true;
  }

  private setTo(s: string): void {
    this.b = this.b.slice(0, this.j + 1) + s + this.b.slice(this.k + 1);
    this.k = this.j + s.length;
  }

  private r(s: string): void {
    if (this.m() > 0) this.setTo(s);
  }

  /** Plurals and -ed or -ing. */
  step1ab(): void {
    if (this.b[this.k] === "s") {
      if (this.ends("sses")) this.k -= 2;
      else if (this.ends("ies")) this.setTo("i");
      else if (this.b[this.k - 1] !== "s") this.k--;
    }
    if (this.ends("eed")) {
      if (this.m() > 0) this.k--;
    } else if ((this.ends("ed") || this.ends("ing")) && this.vowelInStem()) {
      this.k = this.j;
      if (this.ends("at")) this.setTo("ate");
      else if (this.ends("bl")) this.setTo("ble");
      else if (this.ends("iz")) this.setTo("ize");
      else if (this.doublec(this.k)) {
        this.k--;
        const c = this.b[this.k];
        if (c === "l" || c === "s" || c === "z") this.k++;
      } else if (this.m() === 1 && this.cvc(this.k)) this.setTo("e");
    }
  }

  /** A final y to i when there is another vowel in the stem. */
  step1c(): void {
    if (this.ends("y") && this.vowelInStem())
      this.b = `${this.b.slice(0, this.k)}i${this.b.slice(this.k + 1)}`;
  }

  /** Double suffixes to single ones ("-ization" to "-ize"). */
  step2(): void {
    if (this.k === 0) return;
    for (const [from, to] of STEP2[this.b[this.k - 1] as string] ?? [])
      if (this.ends(from)) {
        this.r(to);
        return;
      }
  }

  /** -ic-, -full, -ness. */
  step3(): void {
    for (const [from, to] of STEP3[this.b[this.k] as string] ?? [])
      if (this.ends(from)) {
        this.r(to);
        return;
      }
  }

  /** -ant, -ence... when m() > 1. */
  step4(): void {
    if (this.k === 0) return;
    const suffixes = STEP4[this.b[this.k - 1] as string];
    if (!suffixes) return;
    let found = false;
    for (const suffix of suffixes) {
      if (!this.ends(suffix)) continue;
      if (suffix === "ion") {
        const c = this.b[this.j];
        if (this.j < 0 || (c !== "s" && c !== "t")) return;
      }
      found = true;
      break;
    }
    if (found && this.m() > 1) this.k = this.j;
  }

  /** A final -e, and -ll to -l, when m() > 1. */
  step5(): void {
    this.j = this.k;
    if (this.b[this.k] === "e") {
      const a = this.m();
      if (a > 1 || (a === 1 && !this.cvc(this.k - 1))) this.k--;
    }
    if (this.b[this.k] === "l" && this.doublec(this.k) && this.m() > 1) this.k--;
  }
}
