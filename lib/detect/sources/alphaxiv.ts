// alphaXiv (www.alphaxiv.org): a discussion site over arXiv papers, one page per paper at
// `/abs/<arXiv id>` and `/overview/<arXiv id>` (with or without a version), under arXiv's own ids.
//
// What is and is not known of its pages (no saved page was available; from public code, 2025-26):
// - Confirmed by several independent scrapers and tests: the addresses above; `<title>` is
//   "<paper title> | alphaXiv"; `og:title` is the paper title alone. Pages are rendered by a
//   JavaScript app (TanStack Router: the data travels in a `$_TSR` / `$R[…]` script whose
//   serialisation is an implementation detail, so it is not parsed).
// - Seen once (an overview page, a test of a web-fetch tool): an `h1` with the title and a JSON-LD
//   ScholarlyArticle with `headline` and `abstract`. JSON-LD belongs to the json-ld reader.
// - Not known: the markup of authors, dates, votes, or of the explore feed's paper cards. So only
//   paper pages are read, and only what the address and the title give: the arXiv id (version when
//   the address names one), the title, the id's year and month (as the arXiv source does where a
//   page shows no date), the arXiv PDF. Listings are left to other readers.
import { cleanText, type PaperDraft, toPaper } from '../../paper/build';
import { type ArxivId, arxivIdMonth, parseArxivId } from '../../paper/ids';
import { meta, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'alphaxiv';
const HOSTS = new Set(['www.alphaxiv.org', 'alphaxiv.org']);
// `/abs/2502.06703`, `/overview/2512.21120v1`, old-style `/abs/hep-th/9901001`.
const PAPER_PATH = /^\/(abs|overview)\/(.+?)\/?$/;

function addressedPaper(url: URL): ArxivId | null {
  const path = PAPER_PATH.exec(url.pathname)?.[2];
  return path ? parseArxivId(decodeURIComponent(path)) : null;
}

/**
 * The title: the `<title>` without " | alphaXiv", or og:title. The app updates `<title>` when it
 * moves to another paper; og:title may be left from the first page, so where the two disagree the
 * `<title>` wins, unless it is og:title cut short with "...". The `h1` is the last resort.
 */
function pageTitle(doc: Document, heading: Element | null): string | undefined {
  const fromTitle = cleanText(doc.title)?.replace(/\s*\|\s*alphaXiv$/i, '');
  const fromMeta = meta(doc, 'og:title');
  const cut = fromTitle ? /^(.*?)\s*(?:\.{3}|…)$/.exec(fromTitle)?.[1] : undefined;
  const title = cut && fromMeta?.startsWith(cut) ? fromMeta : (fromTitle ?? fromMeta ?? textOf(heading));
  return title && !/^alphaXiv$/i.test(title) ? title : textOf(heading);
}

function detectPaper(doc: Document, url: URL, id: ArxivId): Detection[] {
  const heading = doc.querySelector('main h1') ?? doc.querySelector('h1');
  const draft: PaperDraft = {
    // The title stands in as `arXiv:<id>` (as on arXiv's PDF pages) until a page names the paper.
    title: pageTitle(doc, heading) ?? `arXiv:${id.id}`,
    authors: [],
    published: arxivIdMonth(id.id),
    ids: { arxiv: id.id, arxivVersion: id.version },
    url: `https://www.alphaxiv.org/abs/${id.id}`,
    pdfUrl: `https://arxiv.org/pdf/${id.id}${id.version ? `v${id.version}` : ''}`,
    source: SOURCE_ID,
    pageUrl: url.href,
  };
  const paper = toPaper(draft);
  return paper ? [{ paper, anchor: heading ?? doc.body ?? doc.documentElement }] : [];
}

export const alphaxiv: Source = {
  id: SOURCE_ID,
  kind: 'site',
  patterns: ['https://www.alphaxiv.org/*', 'https://alphaxiv.org/*'],
  // Paper pages only: the explore feed's markup is unknown, and a site source on it would keep the
  // generic listing readers away.
  matches: (url) => HOSTS.has(url.hostname) && addressedPaper(url) !== null,
  detect(doc, url) {
    const id = addressedPaper(url);
    return id ? detectPaper(doc, url, id) : [];
  },
};
