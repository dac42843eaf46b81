// The library and the side panel's search at 10,000 and 50,000 papers (quick: 1,000 and 5,000)
// in the engine the side panel runs in. Papers carry real text: the titles, authors and abstracts
// of every saved page's expected papers (tests/fixtures/**/expected.json), so the vocabulary is
// the papers' own. Batch saves beside bare IndexedDB puts of the same records, search as you type
// beside a substring scan of the titles, and growth between the two sizes as a ratio.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { against, BENCH_URL, bundle, plainChromium } from './harness';
import type { Corpus } from './in-page';

interface Expected {
  papers?: { title?: string; authors?: string[]; abstract?: string }[];
}

function expectedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return expectedFiles(path);
    return name === 'expected.json' ? [path] : [];
  });
}

/** The real text of the project's saved pages, each title once. */
export function fixtureCorpus(): Corpus {
  const corpus: Corpus = { titles: [], authors: [], abstracts: [] };
  const seen = new Set<string>();
  for (const file of expectedFiles(FIXTURES).sort()) {
    let expected: Expected;
    try {
      expected = JSON.parse(readFileSync(file, 'utf8')) as Expected;
    } catch {
      continue;
    }
    for (const paper of expected.papers ?? []) {
      if (!paper.title || seen.has(paper.title)) continue;
      seen.add(paper.title);
      corpus.titles.push(paper.title);
      if (paper.authors?.length) corpus.authors.push(paper.authors);
      if (paper.abstract) corpus.abstracts.push(paper.abstract);
    }
  }
  return corpus;
}

export async function benchLibrarySearch({ quick }: { quick: boolean }): Promise<Figure[]> {
  const script = await bundle('scripts/bench/in-page.ts');
  const corpus = fixtureCorpus();
  const { browser, context } = await plainChromium();
  const figures: Figure[] = [];
  const sizes = quick ? [1_000, 5_000] : [10_000, 50_000];
  const results: Record<string, number>[] = [];
  try {
    for (const size of sizes) {
      const page = await context.newPage();
      await page.goto(BENCH_URL);
      await page.addScriptTag({ content: script });
      const f = await page.evaluate(
        ([n, text]) =>
          (
            globalThis as unknown as {
              papershelfBench: { benchLibrary(n: number, corpus: Corpus): Promise<Record<string, number>> };
            }
          ).papershelfBench.benchLibrary(n, text),
        [size, corpus] as const,
      );
      results.push(f);
      const at = `library.${size}`;
      const ms = (name: string, target?: number) =>
        figures.push({
          metric: `${at}.${name}`,
          value: f[name] ?? Number.NaN,
          unit: 'ms',
          ...(target ? { target } : {}),
        });
      figures.push(
        against(`${at}.saveBatchPer1000`, f.saveBatchPer1000 ?? Number.NaN, f.rawPutsPer1000 ?? Number.NaN, 'ms', 1.5),
      );
      ms('saveOne', 50);
      ms('listNewest50', 150);
      ms('lookup100', 50);
      ms('loadAll');
      ms('indexBuild');
      figures.push(against(`${at}.searchTypingP95`, f.typingP95 ?? Number.NaN, f.scanP95 ?? Number.NaN, 'ms'));
      ms('typingP95', 16);
      ms('typingFirstLetter', 16);
      const session = await context.newCDPSession(page);
      // What the page holds with the index built (in-page.ts keeps it), not what it has yet to collect.
      await session.send('HeapProfiler.collectGarbage');
      await session.send('Performance.enable');
      const { metrics } = (await session.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      figures.push({ metric: `${at}.heapAfterIndex`, value: heap / 1024 / 1024, unit: 'MiB' });
      await page.close();
    }
    const [small, large] = results;
    const [from = 1, to = 1] = sizes;
    const growth = `library.growth${from / 1000}kTo${to / 1000}k`;
    const linear = to / from;
    for (const name of ['saveBatchPer1000', 'loadAll', 'indexBuild', 'typingP95']) {
      // Per-1000 figures are flat when linear; totals grow by the size ratio.
      const target = name.endsWith('Per1000') ? 1 : linear;
      figures.push(
        against(`${growth}.${name}`, large?.[name] ?? Number.NaN, small?.[name] ?? Number.NaN, 'ms', target),
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}
