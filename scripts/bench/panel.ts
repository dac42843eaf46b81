// The side panel's figures for `npm run bench` (issue 9): in headless Chromium, a library of
// 10,000 and 50,000 realistic papers (scripts/bench/library-corpus.ts), opened through the
// LibraryView and its search worker (lib/search) as the panel opens it: the first 50 rows against
// the same number of records read with raw IndexedDB, the index complete, search as you type
// (p50/p95 per keystroke, query and its 50 rows), the longest main-thread task while typing, and
// the page's heap. Measured in a plain page at a routed address (the view, its worker and
// IndexedDB are the same there as in sidepanel.html); scrolling waits for the new panel's list.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { corpusText, realAbstracts } from './library-corpus';

const ORIGIN = 'https://bench.papershelf.invalid';
/** Words people look for in titles and author names (the corpus's own). */
const TITLE_PHRASES = ['reinforcement learning', 'gaussian process', 'bengio', 'variational inference', 'graph neural'];
/** Words found in the abstracts (and hardly in titles). */
const ABSTRACT_PHRASES = ['surface realisation', 'shared task', 'protein structure', 'clinical trial'];

interface Bench {
  seed(text: string, abstracts: string[], count: number): Promise<number>;
  rawRead(count: number): Promise<number>;
  firstRows(workerUrl: string, count: number): Promise<{ ms: number; rows: number; total: number }>;
  complete(count: number): Promise<number>;
  type(phrases: string[], gap: number): Promise<{ p50: number; p95: number; longestTask: number; hits: number[] }>;
  close(): void;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
    // view.ts's openLibraryView (import.meta.url) is not used here: the page starts the worker itself.
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchPanel(options: { quick: boolean }): Promise<Figure[]> {
  const [script, workerScript] = await Promise.all([
    bundle('scripts/bench/panel-page.ts'),
    bundle('lib/search/worker.ts'),
  ]);
  const text = corpusText(ROOT);
  const abstracts = realAbstracts(ROOT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const figures: Figure[] = [];
  try {
    const context = await browser.newContext();
    await context.route(/^https?:\/\//, (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.fulfill({ status: 404, body: '' });
      if (url.pathname === '/search-worker.js') {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: workerScript });
      }
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>panel</title>' });
    });
    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      await page.addScriptTag({ content: script });
      const run = <T>(body: (bench: Bench) => Promise<T> | T) =>
        page.evaluate(`(${body.toString()})(globalThis.papershelfPanelBench)`) as Promise<T>;
      return { page, run };
    };
    for (const size of options.quick ? [10_000] : [10_000, 50_000]) {
      const seeding = await open();
      const stored = await seeding.page.evaluate(
        ([t, a, n]) =>
          (globalThis as unknown as { papershelfPanelBench: Bench }).papershelfPanelBench.seed(
            t as string,
            a as string[],
            n as number,
          ),
        [text, abstracts, size] as const,
      );
      await seeding.page.close();
      if (stored !== size) throw new Error(`the bench library holds ${stored} papers, not ${size}`);
      const firsts: number[] = [];
      const raws: number[] = [];
      for (let round = 0; round < 3; round++) {
        const raw = await open();
        raws.push(await raw.run((bench) => bench.rawRead(50)));
        await raw.page.close();
        const panel = await open();
        const first = await panel.page.evaluate(
          (url) => (globalThis as unknown as { papershelfPanelBench: Bench }).papershelfPanelBench.firstRows(url, 50),
          `${ORIGIN}/search-worker.js`,
        );
        if (first.rows !== 50 || first.total !== size) {
          throw new Error(`first rows: ${first.rows} rows of ${first.total} papers, not 50 of ${size}`);
        }
        firsts.push(first.ms);
        if (round < 2) {
          await panel.run((bench) => bench.close());
          await panel.page.close();
          continue;
        }
        const complete = await panel.page.evaluate(
          (n) => (globalThis as unknown as { papershelfPanelBench: Bench }).papershelfPanelBench.complete(n),
          size,
        );
        const titles = await panel.page.evaluate(
          (phrases) =>
            (globalThis as unknown as { papershelfPanelBench: Bench }).papershelfPanelBench.type(phrases, 30),
          TITLE_PHRASES,
        );
        const inAbstracts = await panel.page.evaluate(
          (phrases) =>
            (globalThis as unknown as { papershelfPanelBench: Bench }).papershelfPanelBench.type(phrases, 30),
          ABSTRACT_PHRASES,
        );
        if (titles.hits.some((hits) => hits === 0) || inAbstracts.hits.some((hits) => hits === 0)) {
          throw new Error(`a bench phrase found nothing: ${titles.hits} / ${inAbstracts.hits}`);
        }
        const heap = await panel.page.evaluate(
          () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
        );
        const firstRows = median(firsts);
        const rawRead = median(raws);
        figures.push(
          {
            metric: `panel.${size}.first50Rows`,
            value: firstRows,
            unit: 'ms',
            baseline: rawRead,
            ratio: firstRows / rawRead,
            target: 150,
            goalOn: 'value',
          },
          { metric: `panel.${size}.indexComplete`, value: complete, unit: 'ms' },
          { metric: `panel.${size}.searchTitleAuthors.p50`, value: titles.p50, unit: 'ms', target: 16 },
          { metric: `panel.${size}.searchTitleAuthors.p95`, value: titles.p95, unit: 'ms', target: 16 },
          { metric: `panel.${size}.searchAbstracts.p50`, value: inAbstracts.p50, unit: 'ms', target: 50 },
          { metric: `panel.${size}.searchAbstracts.p95`, value: inAbstracts.p95, unit: 'ms', target: 50 },
          {
            metric: `panel.${size}.longestTaskWhileTyping`,
            value: Math.max(titles.longestTask, inAbstracts.longestTask),
            unit: 'ms',
            target: 50,
          },
          { metric: `panel.${size}.pageHeap`, value: heap / 1e6, unit: 'MB' },
        );
        await panel.run((bench) => bench.close());
        await panel.page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

// `tsx scripts/bench/panel.ts [--quick]`: the panel's figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchPanel({ quick: process.argv.includes('--quick') }).then(
    (figures) => {
      for (const figure of figures) console.log(JSON.stringify(figure));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
