// Publication lists rendered by jekyll-scholar's default template (inukshuk/jekyll-scholar, the
// `{% bibliography %}` tag without a layout of the site's own): `ol.bibliography > li >
// span#<bibtex key>` holding one formatted citation in the default APA style and nothing else:
// "Poinas, A., Delyon, B., & Lavancier, F. (2019). Mixing properties and central limit theorem
// for associated point processes. <i>Bernoulli</i>, <i>25</i>(3), 1724–1754." Books and theses
// put the title itself in `<i>`: "Poinas, A. (2019). <i>Asymptotic inference …</i> [Université Rennes1]."
// al-folio's entries (a `.title` inside the `li`) are al-folio's.
//
// Decisions:
// - An entry counts when its text reads "authors (year). title." with an author list the shared
//   parser accepts: the template guarantees it is a bibliography entry, links or not.
// - Title: the `<i>` right after "(year)." when the citation starts with it, else the text up to
//   the full stop before the first `<i>` (the container), else up to the next full stop.
// - Venue: that first `<i>` after the title; year from "(2019)".
// - Identity (lib/detect/template.ts): a DOI or arXiv link when the style prints one, else a
//   content key.
import { cleanText } from '../../paper/build';
import { textOf } from '../dom';
import { entryLinks, templatePaper, templateReader } from '../template';
import type { Detection } from '../types';
import { cleanTitle, parseAuthorList } from './generic-links';

const HEAD = /^(.+?)\s\(((?:19|20)\d\d)[a-z]?\)\.\s+/;

function readEntry(entry: Element, citation: Element, page: URL): Detection | null {
  const text = cleanText(textOf(citation)) ?? '';
  const head = HEAD.exec(text);
  if (!head) return null;
  const authors = parseAuthorList(head[1] ?? '');
  if (!authors) return null;
  const rest = text.slice(head[0].length);
  const italics = [...citation.querySelectorAll('i, em')];
  const first = italics[0];
  const firstText = cleanText(textOf(first));
  let title: string | undefined;
  let venue: string | undefined;
  if (first && firstText && rest.startsWith(firstText)) {
    title = firstText;
  } else {
    const end = firstText ? rest.indexOf(firstText) : -1;
    title = (end > 0 ? rest.slice(0, end) : (/^(.+?[.?!])(?:\s|$)/.exec(rest)?.[1] ?? rest)).replace(/[\s.]+$/, '');
    venue = firstText;
  }
  const cleaned = cleanTitle(title);
  if (!cleaned) return null;
  return templatePaper(
    {
      title: cleaned,
      authors,
      venue,
      year: head[2],
      links: entryLinks(entry, page),
      source: 'jekyll-scholar',
      anchor: citation,
    },
    page,
  );
}

export const jekyllScholar = templateReader('jekyll-scholar', 'ol.bibliography > li', (entry, url) => {
  // al-folio's entries share this list markup and carry a .title: theirs, not ours.
  if (entry.querySelector('.title')) return null;
  const citation = entry.querySelector(':scope > span[id]');
  return citation ? readEntry(entry, citation, url) : null;
});
