// The registry: every reader, strongest first, and the one entry point that runs them on a page.
import { detectWith } from './engine';
import { listingReaders, metadataReaders } from './readers';
import { acl } from './sources/acl';
import { alphaxiv } from './sources/alphaxiv';
import { arxiv } from './sources/arxiv';
import { biorxiv } from './sources/biorxiv';
import { dblp } from './sources/dblp';
import { huggingface } from './sources/huggingface';
import { openreview } from './sources/openreview';
import { pubmed } from './sources/pubmed';
import { scholar } from './sources/scholar';
import { semanticScholar } from './sources/semantic-scholar';
import type { Detection, Source } from './types';

/** The site readers; each has a content script of its own (entrypoints/<id>.content.ts). */
export const siteReaders: readonly Source[] = [
  huggingface,
  arxiv,
  alphaxiv,
  scholar,
  semanticScholar,
  openreview,
  acl,
  pubmed,
  biorxiv,
  dblp,
];

/**
 * Every reader, in the order their fields win when two find the same paper: site data, then
 * citation_* > Dublin Core/PRISM > JSON-LD > COinS, then the listing readers' link text.
 */
export const sources: readonly Source[] = [...siteReaders, ...metadataReaders, ...listingReaders];

/** The manifest match patterns of the site content scripts (the union of the site readers'). */
export const contentScriptPatterns: string[] = [...new Set(siteReaders.flatMap((source) => source.patterns))];

/**
 * Runs every source whose address gate matches and returns each paper once, in page order of
 * first discovery; where several sources find one paper, the stronger source's fields win.
 * `detectionSteps(sources, doc, url)` (engine.ts) is the same scan in steps.
 */
export function detectPapers(doc: Document, url: URL): Detection[] {
  return detectWith(sources, doc, url);
}
