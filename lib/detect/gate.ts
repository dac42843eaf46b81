// The cheap "is there anything here" test a content script runs before any deep work: an address
// check, then a look at the page's meta tags, scripts and links (collections the browser keeps
// ready), so a page with no papers costs a fraction of one walk over its elements.
import { JOURNAL, LOWER_CASE_VENUE_NAMES, VENUE_NAMES } from './sources/generic-links';
import type { Source } from './types';

// Embedded metadata any metadata reader reads.
const META_NAME = /^(?:citation_|bepress_citation_|dc\.|dcterms\.|prism\.)/i;

// A link to a paper: arXiv, a DOI, OpenReview, ACL, PubMed/PMC, Semantic Scholar, Hugging Face,
// publisher and proceedings pages, a PDF.
const PAPER_LINK = new RegExp(
  [
    'arxiv\\.org/',
    'doi\\.org/10\\.',
    '/doi/10\\.',
    'openreview\\.net/',
    'aclanthology\\.org/',
    'aclweb\\.org/anthology/',
    'pubmed\\.ncbi\\.nlm\\.nih\\.gov/',
    'ncbi\\.nlm\\.nih\\.gov/(?:pmc|pubmed)/',
    'pmc\\.ncbi\\.nlm\\.nih\\.gov/articles/',
    '/(?:article|chapter|content)/10\\.',
    'nature\\.com/articles/',
    'proceedings\\.neurips\\.cc/',
    'proceedings\\.mlr\\.press/',
    'openaccess\\.thecvf\\.com/',
    'ieeexplore\\.ieee\\.org/document/',
    'semanticscholar\\.org/paper/',
    'huggingface\\.co/papers/',
    '\\.pdf$',
  ].join('|'),
  'i',
);

// Titles that are links, as repeated citation cards have them.
const TITLE_LINK = ':is(h2, h3, h4, h5, h6, [class*="title"]) a[href], a[href][class*="title"]';
// The page's text runs blocks together ("A titleNature, 2021"): a venue word that begins with a
// capital may start mid-word. One that begins in lower case ("preprint") starts a word: tried after
// every letter of the page, those made the search three times dearer on a page without papers. Two
// patterns, each with one kind of start, run faster than one holding both (0.21 against 0.31 ms).
const unbounded = (pattern: RegExp) => pattern.source.replace(/^\\b/, '');
const CAPITALISED_VENUE = new RegExp(`(?:${VENUE_NAMES.join('|')})\\b`);
const LOWER_CASE_VENUE = new RegExp(`\\b(?:${LOWER_CASE_VENUE_NAMES.join('|')})\\b`);
// A journal-like name beside a year ("Nature 2021"): alone, "Science" is a news section.
const JOURNAL_YEAR = new RegExp(`${unbounded(JOURNAL)}\\W{1,3}(?:\\w+\\W{1,3}){0,3}(?:19|20)\\d\\d\\b`);

function hasMetadata(doc: Document): boolean {
  for (const meta of doc.getElementsByTagName('meta')) {
    if (META_NAME.test(meta.getAttribute('name') ?? '')) return true;
  }
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type') === 'application/ld+json') return true;
  }
  for (const span of doc.getElementsByClassName('Z3988')) if (span.tagName === 'SPAN') return true;
  return false;
}

function hasPaperLink(doc: Document): boolean {
  for (const link of doc.getElementsByTagName('a')) {
    if (PAPER_LINK.test(link.getAttribute('href') ?? '')) return true;
  }
  return false;
}

// The entries of the site templates a named reader reads (lib/detect/template.ts), by the class
// collections the browser keeps: a publication list that links nothing still shows them.
const TEMPLATE_CLASSES = ['bibliography', 'pub-list-item', 'stream-item', 'archive__item-title'];

function hasTemplateEntries(doc: Document): boolean {
  return TEMPLATE_CLASSES.some((name) => doc.getElementsByClassName(name).length > 0);
}

// Cards of citations: title links, and words that name where a paper appeared.
function hasCitationCards(doc: Document, text: string): boolean {
  if (!doc.body?.querySelector(TITLE_LINK)) return false;
  return CAPITALISED_VENUE.test(text) || LOWER_CASE_VENUE.test(text) || JOURNAL_YEAR.test(text);
}

