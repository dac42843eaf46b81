// A paper named by an address alone: a PDF open in a tab (where no content script runs), or any
// address that carries an arXiv id, a DOI, an OpenReview or ACL id, or a PubMed id. The popup
// offers it for saving; its title is the id until a page with the real title is saved. What an
// address names is read by lib/detect/links.ts, the same reader the listing readers use.
import { toPaper } from '../paper/build';
import type { Paper, PaperIds } from '../paper/model';
import { paperLinkOf } from './links';
import { identifierIds } from './metadata';

function looksLikePdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname) || /^\/pdf\//.test(url.pathname) || url.pathname === '/pdf';
}

// The title a paper gets from its strongest id (lib/paper/build.ts knows these as placeholders).
function placeholderTitle(ids: PaperIds): string | undefined {
  if (ids.arxiv) return `arXiv:${ids.arxiv}`;
  if (ids.doi) return `doi:${ids.doi}`;
  if (ids.pubmed) return `PMID:${ids.pubmed}`;
  if (ids.openreview) return `OpenReview:${ids.openreview}`;
  if (ids.acl) return `ACL:${ids.acl}`;
  return undefined;
}

/** The paper an address names by itself (and the PDF it shows), or null when it names none. */
export function paperFromAddress(address: string): Paper | null {
  const link = paperLinkOf(address);
  if (!link) return null;
  const url = new URL(address);
  const pdfUrl = looksLikePdf(url) ? url.href : undefined;
  const common = { source: 'address', pageUrl: url.href, pdfUrl, ids: link.ids };
  const title = placeholderTitle(link.ids);
  if (title) {
    // A DOI's own page is the address itself, unless the address is its PDF.
    const landing = link.ids.doi && !link.ids.arxiv ? (pdfUrl ? undefined : url.href) : link.landing;
    return toPaper({ ...common, title, url: landing });
  }
  // A PDF on a site we know nothing about: keyed by its address, titled by its file name.
  return link.bare
    ? toPaper({ ...common, title: decodeURIComponent(url.pathname.split('/').pop() ?? ''), url: url.href })
    : null;
}

/** One line of pasted identifiers that names no paper, for the message that says so. */
export interface UnreadIdentifier {
  line: number;
  text: string;
}

/** At most this many identifiers are read from one paste: a list longer than that is a file to import. */
export const MAX_IDENTIFIERS = 1_000;

// An ACL Anthology id, new ("2023.acl-long.1") and old ("P19-1001").
const ACL_ID = /^(?:\d{4}\.[a-z\d]+-[a-z\d]+\.\d+|\d{4}\.[a-z\d]+\.\d+|[A-Z]\d{2}-\d{4})$/;

/** The address a bare identifier stands for, so that paperFromAddress reads all of them one way. */
function addressOf(token: string): string | undefined {
  const prefixed = /^(arxiv|doi|pmid|openreview|acl):\s*(\S+)$/i.exec(token);
  const scheme = prefixed?.[1]?.toLowerCase();
  const value = prefixed?.[2] ?? token;
  if (scheme === 'openreview') return `https://openreview.net/forum?id=${encodeURIComponent(value)}`;
  if (scheme === 'acl' || (!scheme && ACL_ID.test(value)))
    return `https://aclanthology.org/${encodeURIComponent(value)}/`;
  const ids = identifierIds(scheme ? `${scheme === 'pmid' ? 'pmid:' : ''}${value}` : token);
  if (ids.arxiv) return `https://arxiv.org/abs/${ids.arxiv}`;
  if (ids.doi) return `https://doi.org/${ids.doi}`;
  if (ids.pubmed) return `https://pubmed.ncbi.nlm.nih.gov/${ids.pubmed}/`;
  return undefined;
}

/** A word without the punctuation of the sentence or list around it (a DOI's own brackets stay). */
function trimmed(word: string): string {
  let text = word.replace(/^[(<[“"']+/, '').replace(/[.,;:”"'>]+$/, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (text.endsWith(close) && text.split(open).length < text.split(close).length) text = text.slice(0, -1);
  }
  return text;
}

/**
 * The papers a pasted list names, one identifier a line (or several, separated by spaces; the
 * punctuation of a sentence around one is dropped): arXiv ids, DOIs, PubMed ids, OpenReview and ACL ids, with or without their prefix, and
 * any address paperFromAddress reads. Each paper is what the identifier alone tells: its id as
 * the title, to be filled by a page or by completion. Lines naming nothing are returned by number.
 */
export function papersFromIdentifiers(text: string): { papers: Paper[]; unread: UnreadIdentifier[] } {
  const papers = new Map<string, Paper>();
  const unread: UnreadIdentifier[] = [];
  const lines = text.split(/\r\n?|\n/);
  let read = 0;
  lines.forEach((line, at) => {
    const joined = line.replace(/\b(arxiv|doi|pmid|openreview|acl):\s+/gi, '$1:');
    for (const part of joined.split(/\s+/).filter((word) => word !== '')) {
      if (read >= MAX_IDENTIFIERS) return;
      read++;
      const token = trimmed(part);
      const address = /^https?:\/\//i.test(token) ? token : addressOf(token);
      const paper = address ? paperFromAddress(address) : null;
      if (paper) {
        const { pageUrl: _page, ...named } = paper;
        if (!papers.has(named.key)) papers.set(named.key, { ...named, source: 'identifier' });
      } else {
        unread.push({ line: at + 1, text: token.slice(0, 200) });
      }
    }
  });
  return { papers: [...papers.values()], unread };
}
