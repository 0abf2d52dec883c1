/**
 * Exact decimal arithmetic for the parser: "83.2 million" is 83,200,000, not
 * 83,200,000.00000001.
 */

/** An exact decimal: value = mantissa / 10^scale. */
export interface Decimal {
  mantissa: bigint;
  scale: number;
}

export function decimalOf(raw: string): Decimal {
  const plain = raw.replace(/,/g, "");
  const dot = plain.indexOf(".");
  if (dot < 0) return { mantissa: BigInt(plain), scale: 0 };
  return { mantissa: BigInt(plain.replace(".", "")), scale: plain.length - dot - 1 };
}

export function toNumber(d: Decimal): number {
  if (d.scale === 0) return Number(d.mantissa);
  const den = 10n ** BigInt(d.scale);
  if (d.mantissa % den === 0n) return Number(d.mantissa / den);
  // Both exact as numbers: their quotient is the closest number; else the decimal's digits are.
  if (d.mantissa <= BigInt(Number.MAX_SAFE_INTEGER) && d.scale <= 22)
    return Number(d.mantissa) / Number(den);
  return Number(`${d.mantissa}e-${d.scale}`);
}

export function times(d: Decimal, factor: bigint): Decimal {
  let mantissa = d.mantissa * factor;
  let scale = d.scale;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale -= 1;
  }
  return { mantissa, scale };
}

export function plus(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const am = a.mantissa * 10n ** BigInt(scale - a.scale);
  const bm = b.mantissa * 10n ** BigInt(scale - b.scale);
  return { mantissa: am + bm, scale };
}

export function isInteger(d: Decimal): boolean {
  return d.scale === 0;
}
