// The registry: every reader, strongest first, and the one entry point that runs them on a page.
import { mergePapers } from '../paper/build';
import { idTerms, normalizeUrl } from '../paper/ids';
import type { Paper } from '../paper/model';
import { acl } from './sources/acl';
import { alFolio } from './sources/al-folio';
import { alphaxiv } from './sources/alphaxiv';
import { arxiv } from './sources/arxiv';
import { biorxiv } from './sources/biorxiv';
import { coins } from './sources/coins';
import { dblp } from './sources/dblp';
import { dublinCore } from './sources/dublin-core';
import { genericCards } from './sources/generic-cards';
import { genericLinks } from './sources/generic-links';
import { highwire } from './sources/highwire';
import { huggingface } from './sources/huggingface';
import { jsonLd } from './sources/json-ld';
import { openreview } from './sources/openreview';
import { pubmed } from './sources/pubmed';
import { scholar } from './sources/scholar';
import { semanticScholar } from './sources/semantic-scholar';
import type { Detection, Source } from './types';

/**
 * Every reader, in the order their fields win when two find the same paper: site data, then
 * citation_* > Dublin Core/PRISM > JSON-LD > COinS, then the listing readers' link text.
 */
export const sources: readonly Source[] = [
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
  highwire,
  dublinCore,
  jsonLd,
  coins,
  alFolio,
  genericLinks,
  genericCards,
];

/** The manifest match patterns the content script runs on (the union of the sources'). */
export const contentScriptPatterns: string[] = [...new Set(sources.flatMap((source) => source.patterns))];

// On one page, two readers that give one paper different ids (a site's own id, the page's
// citation_* tags with none) still agree on its landing address.
function pageTerms(paper: Paper): string[] {
  const url = paper.url ? normalizeUrl(paper.url) : null;
  return url ? [...idTerms(paper), `url:${url}`] : idTerms(paper);
}

/**
 * Runs every source whose address gate matches and returns each paper once, in page order of
 * first discovery; where several sources find one paper, the stronger source's fields win.
 */
export function detectPapers(doc: Document, url: URL): Detection[] {
  const found: Detection[] = [];
  const byTerm = new Map<string, Detection>();
  // A site source knows its pages: guessing listings there would only add junk.
  const knownSite = sources.some((source) => source.kind === 'site' && source.matches(url));
  for (const source of sources) {
    if (!source.matches(url) || (knownSite && source.kind === 'listing')) continue;
    let detections: Detection[];
    try {
      detections = source.detect(doc, url);
    } catch {
      // A page we do not understand yields fewer papers, never an exception.
      continue;
    }
    for (const detection of detections) {
      const existing = pageTerms(detection.paper)
        .map((term) => byTerm.get(term))
        .find((match) => match !== undefined);
      if (existing) {
        existing.paper = mergePapers(existing.paper, detection.paper);
        existing.anchor ??= detection.anchor;
      } else {
        found.push(detection);
      }
      const target = existing ?? detection;
      for (const term of pageTerms(target.paper)) byTerm.set(term, target);
    }
  }
  return found;
}
