import { decodeGlobalID } from "@pothos/plugin-relay";

/**
 * An argument that names an entity by its key (`imss-bienestar`) or by its
 * global id (as returned in `id` fields): the key either way.
 */
export function entityKeyFrom(value: string): string {
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) return value;
  try {
    return decodeGlobalID(value).id;
  } catch {
    return value;
  }
}
