// Library figures for `npm run bench` (issues 9 and 10), measured in headless Chromium inside an
// extension page of the built extension, each beside a baseline in the same run and page: Save all
// through the background vs raw IndexedDB puts of the same records; `savePapers` vs raw puts; a
// backup's import vs raw puts; BibTeX export (the worker's work) vs JSON.stringify of the same
// papers; one save on a page showing a long listing vs one raw put. Records are real: every paper
// of the project's fixtures (titles, authors, abstracts as detected), repeated under fresh ids.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BACKUP_DELAY_MS } from '../../lib/durability/follow';
import { type Browser, launch } from '../../tests/e2e/browser';
import { FIXTURES, ROOT, TEST_BUILD } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { median } from './harness';

type Measure = { value: number; baseline: number };

/** Every paper of every fixture's expected.json that has a title: the corpus the records repeat. */
function corpus(): unknown[] {
  const papers: unknown[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'expected.json') {
        const data = JSON.parse(readFileSync(path, 'utf8')) as { papers?: { title?: string }[] };
        for (const paper of data.papers ?? []) if (paper.title) papers.push(paper);
      }
    }
  };
  walk(FIXTURES);
  return papers;
}

/** The arXiv listing fixture's entries repeated `count` times under fresh ids (as tests/e2e does). */
function longListing(count: number): string {
  const html = readFileSync(join(FIXTURES, 'arxiv/listing-new/page.html'), 'utf8');
  const open = html.indexOf("<dl id='articles'>") + "<dl id='articles'>".length;
  const close = html.indexOf('</dl>', open);
  const entries = html.slice(open, close).match(/<dt>[\s\S]*?<\/dd>/g) ?? [];
  const items = Array.from({ length: count }, (_, index) => {
    const entry = entries[index % entries.length] as string;
    const real = /id="(\d{4}\.\d{5})"/.exec(entry)?.[1] as string;
    return entry.replaceAll(real, `2601.${String(index).padStart(5, '0')}`);
  });
  return `${html.slice(0, open)}\n${items.join('\n')}\n${html.slice(close)}`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function warmSaves(browser: Browser, script: string, entries: number, times: number): Promise<Figure[]> {
  const url = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${entries}`;
  const body = longListing(entries);
  await browser.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
  const tab = await browser.context.newPage();
  await tab.goto(url, { waitUntil: 'commit', timeout: 300_000 });
  await tab.waitForLoadState('load', { timeout: 300_000 });
  // Saves are timed once the tab shows its controls.
  await tab
    .waitForFunction((n) => document.querySelectorAll('[data-papershelf-key]').length >= n, entries, {
      timeout: 300_000,
    })
    .catch(() => tab.waitForTimeout(5000));
  const page = await browser.openExtensionPage('popup.html?tab=0');
  await page.evaluate(script);
  const result = (await page.evaluate(
    ([papers, n, count]) =>
      (
        globalThis as unknown as {
          papershelfLibraryBench: {
            warmSaves(base: unknown[], n: number, count: number): Promise<{ values: number[]; baseline: number[] }>;
          };
        }
      ).papershelfLibraryBench.warmSaves(papers, n, count),
    [corpus(), entries, times] as const,
  )) as { values: number[]; baseline: number[] };
  await page.close();
  await tab.close();
  return [50, 95].map((p) => {
    const value = percentile(result.values, p);
    const baseline = percentile(result.baseline, p);
    return {
      metric: `save.warm.${entries}.p${p}`,
      value,
      unit: 'ms',
      baseline,
      ratio: value / baseline,
      target: 50,
      goalOn: 'value',
    };
  });
}

/** The library's figures (see the head of this file); `quick` uses smaller sizes. */
export async function benchLibrary(options: { quick: boolean }): Promise<Figure[]> {
  const bundled = await build({
    entryPoints: [join(ROOT, 'scripts/bench/library-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  const base = corpus();
  const figures: Figure[] = [];
  // The test build: its control hosts carry `data-papershelf-key`, the production build's are plain
  // spans nothing outside the browser's own DevTools can tell apart.
  if (!existsSync(TEST_BUILD)) execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await launch(TEST_BUILD);
  try {
    const page = await browser.openExtensionPage('popup.html?tab=0');
    await page.evaluate(script);
    const run = (name: string, count: number, offset = 0) =>
      page.evaluate(
        ([fn, papers, n, from]) =>
          (
            globalThis as unknown as {
              papershelfLibraryBench: Record<
                string,
                (base: unknown[], count: number, offset: number) => Promise<Measure>
              >;
            }
          ).papershelfLibraryBench[fn as string]?.(papers as unknown[], n as number, from as number),
        [name, base, count, offset] as const,
      ) as Promise<Measure>;
    // A run is one sample, and Save all, savePapers and an import swing by a third from run to run
    // on this machine: each figure is the median of several runs (each beside its own baseline), and
    // every run of Save all saves papers of its own (ids 100,000 apart).
    const medianOf = async (name: string, count: number, runs: number): Promise<Measure> => {
      const measures: Measure[] = [];
      for (let at = 0; at < runs; at++) {
        // The background backs the library up a moment after a change (the page's scratch
        // libraries announce theirs on the same channel): that backup is timed by the durability
        // suite, so each run waits until it has passed.
        await page.waitForTimeout(BACKUP_DELAY_MS + 1500);
        measures.push(await run(name, count, at * 100_000));
      }
      return { value: median(measures.map((m) => m.value)), baseline: median(measures.map((m) => m.baseline)) };
    };
    const against = (metric: string, measure: Measure, target?: number) =>
      figures.push({
        metric,
        value: measure.value,
        unit: 'ms',
        baseline: measure.baseline,
        ratio: measure.value / measure.baseline,
        ...(target === undefined ? {} : { target }),
      });
    const saveAll = options.quick ? 2000 : 2000;
    const large = options.quick ? 10_000 : 50_000;
    // First runs warm the engine, the page and the background up (a Save all in two parts, under
    // ids the measured runs do not use).
    await run('savePapers', 200);
    await run('saveAll', 1100, 500_000);
    const runs = options.quick ? 1 : 5;
    against(`library.savePapers.${saveAll}.vsRawPuts`, await medianOf('savePapers', saveAll, runs));
    against(`library.saveAll.${saveAll}.vsRawPuts`, await medianOf('saveAll', saveAll, runs), 1.5);
    against(`library.import.${large}.vsRawPuts`, await medianOf('importBackup', large, options.quick ? 1 : 3), 1.3);
    against(`library.export.bibtex.${large}.vsJson`, await run('exportBibtex', large));
    await page.close();
    for (const entries of options.quick ? [2000] : [2000, 8000]) {
      figures.push(...(await warmSaves(browser, script, entries, options.quick ? 10 : 30)));
    }
  } finally {
    await browser.close();
  }
  return figures;
}
