// www.semanticscholar.org: the paper page (`/paper/<slug>/<id>`, `/paper/<id>`) and the paper rows
// of paper pages (citations, references), search and author pages (docs/SITES.md, "Semantic Scholar").
// Facts verified on tests/fixtures/semantic-scholar/paper-crosswalk and paper-meow; search and
// author rows on the hand-made search-synthetic and author-synthetic.
//
// Decisions:
// - `ids.s2` is the 40-hex paper id (not the "Corpus ID" number the page also shows): a row's
//   `data-paper-id` or its title link's address; the paper page's id from its own header (reader
//   and paper links), else from the address. DOI and arXiv id when the page shows them (the DOI
//   line, doi.org and arxiv.org links, the BibTeX).
// - Semantic Scholar is a single-page app: in-app navigation replaces the body, and the head's
//   JSON-LD (`script.schema-data`) and `citation_*` tags may still describe the paper shown
//   before. They are used only when they name the paper the header shows (its id and title).
// - Authors: the page shows a few names and "+N authors"; the JSON-LD lists them all, so the
//   paper page takes the list from there. Rows state the count: the names shown, in page order
//   (the last one after the gap), and `authorCount`.
// - `venue` as shown; where the page cuts it ("Environment and Planning B…") the venue link's
//   `name=` holds the whole name, used when it begins with what is shown.
// - The TLDR is a machine summary, not the abstract: never kept. The paper page's abstract is
//   the shown abstract when it is not cut, else the JSON-LD's (which starts with the TLDR, as its
//   `about`: dropped). Rows show a TLDR or a cut abstract: no abstract.
// - `keywords` are the fields of study ("Psychology, Biology").
// - `pdfUrl` only for a link that is a PDF (arxiv.org/pdf, a path ending in .pdf or with a /pdf/
//   step): citation_pdf_url and the JSON-LD's `mainEntity` are sometimes the publisher's page.
// - Anchors: the paper page's `h1`, a row's title (`.cl-paper-title`, inside its link: the control
//   goes after the link).

import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi, parseArxivId } from '../../paper/ids';
import { z } from '../../zod-mini';
import { meta, metaAll, parseJson, textExcept, textOf } from '../dom';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'semantic-scholar';
const SITE = 'https://www.semanticscholar.org';
const PAPER_ID = /^[0-9a-f]{40}$/i;
// `/paper/<slug>/<id>`, `/paper/<id>`, `/reader/<id>`, with `#citing-papers` and the like.
const PAPER_HREF = /^\/(?:paper|reader)\/(?:[^/?#]+\/)?([0-9a-f]{40})\/?(?:[?#].*)?$/i;

/** An attribute selector for a test hook: `data-test-id` now, `data-selenium-selector` before. */
function hook(name: string, tag = ''): string {
  return `${tag}[data-test-id="${name}"], ${tag}[data-selenium-selector="${name}"]`;
}

function paperIdOf(value: string | null | undefined): string | undefined {
  const text = value?.trim() ?? '';
  if (PAPER_ID.test(text)) return text.toLowerCase();
  let path = text;
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      if (!/(^|\.)semanticscholar\.org$/i.test(url.hostname)) return undefined;
      path = url.pathname;
    } catch {
      return undefined;
    }
  }
  return PAPER_HREF.exec(path)?.[1]?.toLowerCase();
}

function sameTitle(a: string | undefined, b: string | undefined): boolean {
  const fold = (value: string | undefined) => cleanText(value)?.toLowerCase();
  return fold(a) !== undefined && fold(a) === fold(b);
}

// ---- Shared by the header and rows ------------------------------------------------------------

/**
 * The names of an author list: one `[data-test-id=author-list]` span per author, whose text may
 * hold a ", " separator (aria-hidden) and the "+6 authors" button before the name that follows
 * the gap (paper-meow, paper-crosswalk rows).
 */
function authorList(scope: Element): { names: string[]; hidden: number } {
  const names: string[] = [];
  let hidden = 0;
  for (const item of scope.querySelectorAll(hook('author-list'))) {
    for (const button of item.querySelectorAll('button')) {
      const label = `${button.getAttribute('aria-label') ?? ''} ${textOf(button) ?? ''}`;
      const count = /\+\s*(\d+)\s+authors?/i.exec(label) ?? /\b(\d+)\s+more\s+authors?/i.exec(label);
      if (count?.[1]) hidden += Number(count[1]);
    }
    const name = textExcept(item, 'button, [aria-hidden="true"]');
    if (name) names.push(name);
  }
  return { names, hidden };
}

