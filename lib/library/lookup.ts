// Bulk requests of a batch write (a Save all of thousands of papers, an import of 50,000) on bare
// IndexedDB: a promise and two listeners per request (what idb adds) cost about as much as the
// requests themselves at that size.

/**
 * The results of requests placed at once in one transaction, once the last one succeeded: a
 * transaction answers its requests in the order they were placed. Rejects with the first error.
 */
export function resultsOf<T>(requests: readonly IDBRequest<T>[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const last = requests.at(-1);
    if (!last) {
      resolve([]);
      return;
    }
    const fail = (event: Event) => reject((event.target as IDBRequest<T>).error);
    for (const request of requests) request.onerror = fail;
    last.onsuccess = () => resolve(requests.map((request) => request.result));
  });
}

// Entries of the index a key cursor may step through for each term it looks for before asking
// term by term is cheaper: the browser prefetches a cursor's next entries, while each term's
// request is a round trip of its own (Chromium 156: a step about 15-20 µs, a term's request about
// 125 µs, so even this ratio leaves the walk ahead).
const STEPS_PER_TERM = 4;

// Adds to `found` the primary key of every entry of `range` whose index key is wanted.
function walk(index: IDBIndex, range: IDBKeyRange, wanted: ReadonlySet<string>, found: Set<string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = index.openKeyCursor(range);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve();
        return;
      }
      if (wanted.has(cursor.key as string)) found.add(cursor.primaryKey as string);
      cursor.continue();
    };
  });
}

// A scheme with this many terms or fewer (one paper saved, a paper put back) is asked term by
// term straight away: one round trip, where a count and a walk would take three.
const FEW_TERMS = 4;

/**
 * The primary keys of the records that any of `terms` finds in `index` (multi-entry, of
 * `scheme:value` terms), each once. The terms of one scheme are looked up together: one count of
 * the index entries between the first and the last of them, then a cursor over that range when
 * it holds few others (none at all in an empty library, or for a listing's run of new arXiv
 * ids), else one request per term, all placed before any answer is awaited.
 */
export async function keysOfTerms(index: IDBIndex, terms: readonly string[]): Promise<string[]> {
  const schemes = new Map<string, string[]>();
  for (const term of new Set(terms)) {
    const scheme = term.slice(0, term.indexOf(':') + 1);
    const group = schemes.get(scheme);
    if (group) group.push(term);
    else schemes.set(scheme, [term]);
  }
  const single: string[] = [];
  const groups: string[][] = [];
  for (const group of schemes.values()) {
    if (group.length <= FEW_TERMS) single.push(...group);
    // Sorted by UTF-16 code units, as IndexedDB orders strings.
    else groups.push(group.sort());
  }
  const ranges = groups.map((group) => IDBKeyRange.bound(group[0], group.at(-1)));
  const counts = await resultsOf(ranges.map((range) => index.count(range)));
  const found = new Set<string>();
  const walks: Promise<void>[] = [];
  groups.forEach((group, at) => {
    const count = counts[at] ?? 0;
    if (count === 0) return;
    if (count <= STEPS_PER_TERM * group.length)
      walks.push(walk(index, ranges[at] as IDBKeyRange, new Set(group), found));
    else single.push(...group);
  });
  const [lists] = await Promise.all([resultsOf(single.map((term) => index.getAllKeys(term))), ...walks]);
  for (const keys of lists) for (const key of keys) found.add(key as string);
  return [...found];
}
