// A paper named by an address alone: a PDF open in a tab (where no content script runs), or any
// address that carries an arXiv id, a DOI, an OpenReview or ACL id, or a PubMed id. The popup
// offers it for saving; its title is the id until a page with the real title is saved.
import { toPaper } from '../paper/build';
import { normalizeDoi, parseArxivId } from '../paper/ids';
import type { Paper } from '../paper/model';

// ACL Anthology ids: 2021.naacl-main.208, N04-1001, P19-1001.
const ACL_PATH = /^\/((?:\d{4}\.[a-z\d-]+\.\d+)|(?:[A-Z]\d{2}-\d{4}))(?:\.pdf|\/)?$/;
// A DOI inside a path: publishers put it after /doi/ (optionally /abs/, /full/, /pdf/) or alone.
const DOI_IN_PATH = /(?:^|\/)(10\.\d{4,9}\/[^?#\s]+?)(?:\/(?:full|abstract|pdf|epdf))?(?:\.pdf)?\/?$/i;

function looksLikePdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname) || /^\/pdf\//.test(url.pathname) || url.pathname === '/pdf';
}

/** The paper an address names by itself (and the PDF it shows), or null when it names none. */
export function paperFromAddress(address: string): Paper | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^www\./, '');
  const pdfUrl = looksLikePdf(url) ? url.href : undefined;
  const common = { source: 'address', pageUrl: url.href, pdfUrl };

  const arxiv = host.endsWith('arxiv.org') ? parseArxivId(url.href) : null;
  if (arxiv) {
    return toPaper({
      ...common,
      title: `arXiv:${arxiv.id}`,
      ids: { arxiv: arxiv.id, arxivVersion: arxiv.version },
      url: `https://arxiv.org/abs/${arxiv.id}`,
    });
  }
  const openreview = host === 'openreview.net' ? url.searchParams.get('id') : null;
  if (openreview && /^\/(forum|pdf)$/.test(url.pathname)) {
    return toPaper({
      ...common,
      title: `OpenReview:${openreview}`,
      ids: { openreview },
      url: `https://openreview.net/forum?id=${encodeURIComponent(openreview)}`,
    });
  }
  const acl = host === 'aclanthology.org' ? ACL_PATH.exec(url.pathname)?.[1] : undefined;
  if (acl) {
    return toPaper({ ...common, title: `ACL:${acl}`, ids: { acl }, url: `https://aclanthology.org/${acl}/` });
  }
  const pubmed = host === 'pubmed.ncbi.nlm.nih.gov' ? /^\/(\d+)\/?$/.exec(url.pathname)?.[1] : undefined;
  if (pubmed) {
    return toPaper({
      ...common,
      title: `PMID:${pubmed}`,
      ids: { pubmed },
      url: `https://pubmed.ncbi.nlm.nih.gov/${pubmed}/`,
    });
  }
  const doiText =
    host === 'doi.org' || host === 'dx.doi.org' ? url.pathname.slice(1) : DOI_IN_PATH.exec(url.pathname)?.[1];
  const doi = doiText ? normalizeDoi(doiText) : null;
  if (doi) {
    return toPaper({ ...common, title: `doi:${doi}`, ids: { doi }, url: pdfUrl ? undefined : url.href });
  }
  return pdfUrl
    ? toPaper({ ...common, title: decodeURIComponent(url.pathname.split('/').pop() ?? ''), url: url.href })
    : null;
}
