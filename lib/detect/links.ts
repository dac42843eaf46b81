// What an address names when it names a paper: its ids, its landing page, its PDF. One reader of
// links for the listing readers (generic-links, generic-cards) and for a PDF tab's address
// (address.ts), so a link and an open tab of one paper agree on its identity.
import { normalizeDoi, parseArxivId } from '../paper/ids';
import type { PaperIds } from '../paper/model';

/** What a link to a paper names: its ids, its landing page, and whether it is the PDF. */
export interface PaperLink {
  /** The scheme the link is strongest in, for choosing among the links of one entry. */
  rank: number;
  ids: PaperIds;
  /** The paper's landing page as this link names it (undefined for a bare PDF). */
  landing?: string;
  pdf?: string;
  /** A `.pdf` file on a host we know nothing about: a paper only with more evidence. */
  bare?: boolean;
}

const ARXIV_HOSTS = /^(?:www\.)?(?:arxiv\.org|export\.arxiv\.org|ar5iv\.labs\.arxiv\.org|ar5iv\.org|alphaxiv\.org)$/;
// ACL Anthology ids: 2021.naacl-main.208, N04-1001, P19-1001.
const ACL_ID = /^\/(?:anthology\/)?((?:\d{4}\.[a-z\d-]+\.\d+)|(?:[A-Z]\d{2}-\d{4}))(\.pdf)?\/?$/;
// A DOI in a publisher's path, after the segment that says so: /doi/ (/doi/abs/, /doi/full/,
// /doi/pdf/), /article/, /chapter/, /content/ (bioRxiv), /content/pdf/ (Springer). A "10.2024/"
// elsewhere in a path ("/releases/10.2024/notes") is not one.
const DOI_IN_PATH =
  /\/(?:doi|abs|full|pdf|epdf|reader|article|articles|chapter|book|content|fulltext|abstract|referenceworkentry)\/(10\.\d{4,9}\/[^?#]+?)(?:\/(?:full|abstract|pdf|epdf|summary))?\/?$/i;
// A DOI that names a part of an article or a page about it, not a paper: PLOS's figure, table and
// supplement DOIs (the article's DOI + ".g001", ".t002", ".s001", ".sd001"), PeerJ's ("/fig-1",
// "/table-2", "/supp-1"), and publisher addresses that go on past the DOI to the article's figures,
// references, citation export, metrics or an author's e-mail form (Frontiers' ".../reference" and
// ".../text", Springer's ".../figures/1" and ".../email/correspondent/c1/new").
const PART_OF_ARTICLE =
  /(?:\.(?:g|t|s|sd)0\d\d|\/(?:fig|figure|table|tab|supp|suppl|box|video|media)-?\d+|\/(?:figures?|tables?|reference|references|text|meta|metrics|citations?|email)(?:\/.*)?)$/i;
const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/;
// Proceedings and publisher pages that are one paper each but carry no id we key by.
const PAPER_PAGES: readonly [RegExp, RegExp][] = [
  [/^(?:proceedings\.neurips\.cc|papers\.nips\.cc)$/, /^\/paper(?:_files)?\/.+/],
  [/^proceedings\.mlr\.press$/, /^\/v\d+\/[^/]+\.(?:html|pdf)$|^\/v\d+\/[^/]+\/[^/]+\.pdf$/],
  [/^openaccess\.thecvf\.com$/, /^\/content.*\/(?:html|papers)\/.+\.(?:html|pdf)$/],
  [/^(?:www\.)?jmlr\.org$/, /^\/papers\/(?:v\d+|volume\d+)\/[^/]+/],
  [/^ojs\.aaai\.org$/, /^\/index\.php\/[^/]+\/article\/(?:view|download)\/\d+/],
  // AAAI's own site gives each paper a page too: /papers/15801-dethroning-aristocracy-in-graphs-…/.
  [/^aaai\.org$/, /^\/papers\/\d+-[\w-]+\/?$/],
  [/^(?:www\.)?ijcai\.org$/, /^\/proceedings\/\d{4}\/\d+/],
  [/^ieeexplore\.ieee\.org$/, /^\/(?:abstract\/)?document\/\d+\/?$/],
  [/^(?:www\.)?sciencedirect\.com$/, /^\/science\/article\/(?:abs\/)?pii\/[A-Z\d]+/],
  [/^papers\.ssrn\.com$/, /^\/sol3\/papers\.cfm$/],
  [/^(?:www\.)?researchgate\.net$/, /^\/publication\/\d+/],
];

// Ranks: the key precedence of docs/CONTRACT.md, then pages keyed by their address, then bare PDFs.
export const RANK = { arxiv: 0, doi: 1, pubmed: 2, openreview: 3, acl: 4, s2: 5, pmcid: 6, page: 7, pdf: 8 } as const;

export function isPdfPath(path: string): boolean {
  return /\.pdf$/i.test(path);
}

function arxivLink(url: URL): PaperLink | null {
  const host = url.hostname.toLowerCase();
  let id = null;
  if (ARXIV_HOSTS.test(host)) {
    // ar5iv and alphaXiv use arXiv's own paths (/abs/, /html/); parseArxivId only trusts arxiv.org.
    id = parseArxivId(`https://arxiv.org${url.pathname}`);
  } else if (host === 'huggingface.co') {
    const match = /^\/papers\/([^/]+)\/?$/.exec(url.pathname);
    id = match?.[1] ? parseArxivId(match[1]) : null;
  }
  if (!id) return null;
  const isPdf = /^\/pdf\//.test(url.pathname) && ARXIV_HOSTS.test(host);
  const version = id.version ? `v${id.version}` : '';
  return {
    rank: RANK.arxiv,
    ids: { arxiv: id.id, arxivVersion: id.version },
    landing: host === 'huggingface.co' ? `https://huggingface.co/papers/${id.id}` : `https://arxiv.org/abs/${id.id}`,
    pdf: isPdf ? `https://arxiv.org/pdf/${id.id}${version}` : undefined,
  };
}

function doiLink(url: URL): PaperLink | null {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  let raw: string | undefined;
  if (host === 'doi.org' || host === 'dx.doi.org') raw = url.pathname.slice(1);
  else if (host === 'nature.com') {
    // Springer Nature's article slug is the DOI suffix: /articles/s41586-021-03819-2 is 10.1038/s41586-021-03819-2.
    const slug = /^\/articles\/([a-z\d.-]+?)(?:\.pdf)?$/i.exec(url.pathname)?.[1];
    raw = slug ? `10.1038/${slug}` : undefined;
  } else {
    raw = DOI_IN_PATH.exec(url.pathname.replace(/\.pdf$/i, ''))?.[1];
    // PLOS and others: ?id=10.1371/journal.pone.… or ?doi=….
    raw ??= [url.searchParams.get('doi'), url.searchParams.get('id')].find((value) => value?.startsWith('10.')) ?? '';
  }
  if (!raw) return null;
  // bioRxiv and medRxiv append the version and the view: /content/10.1101/2020.03.22.002386v3.full.pdf.
  if (raw.startsWith('10.1101/'))
    raw = raw.replace(/(?:v\d+)?(?:\.(?:full|abstract|article-info|article-metrics))*$/, '');
  let doi: string | null;
  try {
    doi = normalizeDoi(decodeURIComponent(raw));
  } catch {
    doi = null;
  }
  if (!doi || PART_OF_ARTICLE.test(doi)) return null;
  const arxiv = parseArxivId(doi);
  if (arxiv) return { rank: RANK.arxiv, ids: { arxiv: arxiv.id }, landing: `https://arxiv.org/abs/${arxiv.id}` };
  const isPdf = isPdfPath(url.pathname) || /\/(?:pdf|epdf)\//i.test(url.pathname);
  const resolver = host === 'doi.org' || host === 'dx.doi.org';
  return {
    rank: RANK.doi,
    ids: { doi },
    landing: resolver || isPdf ? `https://doi.org/${doi}` : url.href,
    pdf: isPdf ? url.href : undefined,
  };
}

function siteLink(url: URL): PaperLink | null {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname;
  if (host === 'openreview.net' && /^\/(?:forum|pdf)\/?$/.test(path)) {
    const id = url.searchParams.get('id');
    if (!id || !/^[\w-]+$/.test(id)) return null;
    return {
      rank: RANK.openreview,
      ids: { openreview: id },
      landing: `https://openreview.net/forum?id=${id}`,
      pdf: path.startsWith('/pdf') ? `https://openreview.net/pdf?id=${id}` : undefined,
    };
  }
  if (host === 'aclanthology.org' || host === 'aclweb.org') {
    if (host === 'aclweb.org' && !path.startsWith('/anthology/')) return null;
    const match = ACL_ID.exec(path);
    if (!match?.[1]) return null;
    return {
      rank: RANK.acl,
      ids: { acl: match[1] },
      landing: `https://aclanthology.org/${match[1]}/`,
      pdf: match[2] ? `https://aclanthology.org/${match[1]}.pdf` : undefined,
    };
  }
  const pmid =
    (host === 'pubmed.ncbi.nlm.nih.gov' ? /^\/(\d+)\/?$/.exec(path)?.[1] : undefined) ??
    (host === 'ncbi.nlm.nih.gov' ? /^\/pubmed\/(\d+)\/?$/.exec(path)?.[1] : undefined) ??
    (host === 'europepmc.org' ? /^\/(?:article|abstract)\/MED\/(\d+)\/?$/i.exec(path)?.[1] : undefined);
  if (pmid) return { rank: RANK.pubmed, ids: { pubmed: pmid }, landing: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` };
  const pmcid =
    (host === 'pmc.ncbi.nlm.nih.gov' ? /^\/articles\/(PMC\d+)\/?$/i.exec(path)?.[1] : undefined) ??
    (host === 'ncbi.nlm.nih.gov' ? /^\/pmc\/articles\/(PMC\d+)\/?$/i.exec(path)?.[1] : undefined) ??
    (host === 'europepmc.org' ? /^\/article\/PMC\/(PMC\d+)\/?$/i.exec(path)?.[1] : undefined);
  if (pmcid) {
    const id = pmcid.toUpperCase();
    return { rank: RANK.pmcid, ids: { pmcid: id }, landing: `https://pmc.ncbi.nlm.nih.gov/articles/${id}/` };
  }
  if (host === 'semanticscholar.org') {
    const s2 = /^\/paper\/(?:[^/]+\/)?([a-f\d]{40})\/?$/.exec(path)?.[1];
    if (s2) return { rank: RANK.s2, ids: { s2 }, landing: `https://www.semanticscholar.org/paper/${s2}` };
  }
  for (const [hostPattern, pathPattern] of PAPER_PAGES) {
    if (!hostPattern.test(host) || !pathPattern.test(path)) continue;
    // SSRN names the paper in its query; elsewhere the query is tracking or view state.
    if (host === 'papers.ssrn.com' && !url.searchParams.get('abstract_id')) return null;
    const clean = host === 'papers.ssrn.com' ? url.href : `${url.origin}${path}`;
    return isPdfPath(path) ? { rank: RANK.page, ids: {}, pdf: clean } : { rank: RANK.page, ids: {}, landing: clean };
  }
  return null;
}

/** What a link names, when it names a paper: ids, landing page, PDF. Null for anything else. */
export function paperLinkOf(href: string): PaperLink | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const known = arxivLink(url) ?? siteLink(url) ?? doiLink(url);
  if (known) return known;
  // A PDF kept in a code repository is a file of the repository, not a paper of the page.
  if (isPdfPath(url.pathname) && !CODE_HOSTS.test(url.hostname.toLowerCase())) {
    return { rank: RANK.pdf, ids: {}, pdf: url.href, bare: true };
  }
  return null;
}

/** True for a repository address (github.com/<owner>/<repo>…) on a code host. */
export function isCodeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return CODE_HOSTS.test(url.hostname.toLowerCase()) && url.pathname.split('/').filter(Boolean).length >= 2;
  } catch {
    return false;
  }
}
