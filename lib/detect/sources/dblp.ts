// dblp.org (and its mirrors dblp.uni-trier.de, dblp.dagstuhl.de): person pages /pid/…, search
// results /search?q=…, the tables of contents of conferences and journals /db/conf/…,
// /db/journals/…, and record pages /rec/… (docs/SITES.md, "dblp"). Every page lists records the same
// way: `li.entry` in a `ul.publ-list`, the record's key in its id, the citation in `cite`, the
// links in `nav.publ` (markup as in public captures of dblp pages and the scrapers that read them).
//
// Decisions, the same on every kind of page:
// - Records of publications are read: articles, conference papers, CoRR preprints ("informal"),
//   chapters, books, theses, encyclopedia entries. Volumes (`editor`, `proceedings`: a TOC page's
//   head entry, the volumes a person edited), data and artifacts (`data`) and withdrawn records are
//   not papers and are skipped.
// - `ids.dblp` is the record's key ("conf/nips/VaswaniSPUJGKP17"). The electronic editions ("ee"
//   links) give `ids.doi` (a doi.org link) and `ids.arxiv` (an arxiv.org link); a CoRR key
//   "journals/corr/abs-1706-03762" names its arXiv id as well.
// - `url` is the first electronic edition that is not a PDF (an arXiv one as https://arxiv.org/abs/<id>,
//   as the arXiv source has it), else the record's persistent address https://dblp.org/rec/<key>;
//   `pdfUrl` is an electronic edition that is a PDF file.
// - Author names lose dblp's homonym number: dblp tells apart people of one name by a 4-digit
//   suffix ("Wei Zhang 0001") that is not part of the name printed on the paper.
// - The title loses the full stop dblp ends every title with ("Attention is All you Need.");
//   titles ending in "?" or "!" have none added.
// - `venue` is the journal or conference name as dblp abbreviates it ("NIPS", "CoRR", "Commun.
//   ACM"); `published` is the year shown. A table of contents shows neither beside its entries (the
//   page is the venue, as public TOC scrapers find, which take both from elsewhere): there the venue
//   is the title of the page's proceedings entry, or the journal named in the page heading, and the
//   year that of the section, the heading or the proceedings entry.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { normalizeDoi, parseArxivId } from '../../paper/ids';
import { allIn, textOf } from '../dom';
import type { Detection, Source } from '../types';

const HOSTS = new Set(['dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de']);
// Person pages (/pid/, and /pers/ of older links), search, tables of contents and records.
const LIST_PAGES = /^\/(?:pid|pers|search|db|rec)(?:\/|$)/;
// Record types (the entry's second class) that are not publications.
const NOT_PAPERS = new Set(['editor', 'proceedings', 'data', 'withdrawn']);
// A record key: "conf/nips/VaswaniSPUJGKP17", "journals/corr/abs-1706-03762".
const DBLP_KEY = /^[a-z]+(?:\/[\w.+-]+)+$/i;
const HOMONYM_NUMBER = /\s+\d{4}$/;

/** The record's key: the entry's id, else the key in its BibTeX export link. */
function keyOf(entry: Element): string | undefined {
  const id = entry.getAttribute('id')?.trim();
  if (id && DBLP_KEY.test(id)) return id;
  const bibtex = entry.querySelector('a[href*="/rec/"][href*="view=bibtex"]')?.getAttribute('href') ?? '';
  const key = /\/rec\/(.+?)\.html/.exec(bibtex)?.[1];
  return key && DBLP_KEY.test(key) ? key : undefined;
}

/** The arXiv id of a CoRR record: "journals/corr/abs-1706-03762" → 1706.03762. */
function arxivFromKey(key: string): string | undefined {
  const match = /^journals\/corr\/abs-(\d{4})-(\d{4,5})$/.exec(key);
  return match ? parseArxivId(`${match[1]}.${match[2]}`)?.id : undefined;
}

/** "Attention is All you Need." → without dblp's closing full stop (an ellipsis stays). */
function titleOf(element: Element | null): string | undefined {
  const title = textOf(element);
  return title && !title.endsWith('...') ? title.replace(/\.$/, '') : title;
}

/** The electronic editions of a record, in order: the "view" menu's `li.ee` links but unpaywall's copy. */
function editionsOf(entry: Element, base: URL): string[] {
  const links: string[] = [];
  for (const link of allIn(entry, 'nav.publ', 'li.ee > a[href]')) {
    // "unpaywalled version" points at some open copy unpaywall found, not at the record's edition.
    if (/unpaywall/i.test(textOf(link) ?? '')) continue;
    const href = httpUrl(link.getAttribute('href'), base);
    if (href && !HOSTS.has(new URL(href).hostname) && !links.includes(href)) links.push(href);
  }
  return links;
}