/** The venue as shown, or the whole name its link carries when the page cut it with "…". */
function venueOf(element: Element | null): string | undefined {
  const shown = textOf(element);
  if (!element || !shown?.endsWith('…')) return shown;
  const link = element.closest('a[href]') ?? element.querySelector('a[href]');
  const href = link?.getAttribute('href');
  let full: string | undefined;
  try {
    full = cleanText(href ? new URL(href, SITE).searchParams.get('name') : undefined);
  } catch {
    full = undefined;
  }
  const start = shown.slice(0, -1).trim();
  return full?.startsWith(start) ? full : shown;
}

/** Fields of study, "Environmental Science, Engineering", one keyword each. */
function fieldsOf(element: Element | null | undefined): string[] {
  return (textOf(element) ?? '').split(',').map((field) => field.trim());
}

/** A link that is a PDF itself, not a page about one. */
function isPdf(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const path = new URL(href).pathname.toLowerCase();
    return path.endsWith('.pdf') || /\/pdf(?:\/|$)/.test(path);
  } catch {
    return false;
  }
}

interface LinkFacts {
  arxiv?: string;
  doi?: string;
  pdfUrl?: string;
}

/** What the outside links of a row or header tell: "View PDF on arXiv", "View via Publisher", DOI links. */
function linkFacts(scope: Element, base: URL): LinkFacts {
  const facts: LinkFacts = {};
  for (const link of scope.querySelectorAll('a[href]')) {
    const href = httpUrl(link.getAttribute('href'), base);
    if (!href || /^https?:\/\/(?:www\.)?semanticscholar\.org\//i.test(href)) continue;
    const host = new URL(href).hostname.toLowerCase();
    facts.arxiv ??= parseArxivId(href)?.id;
    if (/^(?:dx\.)?doi\.org$/.test(host)) facts.doi ??= normalizeDoi(href) ?? undefined;
    const direct = link.getAttribute('data-heap-direct-pdf-link') === 'true';
    if (direct || isPdf(href)) facts.pdfUrl ??= href;
  }
  return facts;
}

// ---- Rows ------------------------------------------------------------------------------------

const TITLE_LINK = `${hook('citation-paper-title', 'a')}, ${hook('title-link', 'a')}`;

/**
 * One `.cl-paper-row`: citation and reference rows carry `data-paper-id` (paper-crosswalk);
 * search rows may not, and have the id only in their title link's address.
 */
function detectRow(row: Element, url: URL): Detection | undefined {
  const title = row.querySelector('.cl-paper-title');
  const link = row.querySelector(TITLE_LINK) ?? title?.closest('a[href]') ?? null;
  const href = httpUrl(link?.getAttribute('href'), url);
  const id = paperIdOf(row.getAttribute('data-paper-id')) ?? paperIdOf(href);
  if (!id) return undefined;
  const { names, hidden } = authorList(row);
  const links = linkFacts(row, url);
  const paper = toPaper({
    title: textOf(title ?? link),
    authors: names,
    authorCount: hidden > 0 ? names.length + hidden : undefined,
    published: toIsoDate(textOf(row.querySelector('.cl-paper-pubdates')) ?? ''),
    venue: venueOf(row.querySelector('.cl-paper-venue')),
    ids: { s2: id, arxiv: links.arxiv, doi: links.doi },
    url: href && paperIdOf(href) === id ? `${SITE}${new URL(href).pathname}` : `${SITE}/paper/${id}`,
    pdfUrl: links.pdfUrl,
    keywords: fieldsOf(row.querySelector('.cl-paper-fos')),
    source: SOURCE_ID,
    pageUrl: url.href,
  });
  return paper ? { paper, anchor: title ?? link ?? row } : undefined;
}

// ---- The paper page --------------------------------------------------------------------------

const loose = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const ArticleSchema = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  name: loose(z.string()),
  headline: loose(z.string()),
  abstract: loose(z.string()),
  about: loose(z.string()),
  author: loose(z.array(z.unknown())),
  datePublished: loose(z.string()),
  publication: loose(z.string()),
  sameAs: loose(z.string()),
  mainEntity: loose(z.string()),
  mainEntityOfPage: loose(z.string()),
});
type Article = z.infer<typeof ArticleSchema>;
const PersonSchema = z.object({ name: z.string() });

