// The key of a paper that has no identifier and no address (a book, a thesis, an entry of a
// hand-kept .bib): `ref:` + 16 hex digits of a 64-bit hash of what names the work. Deterministic,
// so importing the same file twice merges instead of duplicating (docs/CONTRACT.md, "key").
import type { Name } from './model';
import { foldTitle } from './titles';

/** A 64-bit hash of a text as 16 hex digits (two 32-bit multiply-xorshift lanes, cyrb53's mixing). */
export function hash64(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** What the content key is made of; every part optional but the title. */
export interface ContentKeyParts {
  title: string;
  names?: readonly Name[];
  authors?: readonly string[];
  /** The publication's own date, else the first public one: only the year counts. */
  date?: string;
  container?: string;
  pages?: string;
  /** The kind of work: a film and its TV series share title, director and year. */
  type?: string;
  /** The kind of work within its type: a TV series and one of its episodes share the rest. */
  genre?: string;
}

/** The first author's family name: the structured one, else the last word of the display name. */
function firstFamily(parts: ContentKeyParts): string {
  const [name] = parts.names ?? [];
  if (name) return name.family ?? name.literal ?? '';
  return parts.authors?.[0]?.trim().split(/\s+/).pop() ?? '';
}

/**
 * The content key: `ref:` + hash64 of the folded title, the first author's folded family name,
 * the year, the folded container, the first page and the kind of work, joined by U+001F, and the
 * folded genre after one more U+001F when there is one (keys of works without one are unchanged):
 * `ref:${hash64([foldTitle(title), foldTitle(family), year, foldTitle(container), firstPage, type, ...(genre ? [foldTitle(genre)] : [])].join('\x1f'))}`.
 */
export function contentKey(parts: ContentKeyParts): string {
  const year = /^\d{4}/.exec(parts.date ?? '')?.[0] ?? '';
  const firstPage = /^[^\s\-–—,]+/.exec(parts.pages ?? '')?.[0]?.toLowerCase() ?? '';
  const material = [
    foldTitle(parts.title),
    foldTitle(firstFamily(parts)),
    year,
    foldTitle(parts.container ?? ''),
    firstPage,
    parts.type ?? '',
  ];
  if (parts.genre) material.push(foldTitle(parts.genre));
  return `ref:${hash64(material.join('\x1f'))}`;
}
