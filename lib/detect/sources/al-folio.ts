// Publication lists of the al-folio Jekyll theme (alshedivat/al-folio, `_layouts/bib.liquid`, and
// the many sites that copy its markup by hand): `ol.bibliography > li`, each entry a `.title`, an
// `.author` list, a `.periodical` (venue and year) and a row of `.links` buttons (Abs, arXiv, PDF,
// HTML, DOI, Code, Website), with `.abstract.hidden` and `.bibtex.hidden` blocks.
//
// Decisions:
// - An entry counts when it shows a `.title` and an `.author` list: what it links does not decide
//   (al-folio titles are plain text; the only link may be a PDF under /assets/pdf/, a project
//   page, a video, or an Altmetric/Dimensions badge's `data-doi`).
// - Identity: every link of the entry read as a paper link (arXiv, DOI, OpenReview…; the
//   strongest id decides the key), then `data-doi`, `data-arxiv-id` and `data-pmid` badge
//   attributes; else the entry's PDF, else its first http(s) link that is not code; an entry that
//   links nothing gets a content key (lib/detect/template.ts).
// - Authors as shown: "Beedu, Apoorva, Ren, Zhile, and Essa, Irfan" (al-folio before 2022 prints
//   "last, first") becomes "Apoorva Beedu"…; "A. Beedu, Z. Ren" is kept. Marks (*, †) are dropped.
// - `venue` from the `.periodical` text without its year; `published` its year.
// - The anchor is the `.title` element.
import { cleanText } from '../../paper/build';
import { textOf } from '../dom';
import { personName } from '../metadata';
import { entryLinks, templatePaper, templateReader, yearIn } from '../template';
import type { Detection } from '../types';
import { abstractOf, cleanTitle, isName, parseAuthorList } from './generic-links';

const ENTRY = 'ol.bibliography > li';

/** An author list as al-folio prints it: "First Last, …, and First Last" or "Last, First, …, and Last, First". */
export function alFolioAuthors(text: string | undefined): string[] {
  const value = cleanText(text?.replace(/[*∗†‡§¶]+/g, ''));
  if (!value) return [];
  const pieces = value
    .replace(/,?\s+and\s+/g, ', ')
    .split(/\s*,\s*/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0 && piece !== 'et al.' && piece !== '…' && piece !== '...');
  // "Last, First" pairs: an even count whose pairs read as one name the other way round.
  if (pieces.length >= 2 && pieces.length % 2 === 0) {
    const pairs: string[] = [];
    for (let index = 0; index < pieces.length; index += 2) {
      const name = personName(`${pieces[index]}, ${pieces[index + 1]}`);
      if (!/^\S+(?:\s\S+){0,3}$/.test(pieces[index] ?? '') || !isName(name) || isName(pieces[index] ?? '')) break;
      pairs.push(name);
    }
    if (pairs.length * 2 === pieces.length) return pairs;
  }
  return parseAuthorList(value) ?? pieces.filter(isName);
}

function readEntry(entry: Element, page: URL): Detection | null {
  const titleElement = entry.querySelector('.title');
  const title = cleanTitle(textOf(titleElement));
  const authors = alFolioAuthors(textOf(entry.querySelector('.author')));
  if (!titleElement || !title || authors.length === 0) return null;
  const periodical = textOf(entry.querySelector('.periodical'));
  const venue = cleanText(periodical?.replace(/\b(?:19|20)\d\d\b/g, '').replace(/[\s,.]+$/, ''));
  return templatePaper(
    {
      title,
      authors,
      venue,
      year: yearIn(periodical),
      abstract: abstractOf([entry]),
      links: entryLinks(entry, page, '.bibtex, .abstract'),
      source: 'al-folio',
      anchor: titleElement,
    },
    page,
  );
}

export const alFolio = templateReader('al-folio', ENTRY, readEntry);
