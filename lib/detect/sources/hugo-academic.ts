// Publication lists of the Hugo Academic theme (wowchemy/wowchemy-hugo-themes, now Hugo Blox, and
// the starter sites built on it): `layouts/partials/views/{citation,list,stream}.html` render each
// entry as
// - `.pub-list-item` (citation and list views): `.article-metadata` with one span per author,
//   (older releases: `.author_list`, the names as text), "(2019).", the title as a link to the site's `/publication/<slug>/`, the venue (`<em>` or
//   text), then a `<p>` of buttons (PDF, DOI, Preprint, Code, Project, Cite);
// - `.media.stream-item` (stream view): `.article-title` (a link or a `<p>`), authors as spans in
//   the first block of `.article-metadata`, `.pub-publication` (venue), `.article-date`, then
//   `.btn-links`.
// The publication type and year are in the wrapper's classes (`isotope-item pubtype-2 year-2019`).
//
// Decisions:
// - An entry counts when it shows a title and at least one author: the template decides that it is
//   a publication, whatever it links (a PDF, a DOI, only the site's own page, nothing).
// - Identity (lib/detect/template.ts): the buttons' paper links (arXiv > DOI > …), else the PDF,
//   else the site's page of the paper, else a content key. `#` placeholders are not links.
// - Venue as shown, without the year; year from "(2019)", the venue or date text, else the
//   wrapper's `year-2019` class.
// - Not read on an article page (describesArticle), where the list is "related publications".
import { cleanText, httpUrl } from '../../paper/build';
import { textOf } from '../dom';
import { entryLinks, templatePaper, templateReader, yearIn } from '../template';
import type { Detection } from '../types';
import { cleanTitle } from './generic-links';

const MARKS = /[*∗†‡§¶✉]+/g;

function authorsOf(container: Element | null): string[] {
  if (!container) return [];
  const names: string[] = [];
  for (const span of container.querySelectorAll(':scope > span')) {
    if (span.matches('.article-date, .middot-divider, .pub-publication')) continue;
    const name = cleanText(textOf(span)?.replace(MARKS, ''));
    if (name) names.push(name);
  }
  if (names.length > 0) return names;
  // Older releases print the names as text: `<span class="author_list">A, B and C</span>`.
  return (textOf(container) ?? '')
    .replace(MARKS, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((name) => cleanText(name))
    .filter((name): name is string => name !== undefined);
}

/** The wrapper's `year-2019` class (the isotope filter). */
function classYear(entry: Element): string | undefined {
  const wrapper = entry.closest('[class*="year-"]');
  return /(?:^|\s)year-((?:19|20)\d\d)(?:\s|$)/.exec(wrapper?.getAttribute('class') ?? '')?.[1];
}

/** The text between the title link and the buttons: the venue ("<em>Nature</em>, 2021." or "mSystems."). */
function textAfter(title: Element): string | undefined {
  let text = '';
  for (let node = title.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).matches('p, div, .btn, a.btn, button')) break;
    text += node.textContent ?? '';
  }
  return cleanText(text.replace(/^[\s.]+/, '').replace(/[\s.,]+$/, ''));
}

function venueWithoutYear(text: string | undefined): string | undefined {
  return cleanText(
    text
      ?.replace(/\(?\b(?:19|20)\d\d\b\)?/g, '')
      .replace(/^[\s,.]+|[\s,.]+$/g, '')
      .replace(/^In\s+/, '')
      .replace(/\s+([.,;:])/g, '$1'),
  );
}

function readCitationItem(entry: Element, page: URL): Detection | null {
  const authorBox = entry.querySelector('.article-metadata, .author_list');
  const titleLink =
    entry.querySelector('.article-title a, .article-title') ??
    [...entry.querySelectorAll(':scope > a[href]')].find((link) => !link.closest('.article-metadata, p'));
  const title = cleanTitle(textOf(titleLink));
  const authors = authorsOf(authorBox);
  if (!titleLink || !title || authors.length === 0) return null;
  const venue = venueWithoutYear(textAfter(titleLink));
  const own = /\((?:19|20)\d\d\)/.exec(entry.textContent ?? '')?.[0];
  return templatePaper(
    {
      title,
      authors,
      venue,
      year: yearIn(own) ?? classYear(entry),
      links: entryLinks(entry.querySelector(':scope > p') ?? entry, page),
      sitePage: httpUrl(titleLink.getAttribute('href'), page),
      source: 'hugo-academic',
      anchor: titleLink,
    },
    page,
  );
}

function readStreamItem(entry: Element, page: URL): Detection | null {
  const titleBox = entry.querySelector('.article-title');
  const title = cleanTitle(textOf(titleBox));
  const meta = entry.querySelector('.article-metadata');
  const authors = authorsOf(meta?.querySelector(':scope > div') ?? meta ?? null);
  if (!titleBox || !title || authors.length === 0) return null;
  const publication = textOf(entry.querySelector('.pub-publication'));
  const date = textOf(entry.querySelector('.article-date'));
  return templatePaper(
    {
      title,
      authors,
      venue: venueWithoutYear(publication),
      year: yearIn(date) ?? yearIn(publication) ?? classYear(entry),
      abstract: cleanText(textOf(entry.querySelector('.article-style'))),
      links: entryLinks(entry.querySelector('.btn-links') ?? entry, page),
      sitePage: httpUrl(titleBox.querySelector('a[href]')?.getAttribute('href'), page),
      source: 'hugo-academic',
      anchor: titleBox,
    },
    page,
  );
}

export const hugoAcademic = templateReader('hugo-academic', '.pub-list-item, .media.stream-item', (entry, url) =>
  entry.classList.contains('pub-list-item') ? readCitationItem(entry, url) : readStreamItem(entry, url),
);
