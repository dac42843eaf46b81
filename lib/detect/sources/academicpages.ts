// Publication lists of the academicpages Jekyll template (academicpages/academicpages.github.io,
// a Minimal Mistakes fork): `_includes/archive-single.html` renders each publication as
// `.list__item > article.archive__item` with `h2.archive__item-title` (a link to the site's
// `/publication/<slug>`), "Published in <i>venue</i>, 2009", an `.archive__item-excerpt`, and
// "Recommended citation: Authors (2009). "Title." <i>Venue</i>. <a>link</a>"; many sites add
// `.pubauthors` and `.pubvenuedate` lines, or a "Download here" link.
//
// Decisions:
// - An item is a publication when it says where it was published ("Published in", "Recommended
//   citation", `.pubvenuedate`); the same list markup also renders talks, teaching and posts,
//   which are not papers.
// - Authors from `.pubauthors`, else the recommended citation before its "(year)"; an item with
//   neither still counts (the template's own sample entries print none).
// - Identity (lib/detect/template.ts): the item's paper links (arXiv, DOI, PDF…) outside the
//   title, else the site's page of the paper (not a local build's `localhost:4000` address),
//   else a content key.
import { cleanText, httpUrl } from '../../paper/build';
import { textOf } from '../dom';
import { entryLinks, templatePaper, templateReader, yearIn } from '../template';
import type { Detection } from '../types';
import { alFolioAuthors } from './al-folio';
import { cleanTitle, parseAuthorList } from './generic-links';

const PUBLISHED = /^\s*Published in\b/i;
const CITATION = /^\s*Recommended citation:\s*/i;

function paragraphs(item: Element): Element[] {
  return [...item.querySelectorAll(':scope > p')];
}

function readItem(item: Element, page: URL): Detection | null {
  const heading = item.querySelector('.archive__item-title');
  const title = cleanTitle(textOf(heading));
  if (!heading || !title) return null;
  const published = paragraphs(item).find((p) => PUBLISHED.test(p.textContent ?? ''));
  const citation = paragraphs(item).find((p) => CITATION.test(p.textContent ?? ''));
  const venueDate = item.querySelector('.pubvenuedate');
  if (!published && !citation && !venueDate) return null;
  const venue =
    cleanText(textOf(venueDate?.querySelector('.pubvenue'))) ??
    cleanText(textOf(published?.querySelector('i, em'))) ??
    cleanText(textOf(citation?.querySelector('i, em')));
  const year =
    yearIn(textOf(venueDate)) ??
    yearIn(textOf(published)) ??
    yearIn(/\(((?:19|20)\d\d)\)/.exec(textOf(citation) ?? '')?.[1]);
  const citedBy = /^(.+?)\s*\((?:19|20)\d\d[a-z]?\)/.exec((textOf(citation) ?? '').replace(CITATION, ''))?.[1];
  const listed = textOf(item.querySelector('.pubauthors'));
  const authors = listed
    ? (parseAuthorList(listed) ?? alFolioAuthors(listed))
    : citedBy
      ? alFolioAuthors(citedBy.replace(/\.$/, ''))
      : [];
  const titleLink = heading.querySelector('a[href]');
  const sitePage = httpUrl(titleLink?.getAttribute('href'), page);
  const local = sitePage !== undefined && /^(?:localhost|127\.0\.0\.1)$/.test(new URL(sitePage).hostname);
  return templatePaper(
    {
      title,
      authors,
      venue,
      year,
      abstract: cleanText(textOf(item.querySelector('.archive__item-excerpt'))),
      links: entryLinks(item, page, '.archive__item-title'),
      sitePage: local ? undefined : sitePage,
      source: 'academicpages',
      anchor: heading,
    },
    page,
  );
}

export const academicpages = templateReader('academicpages', 'article.archive__item', readItem);
