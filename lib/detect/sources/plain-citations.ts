// Publication lists written as plain text: citations that print their DOI ("doi: 10.1016/…",
// "https://doi.org/10.1038/…") without linking it, one a paragraph or list item — a lab's
// hand-written page ("<p><b>Title.</b> Authors. Journal 2025. doi: 10.…</p>"), a reference list
// pasted from a word processor. The links readers never see them: nothing in them links.
//
// Decisions:
// - An entry is a `p`, `li`, `dd` or `div` whose text holds exactly one DOI and that links none
//   (a linked DOI is the links reader's); two or more such entries under one parent make a list,
//   a lone citation in a paragraph of prose is not one.
// - The title is the entry's first bold, strong, emphasised or cited element when the entry starts
//   with it; without one the entry is left out (fewer papers, never a wrong title).
// - After the title: authors up to the first sentence end (when every piece is a name), then the
//   venue up to the year.
// - An article's own page gives that article only: its reference list is other works.
import { toPaper } from '../../paper/build';
import { normalizeDoi } from '../../paper/ids';
import { textOf } from '../dom';
import { describesArticle } from '../metadata';
import type { Detection, Source } from '../types';
import { cleanTitle, isTitle, isWebSearchPage, parseAuthorList } from './generic-links';

/** A DOI printed as text, with its prefix ("doi:", "DOI", a doi.org address). */
const PRINTED_DOI = /(?:\bdoi\s*:?\s*|\bhttps?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+)/gi;
const ENTRIES = 'p, li, dd, div';
const TITLE = 'b, strong, em, i, cite';
const YEAR = /\b(19|20)\d\d\b/;

/** The DOIs an element's text prints. */
function printedDois(text: string): string[] {
  return [...text.matchAll(PRINTED_DOI)].map((match) => normalizeDoi(match[1] ?? '')).filter((doi) => doi !== null);
}

/** The element's first title-like child, when the entry's text starts with it. */
function leadingTitle(entry: Element): Element | undefined {
  const first = entry.querySelector(TITLE);
  if (!first) return undefined;
  const before = (entry.textContent ?? '').indexOf(first.textContent ?? '\u0000');
  return before >= 0 && (entry.textContent ?? '').slice(0, before).trim() === '' ? first : undefined;
}

/** PubMed's (Vancouver) names, family name then initials: "Cakmak P, van der Laan SW, Triche TJ Jr". */
const VANCOUVER = /^(?:\p{Ll}+ )*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)* \p{Lu}{1,3}(?: (?:Jr|Sr|II|III|IV))?$/u;

function vancouverNames(text: string): string[] | undefined {
  const names = text.split(/\s*,\s*/).filter((name) => name.length > 0);
  return names.length > 0 && names.every((name) => VANCOUVER.test(name)) ? names : undefined;
}

function read(entry: Element, doi: string, url: URL): Detection | undefined {
  const titleElement = leadingTitle(entry);
  const title = cleanTitle(textOf(titleElement)?.replace(/[.:]\s*$/, ''));
  if (!titleElement || !title || !isTitle(title)) return undefined;
  const whole = textOf(entry) ?? '';
  const rest = whole.slice(whole.indexOf(textOf(titleElement) ?? '') + (textOf(titleElement) ?? '').length);
  // "Cakmak P, Lun JH, …, Imkeller K. Immunity 2025. doi: …": authors, then venue and year.
  const [authorPart = '', ...after] = rest.replace(/^[\s.:,-]+/, '').split(/\.\s+/);
  const tail = after.join('. ');
  const year = YEAR.exec(tail)?.[0];
  const venue = year ? tail.slice(0, tail.indexOf(year)).replace(/[\s.,;:]+$/, '') : undefined;
  const authors = parseAuthorList(authorPart) ?? vancouverNames(authorPart) ?? [];
  const paper = toPaper({
    title,
    authors,
    published: year,
    venue: venue && venue.length <= 200 && !/\bdoi\b/i.test(venue) ? venue : undefined,
    ids: { doi },
    source: 'plain-citations',
    pageUrl: url.href,
  });
  return paper ? { paper, anchor: titleElement } : undefined;
}

export const plainCitations: Source = {
  id: 'plain-citations',
  kind: 'listing',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    if (isWebSearchPage(url) || describesArticle(doc)) return [];
    const found: { entry: Element; doi: string }[] = [];
    for (const entry of doc.body?.querySelectorAll(ENTRIES) ?? []) {
      if (entry.querySelector(`${ENTRIES}, a[href*="doi"]`)) continue;
      const dois = printedDois(entry.textContent ?? '');
      if (dois.length === 1 && dois[0]) found.push({ entry, doi: dois[0] });
    }
    // A list: two or more such entries under one parent.
    const siblings = new Map<Element | null, number>();
    for (const { entry } of found) siblings.set(entry.parentElement, (siblings.get(entry.parentElement) ?? 0) + 1);
    const detections: Detection[] = [];
    for (const { entry, doi } of found) {
      if ((siblings.get(entry.parentElement) ?? 0) < 2) continue;
      const detection = read(entry, doi, url);
      if (detection) detections.push(detection);
    }
    return detections;
  },
};
