// PubMed (pubmed.ncbi.nlm.nih.gov: search results and article pages) and PubMed Central articles
// (pmc.ncbi.nlm.nih.gov/articles/PMC…/, formerly www.ncbi.nlm.nih.gov/pmc/articles/PMC…/).
//
// Decisions, the same on every kind of page:
// - Every id the page shows goes into `ids` (PMID, PMCID, DOI); toPaper keys by the DOI when there
//   is one, else by pubmed:<PMID>.
// - `url` is the paper's page on the site it was found on: https://pubmed.ncbi.nlm.nih.gov/<PMID>/,
//   or the PMC article address.
// - NLM ends every title with a period ("GenBank." on PubMed, "GenBank" in the PMC page's
//   citation_title): the final period is not part of the title and is dropped.
// - Search results name authors "Lightbourne A" (surname, initials); they are turned round to
//   "A Lightbourne" like every other "First Last" name. Article pages show full names.
// - `published` is the first public date: "Epub <date>" where the page shows it, else the issue
//   date. "2012 Jan-Feb" and "2019 Spring" give the year only.
// - `venue` is the journal: its full name where the page gives one (citation_journal_title, the
//   journal button's tooltip), else the abbreviation search results show ("Qual Health Res").
// - A search result's snippet is cut short ("…"): it is not kept as the abstract.
// - Article pages also list "Similar articles" and "Cited by" with the search results' markup:
//   related and citing works, not papers of the page (README, "Article pages give their own paper
//   only"), so an article page gives its article alone.
import { cleanText, httpUrl, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi } from '../../paper/ids';
import { meta, metaAll, textExcept, textOf } from '../dom';
import { personName } from '../metadata';
import type { Detection, Source } from '../types';

const SOURCE_ID = 'pubmed';
const PUBMED = 'https://pubmed.ncbi.nlm.nih.gov';
// `/` (search, `?term=…`) and `/<PMID>/` on pubmed.ncbi.nlm.nih.gov.
const PUBMED_ARTICLE_PATH = /^\/(\d+)\/?$/;
// `/articles/PMC3531190/` (pmc.ncbi.nlm.nih.gov) and `/pmc/articles/PMC3531190/` (www.ncbi.nlm.nih.gov).
const PMC_ARTICLE_PATH = /^\/(?:pmc\/)?articles\/(PMC\d+)(?:\/|$)/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as PubMed writes it: "2023 Nov 21", "2010 Jul;136(4)…", "2023 Nov 21:e123", "2012 Jan-Feb"
 * (year only: a range of months), "2019 Spring" (year only), citation_date's "01/15/2026" or
 * "01/2026", or any form toIsoDate reads.
 */
export function pubmedDate(text: string | null | undefined): string | undefined {
  const value = cleanText(text)?.replace(/^Epub\s+(?:ahead of print\s+)?/i, '');
  if (!value) return undefined;
  const slashed = /^(\d{1,2})\/(?:(\d{1,2})\/)?(\d{4})$/.exec(value);
  if (slashed) return toIsoDate(`${slashed[3]}/${slashed[1]}${slashed[2] ? `/${slashed[2]}` : ''}`);
  const match = /^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?)?(?=$|[\s;:.,(])/.exec(value);
  if (match?.[1]) {
    const month = match[2] ? MONTHS.indexOf(match[2].toLowerCase()) + 1 : 0;
    if (month === 0) return toIsoDate(match[1]);
    return toIsoDate(`${match[1]}/${month}${match[3] ? `/${match[3]}` : ''}`);
  }
  return toIsoDate(value);
}

/** "GenBank." → "GenBank": NLM's closing period; "…?" and "et al..." style endings are kept. */
function nlmTitle(text: string | null | undefined): string | undefined {
  const title = cleanText(text);
  return title && /[^.]\.$/.test(title) ? title.slice(0, -1) : title;
}