// A DOI printed as text, as a hand-written publication list gives it ("doi: 10.1016/…").
const PRINTED_DOI = /\bdoi\s*:?\s*10\.\d{4,9}\/|doi\.org\/10\.\d{4,9}\//i;

// An author list as a citation writes it: two names with initials ("Zhu, W., Hou, A. B.", "KM
// Bastiaans, D Cho", "M. P. Allan and J. Lee"), or three full names ("Ella Peltonen, Eemil
// Lagerspetz, Jonatan Hamberg"): prose and headlines rarely read so. Latin letters only, and no
// Unicode classes: the pattern runs before every year of the page and must stay cheap.
const UPPER = '[A-ZÀ-ÖØ-Þ]';
const LOWER = "[a-zß-öø-ÿ'’-]";
const APA = `${UPPER}${LOWER}+,\\s(?:${UPPER}\\.\\s?){1,3}`;
const INITIALS_FIRST = `\\b(?:(?:${UPPER}\\.\\s?){1,3}|${UPPER}{1,3}\\s)${UPPER}${LOWER}+`;
const FULL = `${UPPER}${LOWER}+\\s${UPPER}${LOWER}+`;
const AND = '(?:,\\s|,?\\s(?:and|&)\\s)';
const AUTHOR_LIST = new RegExp(
  `(?:${APA}|${INITIALS_FIRST})${AND}(?:${APA}|${INITIALS_FIRST})|${FULL}${AND}${FULL}${AND}${FULL}`,
);
const YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
// Every author list holds a separator and then a capital (", M. P. Allan", " and Jonatan"): where
// those are, read once over the whole text, tells which stretches could hold one at all.
const SEPARATOR = new RegExp(`${AND}${UPPER}`, 'g');

// Citations that link no paper: three years, each after an author list (read in the text since the
// year before, at most 300 characters: each stretch of the page is read once). A stretch without a
// separator is not read for names: on a page of dated stories, three of four have none.
function hasAuthorLists(text: string): boolean {
  const separators: number[] = [];
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match; match = SEPARATOR.exec(text)) separators.push(match.index);
  if (separators.length === 0) return false;
  let found = 0;
  let from = 0;
  let next = 0;
  YEARS.lastIndex = 0;
  for (let match = YEARS.exec(text); match; match = YEARS.exec(text)) {
    const start = Math.max(from, match.index - 300);
    from = match.index;
    // The first separator at or after the stretch's start: is it inside the stretch?
    while (next < separators.length && (separators[next] as number) < start) next++;
    if (next === separators.length) return false;
    if ((separators[next] as number) >= match.index) continue;
    if (AUTHOR_LIST.test(text.slice(start, match.index)) && ++found >= 3) return true;
  }
  return false;
}

// NodeFilter.SHOW_TEXT.
const SHOW_TEXT = 4;

/**
 * The body's text, joined from its text nodes: the string `body.textContent` gives, which Chromium
 * builds several times slower on a large page (5,000 elements, 134 KB of text: 1.65 ms against
 * 0.25 ms; the whole gate on that page without papers, interleaved runs: 3.4-3.7 ms against
 * 1.55 ms). An element's own text is not read so: for a small one `textContent` is the faster
 * (5,400 arXiv entries and titles: 1.3-1.6 ms against 4.2-5.2 ms).
 */
function pageText(doc: Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  return parts.join('');
}

/**
 * True when one of `readers` is a site reader for this address, or the page shows a sign some
 * other reader could use (metadata, a site template's publication entries, a link to a paper,
 * citation cards, a DOI printed as text, author lists with years). Never false on a page where `readers` would find a paper (lib/detect/gate.test.ts holds that on every fixture).
 */
export function worthScanning(readers: readonly Source[], doc: Document, url: URL): boolean {
  if (readers.some((source) => source.kind === 'site' && source.matches(url))) return true;
  if (hasMetadata(doc) || hasTemplateEntries(doc) || hasPaperLink(doc)) return true;
  // The page's text, read once for the signs it shows.
  const text = pageText(doc);
  return hasCitationCards(doc, text) || PRINTED_DOI.test(text) || hasAuthorLists(text);
}
