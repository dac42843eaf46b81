// A paper named by an address alone: a PDF open in a tab (where no content script runs), or any
// address that carries an arXiv id, a DOI, an OpenReview or ACL id, or a PubMed id. The popup
// offers it for saving; its title is the id until a page with the real title is saved. What an
// address names is read by lib/detect/links.ts, the same reader the listing readers use.
import { toPaper } from '../paper/build';
import type { Paper, PaperIds } from '../paper/model';
import { paperLinkOf } from './links';

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
