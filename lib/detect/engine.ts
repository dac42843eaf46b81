// How a set of readers runs on a page: the one algorithm behind `detectPapers` (every reader), each
// per-site content script (its site's readers) and the sliced scan a large page needs.
import { mergePapers } from '../paper/build';
import { idTerms, normalizeUrl } from '../paper/ids';
import type { Paper } from '../paper/model';
import { titleForm } from './dom';
import type { Detection, Source } from './types';

// On one page, two readers that give one paper different ids (a site's own id, the page's
// citation_* tags with none) still agree on its landing address. The metadata standards of one
// page that name a work by one title describe one article however else they disagree (Project
// Euclid: a citation_doi that is no DOI and another landing address in citation_*, the DOI in
// Dublin Core), so between metadata readers the title is a term too.
function pageTerms(paper: Paper, source: Source): string[] {
  const url = paper.url ? normalizeUrl(paper.url) : null;
  const terms = url ? [...idTerms(paper), `url:${url}`] : idTerms(paper);
  const title = source.kind === 'metadata' ? titleForm(paper.title) : '';
  return title ? [...terms, `metadata-title:${title}`] : terms;
}

/**
 * Detection as a generator: it yields after every paper a reader reads (and between readers), and
 * returns what `detectWith` returns. Nothing else differs, so a caller may stop between steps for as
 * long as it likes (the page stays responsive), provided the page does not change meanwhile.
 */
export function* detectionSteps(readers: readonly Source[], doc: Document, url: URL): Generator<void, Detection[]> {
  const found: Detection[] = [];
  const byTerm = new Map<string, Detection>();
  // A site source knows its pages: guessing listings there would only add junk.
  const knownSite = readers.some((source) => source.kind === 'site' && source.matches(url));
  // The papers the page's own metadata names. When that is one, the page is that article's page
  // whatever standard says so (JSON-LD or COinS alone too): its references, related articles and
  // export links are not papers of the page (README, "Article pages"), so listings are not guessed.
  const described = new Set<Detection>();
  for (const source of readers) {
    if (!source.matches(url) || (knownSite && source.kind === 'listing')) continue;
    if (source.kind === 'listing' && described.size === 1) continue;
    try {
      for (const detection of source.read?.(doc, url) ?? source.detect(doc, url)) {
        // Each paper's terms are worked out once (a landing address is parsed for them): again only
        // for a merged paper, whose ids may have grown.
        const terms = pageTerms(detection.paper, source);
        let existing: Detection | undefined;
        for (const term of terms) {
          existing = byTerm.get(term);
          if (existing) break;
        }
        if (existing) {
          existing.paper = mergePapers(existing.paper, detection.paper);
          existing.anchor ??= detection.anchor;
          existing.actions ??= detection.actions;
        } else {
          found.push(detection);
        }
        const target = existing ?? detection;
        if (source.kind === 'metadata') described.add(target);
        for (const term of existing ? pageTerms(target.paper, source) : terms) byTerm.set(term, target);
        yield;
      }
    } catch {
      // A page we do not understand yields fewer papers, never an exception.
    }
    yield;
  }
  return found;
}

/**
 * Runs `readers` on the page and returns each paper once, in page order of first discovery; where
 * several readers find one paper, the earlier reader's fields win.
 */
export function detectWith(readers: readonly Source[], doc: Document, url: URL): Detection[] {
  const steps = detectionSteps(readers, doc, url);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Resolves on the next macrotask: input, paint and other tasks run before it. */
export type Pause = () => Promise<void>;

/**
 * `detectWith`, sliced: runs the steps for at most `sliceMs` at a time and awaits `pause` between
 * slices, so a 100,000-entry listing never holds the page for one long task. The same result as
 * `detectWith`. `signal` abandons the scan (resolves to undefined) at the next slice boundary.
 */
export async function detectInSlices(
  readers: readonly Source[],
  doc: Document,
  url: URL,
  options: { pause: Pause; sliceMs?: number; signal?: AbortSignal },
): Promise<Detection[] | undefined> {
  const sliceMs = options.sliceMs ?? 8;
  const steps = detectionSteps(readers, doc, url);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await options.pause();
    if (options.signal?.aborted) return undefined;
    sliceStart = performance.now();
  }
}