function isPdf(address: string): boolean {
  return /\.pdf$/i.test(new URL(address).pathname);
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/;

/** What a table of contents says once for all its entries: the venue and the year. */
interface Context {
  venue?: string;
  year?: string;
}

/** The proceedings entry (the volume) at the head of a conference's table of contents, and the page heading. */
function contextOf(doc: Document): Context {
  const volume = [...doc.querySelectorAll('li.entry.editor, li.entry.proceedings')][0];
  const heading = textOf(doc.querySelector('#headline h1') ?? doc.querySelector('h1'));
  return {
    // A journal volume's heading: "Communications of the ACM, Volume 67, 2024".
    venue: titleOf(volume?.querySelector('cite .title') ?? null) ?? heading?.replace(/,\s*Volume\b.*$/i, ''),
    year:
      YEAR.exec(textOf(volume?.querySelector('[itemprop="datePublished"]')) ?? '')?.[0] ??
      YEAR.exec(heading ?? '')?.[0],
  };
}

/** The year in the heading of the section an entry is listed under ("Volume 67, Number 1, January 2024"). */
function sectionYear(entry: Element): string | undefined {
  const list = entry.closest('ul.publ-list');
  for (let node = list?.previousElementSibling; node; node = node.previousElementSibling) {
    if (node.tagName === 'UL') continue;
    if (node.matches('header, h2, h3')) return YEAR.exec(textOf(node) ?? '')?.[0];
  }
  return undefined;
}

/** One `li.entry`: the citation in `cite`, the links in `nav.publ`. */
function readEntry(
  entry: Element,
  url: URL,
  listYear: string | undefined,
  context: (() => Context) | undefined,
): Detection | null {
  if ([...entry.classList].some((name) => NOT_PAPERS.has(name))) return null;
  const cite = entry.querySelector('cite');
  const titleElement = cite?.querySelector('.title') ?? null;
  if (!cite || !titleElement) return null;
  const key = keyOf(entry);
  const editions = editionsOf(entry, url);
  const doi = editions.map((href) => (/\/\/(?:dx\.)?doi\.org\//i.test(href) ? normalizeDoi(href) : null)).find(Boolean);
  const arxiv = editions.map((href) => parseArxivId(href)?.id).find(Boolean) ?? (key ? arxivFromKey(key) : undefined);
  // An arXiv edition (its abs page or its DOI) is addressed as the arXiv source addresses it.
  const landing = editions
    .filter((href) => !isPdf(href))
    .map((href) => {
      const id = parseArxivId(href)?.id;
      return id ? `https://arxiv.org/abs/${id}` : href;
    })[0];
  const draft: PaperDraft = {
    title: titleOf(titleElement),
    authors: [...cite.querySelectorAll('[itemprop="author"]')].map((author) =>
      cleanText(textOf(author)?.replace(HOMONYM_NUMBER, '')),
    ),
    // The journal or series a record is part of; a volume number is not a venue.
    venue: textOf(cite.querySelector('[itemprop="isPartOf"] > [itemprop="name"]')) ?? context?.().venue,
    published:
      YEAR.exec(textOf(cite.querySelector('[itemprop="datePublished"]')) ?? '')?.[0] ??
      listYear ??
      (context ? (sectionYear(entry) ?? context().year) : undefined),
    ids: { dblp: key, doi, arxiv },
    url: landing ?? (key ? `https://dblp.org/rec/${key}` : undefined),
    pdfUrl: editions.find(isPdf),
    source: 'dblp',
    pageUrl: url.href,
  };
  const paper = toPaper(draft);
  return paper ? { paper, anchor: titleElement } : null;
}

/** dblp: the records on person pages, search results, tables of contents and record pages. */
export const dblp: Source = {
  id: 'dblp',
  kind: 'site',
  patterns: ['https://dblp.org/*', 'https://dblp.uni-trier.de/*', 'https://dblp.dagstuhl.de/*'],
  matches: (url) => HOSTS.has(url.hostname) && LIST_PAGES.test(url.pathname),
  detect(doc, url) {
    const found: Detection[] = [];
    // Only a table of contents (/db/…) needs the page's context and section headings; elsewhere
    // the headings name a person, a search or a period. Read it once, when an entry asks.
    let context: Context | undefined;
    const pageContext = url.pathname.startsWith('/db/')
      ? () => {
          context ??= contextOf(doc);
          return context;
        }
      : undefined;
    // Year headings and records in page order, one pass: person pages and search results put a
    // year heading (li.year) before that year's records.
    let listYear: string | undefined;
    for (const entry of doc.querySelectorAll('li.year, li.entry')) {
      if (entry.matches('li.year')) {
        listYear = YEAR.exec(textOf(entry) ?? '')?.[0];
        continue;
      }
      const detection = readEntry(entry, url, listYear, pageContext);
      if (detection) found.push(detection);
    }
    return found;
  },
};
