// The one table of words the interface shows for the model's ids: where a paper was found, its
// status, its ids, its counts. No view shows a raw id ("huggingface", "bibtex", "unread"); a new
// reader or format gets its name here.
import type { ExportFormat } from './formats/catalog';
import type { Paper, PaperIds, Status } from './paper/model';

/** The site or file each reader (`Paper.source`) reads, as people call it. */
export const SOURCE_NAMES: Readonly<Record<string, string>> = {
  huggingface: 'Hugging Face',
  arxiv: 'arXiv',
  alphaxiv: 'alphaXiv',
  scholar: 'Google Scholar',
  'semantic-scholar': 'Semantic Scholar',
  openreview: 'OpenReview',
  acl: 'ACL Anthology',
  pubmed: 'PubMed',
  biorxiv: 'bioRxiv',
  dblp: 'DBLP',
  highwire: 'publisher page',
  'dublin-core': 'publisher page',
  'json-ld': 'publisher page',
  coins: 'publisher page',
  'generic-links': 'web page',
  'generic-cards': 'web page',
  'plain-citations': 'web page',
  'al-folio': 'web page',
  academicpages: 'web page',
  'hugo-academic': 'web page',
  'jekyll-scholar': 'web page',
  address: 'PDF address',
  bibtex: 'BibTeX file',
  ris: 'RIS file',
  'csl-json': 'CSL-JSON file',
  json: 'papershelf backup',
};

// Readers that serve any site: the site's own name says more than the reader's.
const ANY_SITE = new Set([
  'highwire',
  'dublin-core',
  'json-ld',
  'coins',
  'generic-links',
  'generic-cards',
  'plain-citations',
  'al-folio',
  'academicpages',
  'hugo-academic',
  'jekyll-scholar',
]);

/** Where a paper was found, in words: "arXiv", "Hugging Face", "nature.com", "BibTeX file". */
export function sourceName(paper: Pick<Paper, 'source' | 'pageUrl'>): string | undefined {
  if (!paper.source) return undefined;
  if (ANY_SITE.has(paper.source) && paper.pageUrl) {
    try {
      return new URL(paper.pageUrl).hostname.replace(/^www\./, '');
    } catch {
      // fall through to the reader's name
    }
  }
  return SOURCE_NAMES[paper.source] ?? 'web page';
}

/** One word for each reading status, everywhere. */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
};

/** The names of a paper's ids, as their registries write them. */
export const ID_NAMES: Readonly<Record<keyof PaperIds, string>> = {
  arxiv: 'arXiv',
  arxivVersion: 'arXiv version',
  doi: 'DOI',
  shortDoi: 'shortDOI',
  pubmed: 'PMID',
  pmcid: 'PMCID',
  openreview: 'OpenReview',
  acl: 'ACL Anthology',
  s2: 'Semantic Scholar',
  dblp: 'DBLP',
};

/** Short names of the export formats, for messages ("Exported 3 papers as BibTeX"). */
export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  csv: 'CSV',
  markdown: 'Markdown',
  'markdown-full': 'Markdown with abstracts',
  json: 'papershelf backup',
};

const NUMBER = new Intl.NumberFormat('en');

/** "1 paper", "2,048 papers". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** The counts a site shows for a paper, in words: never a bare ★, which is the user's own star. */
export function siteCounts(paper: Pick<Paper, 'upvotes' | 'stars' | 'comments'>): string[] {
  return [
    paper.upvotes === undefined ? undefined : count(paper.upvotes, 'vote'),
    paper.stars === undefined ? undefined : count(paper.stars, 'GitHub star'),
    paper.comments === undefined ? undefined : count(paper.comments, 'comment'),
  ].filter((text): text is string => text !== undefined);
}
