// The registry: every reader, strongest first, and the one entry point that runs them on a page.
import { mergePapers } from '../paper/build';
import { idTerms } from '../paper/ids';
import { arxiv } from './sources/arxiv';
import { huggingface } from './sources/huggingface';
import type { Detection, Source } from './types';

/** Every source, in the order their fields win when two find the same paper. */
export const sources: readonly Source[] = [huggingface, arxiv];

/** The manifest match patterns the content script runs on (the union of the sources'). */
export const contentScriptPatterns: string[] = [...new Set(sources.flatMap((source) => source.patterns))];

/**
 * Runs every source whose address gate matches and returns each paper once, in page order of
 * first discovery; where several sources find one paper, the stronger source's fields win.
 */
export function detectPapers(doc: Document, url: URL): Detection[] {
  const found: Detection[] = [];
  const byTerm = new Map<string, Detection>();
  for (const source of sources) {
    if (!source.matches(url)) continue;
    let detections: Detection[];
    try {
      detections = source.detect(doc, url);
    } catch {
      // A page we do not understand yields fewer papers, never an exception.
      continue;
    }
    for (const detection of detections) {
      const existing = idTerms(detection.paper)
        .map((term) => byTerm.get(term))
        .find((match) => match !== undefined);
      if (existing) {
        existing.paper = mergePapers(existing.paper, detection.paper);
        existing.anchor ??= detection.anchor;
      } else {
        found.push(detection);
      }
      const target = existing ?? detection;
      for (const term of idTerms(target.paper)) byTerm.set(term, target);
    }
  }
  return found;
}