/** The `ScholarlyArticle` (or `Article`) of the page's JSON-LD; Semantic Scholar nests it in `@graph` arrays. */
function jsonLdArticle(doc: Document): Article | undefined {
  let found: Article | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found || depth > 4 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const article = ArticleSchema.safeParse(node);
    const types = article.success ? [article.data['@type']].flat() : [];
    if (article.success && types.some((type) => type === 'ScholarlyArticle' || type === 'Article')) {
      found = article.data;
      return;
    }
    visit((node as Record<string, unknown>)['@graph'], depth + 1);
  };
  for (const script of doc.querySelectorAll('script.schema-data, script[type="application/ld+json"]')) {
    visit(parseJson(script.textContent), 0);
    if (found) break;
  }
  return found;
}

/** `doi={…}` and arXiv's `journal={ArXiv}, volume={abs/2106.09685}` (or `eprint=`) of the shown BibTeX. */
function bibtexIds(text: string | undefined): { arxiv?: string; doi?: string } {
  const field = (name: string) => new RegExp(`\\b${name}\\s*=\\s*[{"]([^}"]*)[}"]`, 'i').exec(text ?? '')?.[1];
  const arxivJournal = /^arxiv$/i.test(field('journal') ?? '') || /^arxiv$/i.test(field('archivePrefix') ?? '');
  const volume = /^abs\/(.+)$/i.exec(field('volume') ?? '')?.[1];
  const eprint = field('eprint');
  const arxiv = arxivJournal ? parseArxivId(volume ?? eprint ?? '')?.id : undefined;
  const doi = field('doi');
  return { arxiv, doi: doi ? (normalizeDoi(doi) ?? undefined) : undefined };
}

/** "arXiv: 2106.09685" or "ArXiv ID: …" in the line above the title (beside "DOI:" and "Corpus ID:"). */
function arxivInTopLine(header: Element): string | undefined {
  for (const item of header.querySelectorAll(
    'ul.paper-detail__paper-meta-top li, [data-test-id="paper-meta-subhead"] li',
  )) {
    const match = /\barxiv(?:\s*id)?\s*:\s*(\S+)/i.exec(textOf(item) ?? '');
    const arxiv = match?.[1] ? parseArxivId(match[1])?.id : undefined;
    if (arxiv) return arxiv;
  }
  return undefined;
}

/** The shown abstract when it is whole: no "Expand" toggle and no cut. */
function shownAbstract(header: Element): string | undefined {
  const block = header.querySelector(`${hook('no-highlight-abstract-text')}, ${hook('abstract-text')}`);
  if (!block) return undefined;
  const toggle = block.querySelector(`${hook('text-truncator-toggle')}, button.more-toggle`);
  if (toggle && /expand|more/i.test(`${toggle.getAttribute('aria-label') ?? ''} ${textOf(toggle) ?? ''}`)) {
    return undefined;
  }
  const text = textOf(block.querySelector(hook('text-truncator-text')) ?? block);
  return text?.endsWith('…') ? undefined : text;
}

/** The id the header itself shows: its paper and reader links. */
function headerPaperId(header: Element): string | undefined {
  for (const element of header.querySelectorAll('[data-heap-paper-id], a[href*="/reader/"]')) {
    const id = paperIdOf(element.getAttribute('data-heap-paper-id')) ?? paperIdOf(element.getAttribute('href'));
    if (id) return id;
  }
  return undefined;
}