/** "Lightbourne A" → "A Lightbourne", "Brito LGO" → "LGO Brito"; collective names stay as they are. */
function initialsFirst(name: string): string {
  const match = /^(.+?)\s+([A-Z]{1,4})$/.exec(name.trim());
  return match?.[1] && match[2] ? `${match[2]} ${match[1]}` : name.trim();
}

/**
 * "Hagger MS, Wood C, Stiff C." (or "Hagger MS, et al.") → ["MS Hagger", "C Wood", "C Stiff"]; a
 * group name follows a semicolon ("…, Semple MG; ISARIC4C Investigators.").
 */
function docsumAuthors(text: string | undefined): string[] {
  return (text ?? '')
    .replace(/\.$/, '')
    .split(/\s*[,;]\s*/)
    .map((name) => cleanText(name))
    .filter((name): name is string => name !== undefined)
    .map(initialsFirst);
}

function pmidOf(text: string | null | undefined): string | undefined {
  const value = cleanText(text);
  return value && /^\d+$/.test(value) ? value : undefined;
}

function pubmedUrl(pmid: string | undefined): string | undefined {
  return pmid ? `${PUBMED}/${pmid}/` : undefined;
}

/**
 * The text of an abstract: its paragraphs joined by a space (a structured abstract's "Background:"
 * and "Methods:" paragraphs must not run together), leaving out `skip` (headings, keywords).
 */
function abstractText(element: Element | null | undefined, skip: string): string | undefined {
  if (!element) return undefined;
  const paragraphs = [...element.querySelectorAll('p')].filter((paragraph) => !paragraph.closest(skip));
  if (paragraphs.length === 0) return textExcept(element, skip);
  return cleanText(paragraphs.map((paragraph) => textOf(paragraph) ?? '').join(' '));
}

function detect(draft: PaperDraft, anchor: Element): Detection[] {
  const paper = toPaper(draft);
  return paper ? [{ paper, anchor }] : [];
}

/**
 * "Psychol Bull. 2010 Jul;136(4):495-525. doi: 10.1037/a0019486. Epub 2010 May 24." → the
 * journal, the first public date, the DOI. Book chapters ("In: …") give no journal.
 */
function readCitation(text: string | undefined): Pick<PaperDraft, 'venue' | 'published'> & { doi?: string } {
  if (!text) return {};
  const journal = /^(.+?)\.\s+(\d{4}\b[^;:.]*)/.exec(text);
  const epub = /\bEpub\s+(\d{4}\s[^.]*)\./.exec(text)?.[1];
  const doi = /\bdoi:\s*(10\.\S+)/i.exec(text)?.[1];
  return {
    venue: journal?.[1] && !/^In:/.test(journal[1]) ? journal[1] : undefined,
    published: pubmedDate(epub) ?? pubmedDate(journal?.[2]),
    doi: doi ? (normalizeDoi(doi) ?? undefined) : undefined,
  };
}

/**
 * Search results (`article.full-docsum`): `.docsum-content` with `a.docsum-title[data-article-id]`, the full author
 * list (or, without it, the short one), the journal citation and `.docsum-pmid`.
 */
function detectDocsums(doc: Document, url: URL): Detection[] {
  const found: Detection[] = [];
  const seen = new Set<string>();
  for (const title of doc.querySelectorAll('.docsum-content a.docsum-title')) {
    const content = title.closest('.docsum-content') ?? title;
    const pmid =
      pmidOf(title.getAttribute('data-article-id')) ??
      pmidOf(textOf(content.querySelector('.docsum-pmid'))) ??
      PUBMED_ARTICLE_PATH.exec(title.getAttribute('href') ?? '')?.[1];
    if (!pmid || seen.has(pmid)) continue;
    seen.add(pmid);
    const authors = textOf(content.querySelector('.full-authors')) ?? textOf(content.querySelector('.short-authors'));
    const citation = readCitation(
      textOf(content.querySelector('.full-journal-citation')) ??
        textOf(content.querySelector('.short-journal-citation')),
    );
    found.push(
      ...detect(
        {
          title: nlmTitle(textOf(title)),
          authors: docsumAuthors(authors),
          published: citation.published,
          venue: citation.venue,
          ids: { pubmed: pmid, doi: citation.doi },
          url: pubmedUrl(pmid),
          source: SOURCE_ID,
          pageUrl: url.href,
        },
        title,
      ),
    );
  }
  return found;
}

