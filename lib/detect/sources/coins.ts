// COinS: OpenURL ContextObjects (Z39.88-2004 KEV) in `span.Z3988[title]`, one paper per span. Library
// catalogues (VuFind puts one in each result's links), repositories, Wikipedia references and
// Zotero's exports write them; a page may carry many (a listing) or one (bioRxiv's paper page).
//
// Decisions:
// - Papers only: journal-format articles (not a whole journal or issue), book-format chapters,
//   proceedings and reports (not whole books, nor Wikipedia's "unknown" web citations), theses;
//   Dublin Core-format spans only with a DOI, arXiv id or PMID.
// - A span needs an identity of its own: a DOI, PMID or arXiv id in `rft_id` (info:doi/…,
//   info:pmid/…, info:arxiv/…, resolver addresses) or `rft.identifier`; or an http(s) `rft_id`
//   for a thesis, preprint, report or proceedings paper, or an article with journal details
//   (volume, issue, pages, ISSN). A span without one is left out: keyed by the page address it
//   would split from the same paper read by citation_* (bioRxiv's span has no DOI, its
//   `rft.date` is a 2020-01-01 placeholder and its `rft.au` are turned round).
// - Names: every `rft.au` ("Last, First" turned round); `rft.aufirst`/`rft.aulast` (Zotero writes
//   the first author twice, there and in `rft.au`) only when no `rft.au` has that last name.
// - `url`: an http(s) `rft_id` that is not an id resolver, else the entry's title when it is a link,
//   else (one span on the page) the page's own address; none for an arXiv-only Wikipedia citation.
// - The anchor: the element in the span's entry (its largest ancestor holding no other span) that
//   shows the title, else the nearest title-like element before the span, else the span's parent.
// unAPI (`<link rel="unapi-server">` + `abbr.unapi-id`) is not read: its records need a request to
// the server, and detection reads only the page, offline.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import type { PaperIds } from '../../paper/model';
import { pageAddress, showsTitle, textOf, titleAnchor } from '../dom';
import { identifierIds, metadataDate, personName } from '../metadata';
import type { Detection, Source } from '../types';

const SPANS = 'span.Z3988[title]';
const TITLE_LIKE = 'h1, h2, h3, h4, h5, h6, [class*="title" i], cite';

/** The KEV pairs of a span, keys lower case; values decoded (`+` is a space, as URLSearchParams reads it). */
function contextObject(span: Element): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(span.getAttribute('title') ?? '');
  } catch {
    return pairs;
  }
  for (const [rawKey, rawValue] of params) {
    // A title escaped twice reads "&amp;rft.au=…" after the parser's one unescaping.
    const key = rawKey.replace(/^amp;/, '').toLowerCase();
    const value = cleanText(rawValue);
    if (value) pairs.set(key, [...(pairs.get(key) ?? []), value]);
  }
  return pairs;
}

const ID_RESOLVER = /^https?:\/\/(?:(?:dx\.)?doi\.org|(?:www\.)?arxiv\.org|pubmed\.ncbi\.nlm\.nih\.gov)\//i;

/** The largest ancestor of the span that holds no other span: its entry in a listing. */
function entryOf(span: Element): Element {
  let entry: Element = span.parentElement ?? span;
  let parent = entry.parentElement;
  while (
    parent &&
    parent.tagName !== 'BODY' &&
    parent.tagName !== 'HTML' &&
    parent.querySelectorAll(SPANS).length === 1
  ) {
    entry = parent;
    parent = parent.parentElement;
  }
  return entry;
}

function anchorOf(span: Element, title: string, single: boolean): Element | null {
  const doc = span.ownerDocument;
  if (single) {
    const heading = titleAnchor(doc, title);
    if (heading && heading !== doc.body && showsTitle(textOf(heading), title)) return heading;
  }
  const entry = entryOf(span);
  const candidates = [...entry.querySelectorAll(`${TITLE_LIKE}, a[href]`)];
  const showing = candidates.find((element) => showsTitle(textOf(element), title));
  if (showing) return showing;
  // DOCUMENT_POSITION_FOLLOWING (4): the span follows the candidate.
  const before = [...entry.querySelectorAll(TITLE_LIKE)].filter(
    (element) => !element.contains(span) && (element.compareDocumentPosition(span) & 4) !== 0,
  );
  return before.at(-1) ?? span.parentElement ?? span;
}

