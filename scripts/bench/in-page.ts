// Bundled by scripts/bench.ts into one script that runs inside a Chromium page: the real
// detection, library and search code, timed where it runs for users.
import { createSearchIndex } from '../../entrypoints/sidepanel/search';
import { worthScanning } from '../../lib/detect/gate';
import { detectPapers, sources } from '../../lib/detect/index';
import { createLibrary } from '../../lib/library/library';
import { toPaper } from '../../lib/paper/build';
import type { Paper } from '../../lib/paper/model';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => unknown, repeat: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function timeAsync(run: () => Promise<unknown>, repeat: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const WORDS = 'attention graph neural diffusion language model vision transformer sparse retrieval causal robust'.split(
  ' ',
);

function syntheticPaper(i: number): Paper {
  const word = (n: number) => WORDS[(i * 7 + n * 3) % WORDS.length];
  const paper = toPaper({
    title: `${word(1)} ${word(2)} for ${word(3)} ${word(4)} ${i}`,
    authors: [`Author ${i % 997}`, `Writer ${i % 389}`, `Person ${i % 61}`],
    abstract: `We study ${word(5)} ${word(6)} and ${word(7)}. `.repeat(8),
    published: `20${10 + (i % 15)}-0${1 + (i % 9)}`,
    ids: { arxiv: `${2300 + (i % 12) + 1}.${String(10000 + i).slice(-5)}` },
    source: 'bench',
  });
  if (!paper) throw new Error(`synthetic paper ${i} is invalid`);
  return paper;
}

/** Median milliseconds of `detectPapers` and of the content script's gate on the current page. */
function benchDetect(repeat: number): { ms: number; papers: number; gateMs: number } {
  const url = new URL(location.href);
  const papers = detectPapers(document, url).length;
  return {
    ms: time(() => detectPapers(document, url), repeat),
    papers,
    // The gate is far below the clock's 0.1 ms resolution: time a thousand calls, report one.
    gateMs:
      time(() => {
        for (let i = 0; i < 1000; i++) worthScanning(sources, document, url);
      }, repeat) / 1000,
  };
}

/** Library and search figures for a library of `size` papers. */
async function benchLibrary(size: number): Promise<Record<string, number>> {
  const library = createLibrary({ name: `bench-${size}-${Date.now()}` });
  const papers = Array.from({ length: size }, (_, i) => syntheticPaper(i));
  const figures: Record<string, number> = {};
  let start = performance.now();
  for (let i = 0; i < papers.length; i += 500) await library.savePapers(papers.slice(i, i + 500));
  figures.saveBatchPer1000 = ((performance.now() - start) / size) * 1000;
  figures.saveOne = await timeAsync(() => library.savePaper(papers[size >> 1] as Paper), 20);
  figures.listNewest50 = await timeAsync(() => library.listPapers({ limit: 50 }), 20);
  const terms = papers.slice(0, 100).map((paper) => paper.key);
  figures.lookup100 = await timeAsync(() => library.findSaved(terms), 20);
  start = performance.now();
  const all = await library.allPapers();
  figures.loadAll = performance.now() - start;
  start = performance.now();
  const index = createSearchIndex();
  index.addAll(all);
  figures.indexBuild = performance.now() - start;
  figures.searchQuery = time(() => index.search('graph diffusion'), 20);
  figures.searchPrefix = time(() => index.search('transf'), 20);
  return figures;
}

Object.assign(globalThis, { papershelfBench: { benchDetect, benchLibrary } });