/** The "Keywords: a; b; c." paragraph PubMed puts under the abstract. */
function pubmedKeywords(abstract: Element | null): string[] {
  for (const paragraph of abstract?.querySelectorAll('p') ?? []) {
    const label = textOf(paragraph.querySelector('strong.sub-title'));
    if (!label || !/^Keywords:?$/i.test(label)) continue;
    return (textExcept(paragraph, 'strong.sub-title') ?? '')
      .replace(/\.$/, '')
      .split(';')
      .map((keyword) => keyword.trim());
  }
  return [];
}

/**
 * `/<PMID>/`: `h1.heading-title`, the full names of `.authors-list`, the identifiers list (PMID,
 * PMCID, DOI), the abstract (`.abstract-content.selected`, the language shown; structured
 * abstracts keep their "Background:" labels) and its keywords, the journal and dates of the
 * `.article-citation` line; citation_* meta tags where the body has nothing.
 */
function detectPubmedArticle(doc: Document, url: URL, addressed: string): Detection[] {
  const found: Detection[] = [];
  const heading = doc.querySelector('#full-view-heading h1.heading-title') ?? doc.querySelector('h1.heading-title');
  const identifiers = doc.querySelector('#full-view-identifiers');
  const pmid =
    pmidOf(meta(doc, 'citation_pmid')) ??
    pmidOf(textOf(identifiers?.querySelector('.identifier.pubmed .current-id'))) ??
    addressed;
  const authorsList = doc.querySelector('#full-view-heading .authors-list') ?? doc.querySelector('.authors-list');
  const bodyAuthors = [...(authorsList?.querySelectorAll('.full-name') ?? [])]
    .filter((name) => !name.closest('.short-view'))
    .map(textOf);
  const abstract = doc.querySelector('#abstract');
  const abstractContent =
    abstract?.querySelector('.abstract-content.selected') ?? abstract?.querySelector('.abstract-content');
  const journal = doc.querySelector('#full-view-journal-trigger');
  const citation = doc.querySelector('#full-view-heading .article-citation') ?? doc.querySelector('.article-citation');
  const doi = meta(doc, 'citation_doi') ?? textOf(identifiers?.querySelector('.identifier.doi a'));
  if (heading) {
    found.push(
      ...detect(
        {
          title: nlmTitle(textOf(heading) ?? meta(doc, 'citation_title')),
          authors:
            bodyAuthors.length > 0
              ? bodyAuthors
              : (meta(doc, 'citation_authors') ?? '').split(';').map((name) => initialsFirst(name)),
          abstract: abstractText(abstractContent, 'h2, h3'),
          published:
            pubmedDate(textOf(citation?.querySelector('.secondary-date'))) ??
            pubmedDate(textOf(citation?.querySelector('.cit'))) ??
            pubmedDate(meta(doc, 'citation_date')),
          venue:
            meta(doc, 'citation_journal_title') ??
            cleanText(journal?.getAttribute('title')) ??
            textOf(journal) ??
            meta(doc, 'citation_publisher'),
          ids: {
            pubmed: pmid,
            pmcid: textOf(identifiers?.querySelector('.identifier.pmc a')),
            doi: doi ? normalizeDoi(doi) : undefined,
          },
          keywords: pubmedKeywords(abstract),
          url: pubmedUrl(pmid),
          source: SOURCE_ID,
          pageUrl: url.href,
        },
        heading,
      ),
    );
  }
  return found;
}

