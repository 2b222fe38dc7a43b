/** Helpers that read lists out of untyped JSON response bodies in the integration tests. */

type JsonObject = Record<string, unknown>;

/** Returns the `key` field of every item of a JSON array. */
export function pluck(list: unknown, key: string): unknown[] {
  return (list as JsonObject[]).map((item) => item[key]);
}

/** Returns the first item of a JSON array whose `key` field equals `value`. */
export function findBy(list: unknown, key: string, value: unknown): JsonObject | undefined {
  return (list as JsonObject[]).find((item) => item[key] === value);
}

/** Returns the items of a JSON array, typed for field access. */
export function items(list: unknown): JsonObject[] {
  return list as JsonObject[];
}
