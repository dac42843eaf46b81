// What the template readers (al-folio, jekyll-scholar, hugo-academic, academicpages: one named reader per site
// template) share once each has found an entry's parts by the template's own class names: the
// entry's links read as one paper's identity, badge ids, and the paper built from what the entry
// shows (title, authors, venue, year), keyed by its strongest id, else its page or PDF, else a
// content key (lib/paper/content-key.ts) when it links nothing: deterministic, so the same entry
// read twice, or on two pages, is one paper.
import { httpUrl, toPaper } from '../paper/build';
import { normalizeDoi, parseArxivId } from '../paper/ids';
import type { PaperIds } from '../paper/model';
import { isCodeLink, paperLinkOf } from './links';
import { describesArticle } from './metadata';
import type { Detection, Source } from './types';

/** The identity an entry's links and badges give: ids (first per scheme), landing page, PDF, code. */
export interface EntryLinks {
  ids: PaperIds;
  landing?: string;
  pdf?: string;
  /** The first http(s) link that names no paper and is not code (a project page, a site's own page). */
  other?: string;
  code?: string;
}

// Addresses a saved or local build of a site points at: never a paper's address.
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])$/;

function addIds(into: PaperIds, ids: PaperIds): void {
  for (const [scheme, value] of Object.entries(ids) as [keyof PaperIds, string][]) {
    if (value && into[scheme] === undefined) Object.assign(into, { [scheme]: value });
  }
}

/** Ids Altmetric's and Dimensions' badges carry: `data-doi`, `data-arxiv-id`, `data-pmid`. */
export function badgeIds(entry: Element): PaperIds {
  const ids: PaperIds = {};
  for (const badge of entry.querySelectorAll('[data-doi], [data-arxiv-id], [data-pmid]')) {
    ids.doi ??= normalizeDoi(badge.getAttribute('data-doi') ?? '') ?? undefined;
    ids.arxiv ??= parseArxivId(badge.getAttribute('data-arxiv-id') ?? '')?.id;
    const pmid = badge.getAttribute('data-pmid')?.trim();
    if (pmid && /^\d{1,9}$/.test(pmid)) ids.pubmed ??= pmid;
  }
  return ids;
}

/**
 * Every link of `entry` (outside elements matching `skip`: hidden BibTeX, abstracts) read as one
 * paper's: the strongest link decides the landing page, each scheme's first id is kept; then the
 * badges' ids. `#` links, `javascript:` and a local build's `localhost` addresses are not links.
 */
export function entryLinks(entry: Element, page: URL, skip?: string): EntryLinks {
  const found: EntryLinks = { ids: {} };
  let bestRank = Number.POSITIVE_INFINITY;
  for (const anchor of entry.querySelectorAll('a[href]')) {
    if (skip && anchor.closest(skip)) continue;
    const raw = anchor.getAttribute('href') ?? '';
    const href = httpUrl(raw, page);
    if (!href || raw.trim().endsWith('#') || raw.trim().startsWith('#')) continue;
    if (LOCAL_HOST.test(new URL(href).hostname)) continue;
    if (isCodeLink(href)) {
      found.code ??= href;
      continue;
    }
    const link = paperLinkOf(href);
    if (!link) {
      found.other ??= href;
      continue;
    }
    addIds(found.ids, link.ids);
    found.pdf ??= link.pdf;
    if (link.rank < bestRank && link.landing) {
      bestRank = link.rank;
      found.landing = link.landing;
    }
  }
  addIds(found.ids, badgeIds(entry));
  return found;
}

/** A year 19xx/20xx in `text`, the first one. */
export function yearIn(text: string | undefined): string | undefined {
  return /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(text ?? '')?.[1];
}

/** What a template reader found in one entry. */
export interface TemplateEntry {
  title: string;
  authors: string[];
  venue?: string;
  year?: string;
  abstract?: string;
  links: EntryLinks;
  /** The page of the paper on the site itself (`/publication/<slug>/`), used only when nothing else names it. */
  sitePage?: string;
  source: string;
  anchor: Element;
}

/**
 * The paper of one template entry. Key by precedence (toPaper): an id, else the address (the
 * landing page, the PDF, the site's own page of the paper, another link), else the content key.
 */
export function templatePaper(entry: TemplateEntry, page: URL): Detection | null {
  const { links } = entry;
  const paper = toPaper(
    {
      title: entry.title,
      authors: entry.authors,
      published: entry.year,
      venue: entry.venue,
      abstract: entry.abstract,
      ids: links.ids,
      url: links.landing ?? links.pdf ?? entry.sitePage ?? links.other,
      pdfUrl: links.pdf,
      codeUrl: links.code,
      source: entry.source,
      pageUrl: page.href,
    },
    { contentKey: true },
  );
  return paper ? { paper, anchor: entry.anchor } : null;
}

/**
 * The entries of the templates a named reader reads (al-folio, jekyll-scholar, hugo-academic,
 * academicpages). The
 * generic readers leave links inside them alone: one entry is read once, by the reader that
 * knows its parts, and never becomes a second paper keyed by a different link.
 */
export const TEMPLATE_ENTRY = 'ol.bibliography > li, .pub-list-item, .media.stream-item, article.archive__item';

export function inTemplateEntry(element: Element): boolean {
  return element.closest(TEMPLATE_ENTRY) !== null;
}

/**
 * A template's reader: each element matching `selector` read by `read` (null skips it); none on
 * an article page, where such a list is "related publications", not the page's own papers.
 */
export function templateReader(
  id: string,
  selector: string,
  read: (entry: Element, page: URL) => Detection | null,
): Source {
  return {
    id,
    kind: 'listing',
    patterns: [],
    matches: () => true,
    detect(doc, url) {
      if (describesArticle(doc)) return [];
      const found: Detection[] = [];
      for (const entry of doc.querySelectorAll(selector)) {
        const detection = read(entry, url);
        if (detection) found.push(detection);
      }
      return found;
    },
  };
}
