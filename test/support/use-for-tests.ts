import { afterAll, beforeAll } from "vitest";

/**
 * A resource for the tests of the enclosing file or describe block: opened before them, closed
 * after them. The function returned gives it to a test; read outside a test (before it is
 * open), it throws, naming `name`.
 */
export function useForTests<T>(
  name: string,
  open: () => T | Promise<T>,
  close: (resource: T) => Promise<void>,
): () => T {
  let opened: { resource: T } | undefined;
  beforeAll(async () => {
    opened = { resource: await open() };
  });
  afterAll(async () => {
    if (opened) await close(opened.resource);
  });
  return () => {
    if (!opened) throw new Error(`${name}: read it inside a test`);
    return opened.resource;
  };
}
