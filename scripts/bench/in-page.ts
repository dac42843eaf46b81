// Bundled by scripts/bench.ts into one script that runs inside a Chromium page: the real
// detection, library and search code, timed where it runs for users.

import { worthScanning } from '../../lib/detect/gate';
import { detectPapers, sources } from '../../lib/detect/index';
import { createLibrary } from '../../lib/library/library';
import { toPaper } from '../../lib/paper/build';
import type { Paper, SavedPaper } from '../../lib/paper/model';
import { ViewIndex } from '../../lib/search/view-index';
import { rawPuts, stored } from './raw-puts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// The page's collector, when the browser exposes it (the bench's does: scripts/bench/harness.ts).
const collect = (globalThis as { gc?: () => void }).gc;

/** The median of `repeat` runs; with `fresh`, each begins after a collection, not in the garbage of the one before. */
function time(run: () => unknown, repeat: number, fresh = false): number {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    if (fresh) collect?.();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function timeAsync(run: () => Promise<unknown>, repeat: number, fresh = false): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    if (fresh) collect?.();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Real text (titles, authors, abstracts) the bench builds its papers from. */
export interface Corpus {
  titles: string[];
  authors: string[][];
  abstracts: string[];
}

/** Paper `i` of a library made from the corpus: copies past the first carry a number in their
 * title and a fresh arXiv id, so every paper is distinct and the vocabulary is the corpus's own. */
function corpusPaper(corpus: Corpus, i: number): Paper {
  const { titles, authors, abstracts } = corpus;
  const copy = Math.floor(i / titles.length);
  const title = titles[i % titles.length] as string;
  const paper = toPaper({
    title: copy === 0 ? title : `${title} (${copy + 1})`,
    authors: authors[(i * 7) % authors.length] ?? [],
    abstract: abstracts[(i * 13) % abstracts.length],
    published: `20${10 + (i % 15)}-0${1 + (i % 9)}`,
    ids: { arxiv: `${2001 + Math.floor(i / 99_999)}.${String((i % 99_999) + 1).padStart(5, '0')}` },
    source: 'bench',
  });
  if (!paper) throw new Error(`bench paper ${i} is invalid`);
  return paper;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

function samples(run: () => unknown, repeat: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

/** What benchDetect measures on a page (ms but `papers`). */
export interface Detect {
  ms: number;
  p95: number;
  walkMs: number;
  papers: number;
  gateMs: number;
  contentScriptMs: number;
}

/** `detectPapers` on the current page, its median and p95 in ms, beside one
 * `document.querySelectorAll('*')` walk (median) and the content script's gate. */
function benchDetect(repeat: number): Detect {
  const url = new URL(location.href);
  const papers = detectPapers(document, url).length;
  const detect = samples(() => detectPapers(document, url), repeat);
  // The walk touches every element, as any reader must at least once.
  // Twenty walks a sample, so a small page's walk stays above the clock's 0.1 ms resolution.
  const walk = samples(() => {
    let n = 0;
    for (let k = 0; k < 20; k++) for (const element of document.querySelectorAll('*')) n += element.nodeType;
    return n;
  }, repeat).map((ms) => ms / 20);
  // The gate is far below the clock's 0.1 ms resolution: time a thousand calls, report one.
  const gateMs =
    time(() => {
      for (let i = 0; i < 1000; i++) worthScanning(sources, document, url);
    }, repeat) / 1000;
  return {
    ms: median(detect),
    p95: quantile(detect, 0.95),
    walkMs: median(walk),
    papers,
    gateMs,
    // What a content script does with the page (entrypoints/content/shelf.ts): the gate, then the
    // readers only where the gate lets the page through.
    contentScriptMs: worthScanning(sources, document, url) ? gateMs + median(detect) : gateMs,
  };
}

/** Library and search figures for a library of `size` papers. */
async function benchLibrary(size: number, corpus: Corpus): Promise<Record<string, number>> {
  const library = createLibrary({ name: `bench-${size}-${Date.now()}` });
  const papers = Array.from({ length: size }, (_, i) => corpusPaper(corpus, i));
  const figures: Record<string, number> = {};
  const start = performance.now();
  for (let i = 0; i < papers.length; i += 500) await library.savePapers(papers.slice(i, i + 500));
  figures.saveBatchPer1000 = ((performance.now() - start) / size) * 1000;
  const at = new Date().toISOString();
  const rawMs = await rawPuts(
    papers.map((paper) => stored(paper, at)),
    500,
  );
  figures.rawPutsPer1000 = (rawMs / size) * 1000;
  figures.saveOne = await timeAsync(() => library.savePaper(papers[size >> 1] as Paper), 20);
  figures.listNewest50 = await timeAsync(() => library.listPapers({ limit: 50 }), 20);
  const terms = papers.slice(0, 100).map((paper) => paper.key);
  figures.lookup100 = await timeAsync(() => library.findSaved(terms), 20);
  // Reading everything and indexing it are timed three times each (the median), each time after a
  // collection: one run after the saves' garbage swung by a third (50,000: 1.8-2.7 s to index).
  let all: SavedPaper[] = [];
  figures.loadAll = await timeAsync(
    async () => {
      all = await library.allPapers();
    },
    3,
    true,
  );
  let index = new ViewIndex();
  figures.indexBuild = time(
    () => {
      index = new ViewIndex();
      index.put(all);
    },
    3,
    true,
  );
  // Kept for the heap figure the suite reads once this returns (scripts/bench/library-search.ts).
  Object.assign(globalThis, { benchIndex: index });
  // Search as you type (the side panel worker's index, here on the page's thread): every prefix of
  // two real title words, beside a plain substring scan of
  // the titles for the same prefix.
  const words = (corpus.titles[3] ?? 'spectral galerkin').toLowerCase().split(/\s+/).slice(0, 2).join(' ');
  const typing: number[] = [];
  const scans: number[] = [];
  for (let n = 1; n <= words.length; n++) {
    const prefix = words.slice(0, n);
    typing.push(time(() => index.query({ text: prefix, sort: 'saved' }), 3));
    scans.push(time(() => all.filter((paper) => paper.title.toLowerCase().includes(prefix)).length, 3));
  }
  figures.typingP95 = quantile(typing, 0.95);
  figures.typingFirstLetter = typing[0] ?? Number.NaN;
  figures.scanP95 = quantile(scans, 0.95);
  return figures;
}

Object.assign(globalThis, { papershelfBench: { benchDetect, benchLibrary } });