function detectPaperPage(doc: Document, url: URL): Detection | undefined {
  const heading = doc.querySelector(hook('paper-detail-title', 'h1'));
  const title = textOf(heading);
  if (!heading || !title) return undefined;
  const header =
    heading.closest(`${hook('paper-detail-page-header')}, .fresh-paper-detail-page__header`) ??
    heading.parentElement ??
    heading;
  const addressed = paperIdOf(url.pathname);
  const id = headerPaperId(header) ?? addressed;

  // The head's data, only when it describes the paper the header shows.
  const found = jsonLdArticle(doc);
  const article =
    found && sameTitle(found.name ?? found.headline, title) && (!id || paperIdOf(found.mainEntityOfPage) === id)
      ? found
      : undefined;
  const tags = sameTitle(meta(doc, 'citation_title'), title);

  const shown = authorList(header);
  const jsonAuthors = (article?.author ?? []).flatMap((author) => {
    const person = PersonSchema.safeParse(author);
    return person.success ? [person.data.name] : [];
  });
  const tagAuthors = tags ? metaAll(doc, 'citation_author') : [];
  let authors = shown.names;
  let authorCount = shown.hidden > 0 ? shown.names.length + shown.hidden : undefined;
  const fullList = jsonAuthors.length > 0 ? jsonAuthors : tagAuthors;
  if (fullList.length > 0 && fullList.length >= shown.names.length) {
    authors = fullList;
    authorCount = undefined;
  }

  // The JSON-LD abstract starts with the TLDR it also gives as `about` (paper-meow).
  let jsonAbstract = cleanText(article?.abstract);
  const tldr = cleanText(article?.about);
  if (jsonAbstract && tldr && jsonAbstract !== tldr && jsonAbstract.startsWith(`${tldr} `)) {
    jsonAbstract = cleanText(jsonAbstract.slice(tldr.length));
  }

  const links = linkFacts(header, url);
  const bibtex = bibtexIds(header.querySelector('pre.bibtex-citation')?.textContent ?? undefined);
  const doiLine = header.querySelector(hook('paper-doi'));
  const doi =
    normalizeDoi(doiLine?.querySelector('a[href]')?.getAttribute('href') ?? '') ??
    normalizeDoi((textOf(doiLine) ?? '').replace(/^DOI:\s*/i, '')) ??
    bibtex.doi ??
    links.doi ??
    (article?.sameAs ? normalizeDoi(article.sameAs) : null) ??
    (tags ? normalizeDoi(meta(doc, 'citation_doi') ?? '') : null);
  const pdfCandidates = [links.pdfUrl, article?.mainEntity, tags ? meta(doc, 'citation_pdf_url') : undefined];

  const draft: PaperDraft = {
    title,
    authors,
    authorCount,
    abstract: shownAbstract(header) ?? jsonAbstract,
    published:
      toIsoDate(textOf(header.querySelector(hook('paper-year'))) ?? '') ??
      toIsoDate(article?.datePublished ?? '') ??
      (tags ? toIsoDate(meta(doc, 'citation_publication_date') ?? '') : undefined),
    venue:
      venueOf(header.querySelector('.cl-paper-venue') ?? header.querySelector(hook('venue-metadata'))) ??
      article?.publication ??
      (tags ? meta(doc, 'citation_journal_title') : undefined),
    ids: { s2: id, doi, arxiv: links.arxiv ?? bibtex.arxiv ?? arxivInTopLine(header) },
    // The address with its slug when it is this paper's; the bare id when the header shows another.
    url: id && addressed !== id ? `${SITE}/paper/${id}` : `${SITE}${url.pathname}`,
    pdfUrl: pdfCandidates.find((candidate) => isPdf(httpUrl(candidate))),
    keywords: fieldsOf(
      header.querySelector('.cl-paper-fos') ??
        [...header.querySelectorAll('li.paper-meta-item')].find((item) => item.children.length === 0),
    ),
    source: SOURCE_ID,
    pageUrl: url.href,
  };
  const paper = toPaper(draft);
  return paper ? { paper, anchor: heading } : undefined;
}

export const semanticScholar: Source = {
  id: SOURCE_ID,
  kind: 'site',
  // The whole site: paper, search and author pages are reached by in-app navigation.
  patterns: ['https://www.semanticscholar.org/*'],
  matches: (url) => url.hostname === 'www.semanticscholar.org',
  detect(doc, url) {
    const found: Detection[] = [];
    const main = detectPaperPage(doc, url);
    if (main) found.push(main);
    for (const row of doc.querySelectorAll('.cl-paper-row')) {
      const detection = detectRow(row, url);
      if (detection) found.push(detection);
    }
    return found;
  },
};
