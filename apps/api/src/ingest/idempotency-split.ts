/**
 * Splits items by their idempotency keys: items without a key and the first
 * item of each newly claimed key are fresh; later items with the same key,
 * and keys claimed by an earlier request, are duplicates.
 */
export function splitByIdempotency<T extends { idempotencyKey: string | null }>(
  items: T[],
  claimed: Set<string>,
): { fresh: T[]; duplicatePositions: Set<number> } {
  const fresh: T[] = [];
  const duplicatePositions = new Set<number>();
  const used = new Set<string>();
  items.forEach((item, position) => {
    const key = item.idempotencyKey;
    if (key === null || (claimed.has(key) && !used.has(key))) {
      fresh.push(item);
      if (key !== null) {
        used.add(key);
      }
      return;
    }
    duplicatePositions.add(position);
  });
  return { fresh, duplicatePositions };
}
