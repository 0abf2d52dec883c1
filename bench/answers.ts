import { ENTITY_KIND as ENTITY_KIND_VALUES } from "../src/model/vocabulary.js";

/** Helpers that turn the three targets' answers into one plain shape (operations*.ts). */

export type Json = Record<string, unknown>;

export const obj = (v: unknown) => v as Json;
export const list = (v: unknown) => v as Json[];

/** GraphQL enum names back to the graph's values: PLACE → Place, DAILY_AVERAGE → daily-average. */
export const kindValue = (name: unknown) =>
  ENTITY_KIND_VALUES[name as keyof typeof ENTITY_KIND_VALUES]?.value ?? name;
export const enumValue = (name: unknown) => String(name).toLowerCase().replace(/_/g, "-");

/** A float to 4 decimals (scores, averages: the targets add up in different orders). */
export function round(score: unknown): number {
  return Math.round(Number(score) * 1e4) / 1e4;
}
