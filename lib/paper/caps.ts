// Length caps on every field that comes from a page, a file or a service (README, "Limits"),
// applied where data enters: toPaper (every reader and importer goes through it) and the
// importers' notes and extra fields. Generous for real records (author lists in the thousands),
// small enough that one hostile field cannot slow the library down.
import { hash64 } from './content-key';

export const CAPS = {
  /** Characters of a title. */
  title: 2_000,
  /** Characters of an abstract. */
  abstract: 50_000,
  /** Characters of one author name or name part. */
  name: 500,
  /** Names in an author or editor list. */
  names: 10_000,
  /** Keywords or tags on one paper. */
  keywords: 1_000,
  /** Characters of one keyword or tag. */
  keyword: 200,
  /** Characters of venue, container, publisher, place, series, organisation. */
  label: 1_000,
  /** Characters of volume, issue, pages, edition, ISBN, ISSN, language, an id, the source. */
  short: 200,
  /** Characters of an address; a longer one is dropped, since a cut address leads elsewhere. */
  url: 4_096,
  /** Characters of a key; a longer one keeps its first 1,000 and a hash of the whole (capKey). */
  key: 1_024,
  /** Characters of the private note. */
  note: 100_000,
  /** Verbatim fields kept per format, and characters of each. */
  extraFields: 200,
  extraValue: 10_000,
} as const;

/** A key within CAPS.key: a longer one becomes its first 1,000 characters, "~" and hash64 of the whole, so it stays unique. */
export function capKey(key: string): string {
  return key.length <= CAPS.key ? key : `${key.slice(0, 1_000)}~${hash64(key)}`;
}

/**
 * Cuts a text to `limit` characters (not splitting a surrogate pair) and, when it cut, records
 * `field` in `cuts` (the import summary names it).
 */
export function capText(value: string, limit: number, field: string, cuts?: Set<string>): string {
  if (value.length <= limit) return value;
  cuts?.add(field);
  const end = /[\uD800-\uDBFF]/.test(value.charAt(limit - 1)) ? limit - 1 : limit;
  return value.slice(0, end);
}

/** The first `limit` items of a list, recording `field` in `cuts` when there were more. */
export function capList<T>(values: readonly T[], limit: number, field: string, cuts?: Set<string>): T[] {
  if (values.length <= limit) return [...values];
  cuts?.add(field);
  return values.slice(0, limit);
}
