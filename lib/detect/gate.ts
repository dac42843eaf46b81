// The cheap "is there anything here" test the content script runs before any deep work: one
// address check and one selector query, so a page with no papers costs next to nothing.
import { sources } from './index';

// What any generic reader needs to find something: embedded metadata, a link to a paper
// (arXiv, DOI, OpenReview, ACL, PubMed, Semantic Scholar, Hugging Face, a PDF), or titles
// that are links under headings (repeated cards).
const SIGNS = [
  'meta[name^="citation_" i]',
  'meta[name^="bepress_citation_" i]',
  'meta[name^="dc." i]',
  'meta[name^="dcterms." i]',
  'meta[name^="prism." i]',
  'script[type="application/ld+json"]',
  'span.Z3988',
  'a[href*="arxiv.org/"]',
  'a[href*="doi.org/10."]',
  'a[href*="/doi/10."]',
  'a[href*="openreview.net/"]',
  'a[href*="aclanthology.org/"]',
  'a[href*="pubmed.ncbi.nlm.nih.gov/"]',
  'a[href*="ncbi.nlm.nih.gov/pmc/"]',
  'a[href*="pmc.ncbi.nlm.nih.gov/articles/"]',
  'a[href*="ncbi.nlm.nih.gov/pubmed/"]',
  'a[href*="aclweb.org/anthology/"]',
  'a[href*="/article/10."]',
  'a[href*="/chapter/10."]',
  'a[href*="/content/10."]',
  'a[href*="nature.com/articles/"]',
  'a[href*="proceedings.neurips.cc/"]',
  'a[href*="proceedings.mlr.press/"]',
  'a[href*="openaccess.thecvf.com/"]',
  'a[href*="ieeexplore.ieee.org/document/"]',
  'a[href*="semanticscholar.org/paper/"]',
  'a[href*="huggingface.co/papers/"]',
  'a[href$=".pdf" i]',
  ':is(h2, h3, h4, h5) a[href]',
  '[class*="title"] a[href]',
].join(',');

/** True when the address belongs to a site source, or the page shows a sign of a paper. */
export function worthScanning(doc: Document, url: URL): boolean {
  if (sources.some((source) => source.kind === 'site' && source.matches(url))) return true;
  return doc.querySelector(SIGNS) !== null;
}