/** PMC's keywords: one `.kwd-text` per keyword (2024 site) or one holding them all, comma-separated (older pages). */
function pmcKeywords(doc: Document): string[] {
  return [...doc.querySelectorAll('.kwd-text')]
    .flatMap((keyword) => (textOf(keyword) ?? '').split(/\s*[,;]\s*/))
    .map((keyword) => keyword.replace(/\.$/, ''));
}

/** The abstract section without its "Abstract" heading; the first of several (translations follow). */
function pmcAbstract(doc: Document): string | undefined {
  const section = doc.querySelector('section.abstract') ?? doc.querySelector('div.abstract, #abstract-1');
  return abstractText(section, 'h2, .kwd-group');
}

/**
 * `/articles/PMC…/`: the citation_* meta tags (title, authors, journal, date, DOI, PMID, PDF), the
 * abstract section and keywords; the PMCID from the address. The PMID is also linked from the
 * front matter ("PMID: 23193287"), read when the meta tag is missing.
 */
function detectPmcArticle(doc: Document, url: URL, pmcid: string): Detection[] {
  const heading =
    doc.querySelector('.front-matter h1') ??
    doc.querySelector('h1.content-title') ??
    doc.querySelector('article h1') ??
    doc.querySelector('h1');
  // "PMCID: PMC3531190  PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/23193287/">23193287</a>"
  const pmidLink = [...doc.querySelectorAll('a[href*="pubmed.ncbi.nlm.nih.gov/"]')].find((link) =>
    /PMID:\s*$/.test(link.previousSibling?.textContent ?? ''),
  );
  const pmid = pmidOf(meta(doc, 'citation_pmid')) ?? pmidOf(textOf(pmidLink));
  const doi = meta(doc, 'citation_doi');
  const anchor = heading ?? doc.body ?? doc.documentElement;
  return detect(
    {
      title: nlmTitle(meta(doc, 'citation_title') ?? textOf(heading)),
      authors: metaAll(doc, 'citation_author').map(personName),
      abstract: pmcAbstract(doc),
      published: pubmedDate(meta(doc, 'citation_publication_date')) ?? pubmedDate(meta(doc, 'citation_date')),
      venue: meta(doc, 'citation_journal_title'),
      ids: { pmcid: pmcid.toUpperCase(), pubmed: pmid, doi: doi ? normalizeDoi(doi) : undefined },
      keywords: pmcKeywords(doc),
      url: httpUrl(meta(doc, 'citation_abstract_html_url')) ?? httpUrl(url.pathname, url),
      pdfUrl: httpUrl(meta(doc, 'citation_pdf_url'), url),
      source: SOURCE_ID,
      pageUrl: url.href,
    },
    anchor,
  );
}

function isPmc(url: URL): boolean {
  return (
    (url.hostname === 'pmc.ncbi.nlm.nih.gov' && PMC_ARTICLE_PATH.test(url.pathname)) ||
    (url.hostname === 'www.ncbi.nlm.nih.gov' && /^\/pmc\/articles\/PMC\d+/i.test(url.pathname))
  );
}

export const pubmed: Source = {
  id: SOURCE_ID,
  kind: 'site',
  patterns: [
    'https://pubmed.ncbi.nlm.nih.gov/*',
    'https://pmc.ncbi.nlm.nih.gov/*',
    'https://www.ncbi.nlm.nih.gov/pmc/*',
  ],
  matches: (url) =>
    (url.hostname === 'pubmed.ncbi.nlm.nih.gov' && (url.pathname === '/' || PUBMED_ARTICLE_PATH.test(url.pathname))) ||
    isPmc(url),
  detect(doc, url) {
    if (url.hostname === 'pubmed.ncbi.nlm.nih.gov') {
      const pmid = PUBMED_ARTICLE_PATH.exec(url.pathname)?.[1];
      return pmid ? detectPubmedArticle(doc, url, pmid) : detectDocsums(doc, url);
    }
    const pmcid = PMC_ARTICLE_PATH.exec(url.pathname)?.[1];
    return pmcid && isPmc(url) ? detectPmcArticle(doc, url, pmcid) : [];
  },
};
