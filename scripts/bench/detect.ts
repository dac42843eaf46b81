// Detection in a plain page holding the page (no extension): the real readers on saved pages and
// on big listings generated from them, each beside one `querySelectorAll('*')` walk of the same
// page in the same run (issue 9: ≤ 5× on listings, ≤ 0.5× on a page with no papers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { against, bundle, plainChromium, serveHtml } from './harness';
import type { Detect } from './in-page';
import { ARXIV_LISTING_URL, arxivListing, HF_DAILY_URL, huggingFaceDaily, NO_PAPERS_URL, noPapersPage } from './pages';

/** Saved pages as they are; pages of unknown sites are read only on request, so timed here only. */
const SAVED = [
  'huggingface/daily-listing',
  'huggingface/paper-page',
  'arxiv/listing-new',
  'arxiv/abs-page',
  'scholar/results-2026',
  'semantic-scholar/paper-meow',
  'biorxiv/paper-page',
  'generic-links/reading-list-synthetic',
  'generic-links/news-site-synthetic',
];

export async function benchDetect({ quick }: { quick: boolean }): Promise<Figure[]> {
  const script = await bundle('scripts/bench/in-page.ts');
  const { browser, context } = await plainChromium();
  const figures: Figure[] = [];
  const measure = async (url: string, html: string, repeat: number): Promise<Detect> => {
    await serveHtml(context, url, html);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      (times) =>
        (globalThis as unknown as { papershelfBench: { benchDetect(n: number): Detect } }).papershelfBench.benchDetect(
          times,
        ),
      repeat,
    );
    await page.close();
    return result;
  };
  try {
    for (const fixture of SAVED) {
      const { url } = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { url: string };
      const result = await measure(url, readFileSync(join(FIXTURES, fixture, 'page.html'), 'utf8'), quick ? 10 : 50);
      figures.push(against(`detect.${fixture}`, result.ms, result.walkMs));
      figures.push({ metric: `gate.${fixture}`, value: result.gateMs, unit: 'ms', target: 1 });
    }
    const sizes = quick ? [2000, 8000] : [2000, 4000, 8000];
    const medians = new Map<number, number>();
    for (const size of sizes) {
      // Forty samples: the 95th percentile of ten is their slowest.
      const result = await measure(ARXIV_LISTING_URL, arxivListing(size), quick ? 3 : 40);
      if (result.papers !== size)
        figures.push({
          metric: `detect.arxiv-listing.${size}.papers`,
          value: result.papers,
          unit: 'papers',
          target: size,
        });
      medians.set(size, result.ms);
      figures.push(against(`detect.arxiv-listing.${size}.median`, result.ms, result.walkMs, 'ms', 5));
      figures.push(against(`detect.arxiv-listing.${size}.p95`, result.p95, result.walkMs, 'ms', 5));
      figures.push({ metric: `detect.arxiv-listing.${size}.absolute`, value: result.ms, unit: 'ms', target: 30 });
    }
    // Linear growth makes this 4 (8,000 / 2,000 entries).
    figures.push(
      against(
        'detect.arxiv-listing.growth2kTo8k',
        medians.get(8000) ?? Number.NaN,
        medians.get(2000) ?? Number.NaN,
        'ms',
        4,
      ),
    );
    const cards = await measure(HF_DAILY_URL, huggingFaceDaily(100), quick ? 10 : 100);
    figures.push(against('detect.huggingface-daily.100.median', cards.ms, cards.walkMs, 'ms', 5));
    figures.push(against('detect.huggingface-daily.100.p95', cards.p95, cards.walkMs, 'ms', 5));
    figures.push({ metric: 'detect.huggingface-daily.100.papers', value: cards.papers, unit: 'papers', target: 100 });
    const none = await measure(NO_PAPERS_URL, noPapersPage(5000), quick ? 5 : 20);
    // The goal is on what the page pays: the content script's gate, and the readers only if it lets
    // the page through. The readers run anyway (as "read this page" would) are shown beside it.
    figures.push(against('detect.no-papers.5000.contentScript', none.contentScriptMs, none.walkMs, 'ms', 0.5));
    figures.push(against('detect.no-papers.5000.readersWithoutGate', none.ms, none.walkMs));
    figures.push({ metric: 'detect.no-papers.5000.papers', value: none.papers, unit: 'papers', target: 0 });
  } finally {
    await browser.close();
  }
  return figures;
}