/** What kind of work a span describes, and whether it is a paper. */
function kindOf(co: Map<string, string[]>): { format: string; genre: string; paper: boolean } {
  const format = /(?:mtx:)?(\w+)$/.exec(co.get('rft_val_fmt')?.[0]?.toLowerCase() ?? '')?.[1] ?? '';
  const genre = co.get('rft.genre')?.[0]?.toLowerCase() ?? '';
  let paper = false;
  if (format === 'journal' || format === '') paper = !['journal', 'issue', 'book', 'bookitem'].includes(genre);
  else if (format === 'book') paper = ['bookitem', 'proceeding', 'conference', 'report', 'preprint'].includes(genre);
  else if (format === 'dissertation' || format === 'dc') paper = true;
  return { format, genre, paper };
}

function draftOf(
  co: Map<string, string[]>,
): { draft: PaperDraft; link?: string; strong: boolean; weak: boolean } | null {
  const get = (key: string): string | undefined => co.get(key)?.[0];
  const { format, genre, paper } = kindOf(co);
  if (!paper) return null;
  const ids: Pick<PaperIds, 'doi' | 'arxiv' | 'pubmed'> = {};
  let link: string | undefined;
  for (const value of [...(co.get('rft_id') ?? []), ...(co.get('rft.identifier') ?? [])]) {
    const found = identifierIds(value);
    ids.doi ??= found.doi;
    ids.arxiv ??= found.arxiv;
    ids.pubmed ??= found.pubmed;
    if (!ID_RESOLVER.test(value)) link ??= httpUrl(value);
  }
  const strong = Boolean(ids.doi || ids.arxiv || ids.pubmed);
  const part = get('rft.atitle');
  let title: string | undefined;
  let venue: string | undefined;
  if (format === 'dissertation') [title, venue] = [get('rft.title'), get('rft.inst')];
  else if (format === 'dc') [title, venue] = [get('rft.title'), get('rft.source')];
  else if (format === 'book' && !part) title = get('rft.btitle') ?? get('rft.title');
  else [title, venue] = [part, get('rft.jtitle') ?? get('rft.btitle') ?? get('rft.title')];
  const journalDetails = ['rft.volume', 'rft.issue', 'rft.spage', 'rft.pages', 'rft.issn', 'rft.eissn'].some((key) =>
    co.has(key),
  );
  const weak =
    format === 'dissertation' ||
    ['preprint', 'report', 'proceeding', 'conference', 'bookitem'].includes(genre) ||
    (format !== 'dc' && venue !== undefined && journalDetails);

  const listed = [...(co.get('rft.au') ?? []), ...(co.get('rft.creator') ?? [])].map(personName);
  const last = get('rft.aulast');
  const authors = [...listed];
  // Zotero writes the first author twice: as aufirst/aulast and as the first rft.au.
  if (last && !listed.some((name) => name.toLowerCase().includes(last.toLowerCase()))) {
    authors.unshift(cleanText(`${get('rft.aufirst') ?? get('rft.auinit') ?? ''} ${last}`) ?? last);
  }
  if (authors.length === 0 && get('rft.aucorp')) authors.push(get('rft.aucorp') ?? '');
  return {
    draft: {
      title,
      authors,
      abstract: get('rft.description'),
      published: metadataDate(get('rft.date')),
      venue,
      ids,
      keywords: co.get('rft.subject') ?? [],
      source: 'coins',
    },
    link,
    strong,
    weak,
  };
}

export const coins: Source = {
  id: 'coins',
  kind: 'metadata',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    // The class collection the browser keeps, not a selector query over the whole page.
    const spans = [...doc.getElementsByClassName('Z3988')].filter(
      (element) => element.tagName === 'SPAN' && element.hasAttribute('title'),
    );
    const found: Detection[] = [];
    for (const span of spans) {
      const read = draftOf(contextObject(span));
      const title = cleanText(read?.draft.title);
      if (!read || !title || !(read.strong || (read.weak && read.link))) continue;
      const anchor = anchorOf(span, title, spans.length === 1);
      // The entry's link to the work, when its title is one (VuFind's a.title): not any link nearby.
      const titleLink = showsTitle(textOf(anchor), title)
        ? (anchor?.closest('a[href]') ?? anchor?.querySelector('a[href]'))
        : null;
      const paper = toPaper({
        ...read.draft,
        url: read.link ?? (spans.length === 1 ? pageAddress(doc, url) : httpUrl(titleLink?.getAttribute('href'), url)),
        pageUrl: url.href,
      });
      if (paper) found.push({ paper, anchor });
    }
    return found;
  },
};
