// Bundled by scripts/bench/import.ts into a Chromium page: the real BibTeX import and the parser
// it is built on, timed where the side panel runs them.
import { parse } from '@retorquere/bibtex-parser';
import { importText } from '../../lib/formats';

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

(globalThis as unknown as { papershelfImportBench: unknown }).papershelfImportBench = {
  /** Milliseconds to import the text, to parse it alone, and how many papers came in. */
  run(text: string): { importMs: number; parseMs: number; papers: number } {
    let papers = 0;
    const importMs = time(() => {
      papers = importText(text, 'bench.bib').papers.length;
    });
    const parseMs = time(() => parse(text, { english: false, unsupported: () => '' }));
    return { importMs, parseMs, papers };
  },
};
