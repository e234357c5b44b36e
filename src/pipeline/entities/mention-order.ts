// Mentions in text order. A comparator sort calls back into JavaScript for every comparison, and the
// entity stage sorts every cluster and then all mentions of a document: these sort plain numbers instead.

/** Sorts in place by `start`, keeping the order of equal starts (as a stable comparator sort would). */
export function sortByStart<T extends { start: number }>(items: T[]): T[] {
  const n = items.length;
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) if (items[k - 1]!.start > items[k]!.start) sorted = false;
  if (sorted) return items;
  // start * 2^21 + position: exact in a double for starts below 2^32 and up to 2^21 items, so that a
  // numeric sort orders by start and then by position.
  if (n >= 1 << 21) return items.sort((a, b) => a.start - b.start);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = items[k]!.start * 2097152 + k;
  keys.sort();
  const copy = items.slice();
  for (let k = 0; k < n; k++) items[k] = copy[keys[k]! % 2097152]!;
  return items;
}
