// `npm run bench [-- --quick]`: speed and memory of papershelf in headless Chromium, one JSON
// object a line ({metric, value, unit, target?}), then `bench: done` (docs/CONTRACT.md). Figures come
// from the real code in a real browser: detection on saved pages, the built extension's time to
// put its controls on a page, the content script's size, and the library and search at scale.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launch, servePage } from '../tests/e2e/browser';
import { CHROMIUM, FIXTURES, PRODUCTION_BUILD, ROOT, TEST_BUILD } from '../tests/e2e/paths';
import type { Figure } from './bench/figure';
import { benchImport } from './bench/import';

const quick = process.argv.includes('--quick');

function print(figure: Figure): void {
  const value = Number(figure.value.toPrecision(4));
  const rounded = { ...figure, value };
  if (figure.baseline !== undefined) rounded.baseline = Number(figure.baseline.toPrecision(4));
  if (figure.ratio !== undefined) rounded.ratio = Number(figure.ratio.toPrecision(3));
  process.stdout.write(`${JSON.stringify(rounded)}\n`);
}

const PAGES = [
  { fixture: 'huggingface/daily-listing' },
  { fixture: 'huggingface/paper-page' },
  { fixture: 'arxiv/listing-new' },
  { fixture: 'arxiv/abs-page' },
  { fixture: 'scholar/results-2026' },
  { fixture: 'semantic-scholar/paper-meow' },
  { fixture: 'biorxiv/paper-page' },
  // Pages of unknown sites: the production build reads them only on request, so they are timed
  // for detection, not for controls.
  { fixture: 'generic-links/reading-list-synthetic', unknownSite: true },
  { fixture: 'generic-links/news-site-synthetic', unknownSite: true },
];

function urlOf(fixture: string): string {
  return (JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { url: string }).url;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench/in-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    define: { 'import.meta.env.MODE': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  if (!existsSync(PRODUCTION_BUILD)) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const script = await bundle();
  const repeat = quick ? 10 : 50;

  const contentScript = join(PRODUCTION_BUILD, 'content-scripts/content.js');
  print({ metric: 'content-script.size', value: statSync(contentScript).size / 1024, unit: 'KiB', target: 200 });

  // Detection alone, in a plain browser page holding the saved page.
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await plain.newContext();
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
  for (const { fixture } of PAGES) {
    await servePage(context, urlOf(fixture), fixture);
    const page = await context.newPage();
    await page.goto(urlOf(fixture));
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      (times) =>
        (
          globalThis as unknown as {
            papershelfBench: { benchDetect(n: number): { ms: number; papers: number; gateMs: number } };
          }
        ).papershelfBench.benchDetect(times),
      repeat,
    );
    print({ metric: `detect.${fixture}`, value: result.ms, unit: 'ms', target: 20 });
    print({ metric: `gate.${fixture}`, value: result.gateMs, unit: 'ms', target: 1 });
    await page.close();
  }

  // The library and search at scale, in the same engine the side panel runs in.
  const size = quick ? 2000 : 20000;
  await context.route('https://bench.papershelf.invalid/', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  const page = await context.newPage();
  await page.goto('https://bench.papershelf.invalid/');
  await page.addScriptTag({ content: script });
  const figures = await page.evaluate(
    (n) =>
      (
        globalThis as unknown as { papershelfBench: { benchLibrary(n: number): Promise<Record<string, number>> } }
      ).papershelfBench.benchLibrary(n),
    size,
  );
  const targets: Record<string, number> = {
    listNewest50: 50,
    lookup100: 50,
    searchQuery: 50,
    searchPrefix: 50,
    saveOne: 50,
  };
  for (const [name, value] of Object.entries(figures)) {
    print({ metric: `library.${size}.${name}`, value, unit: 'ms', target: targets[name] });
  }
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  print({ metric: `library.${size}.heapAfterIndex`, value: heap / 1024 / 1024, unit: 'MiB' });
  await benchImport(plain, ROOT, quick, print);
  await plain.close();

  // The built extension: from navigation to a control on every paper. The test build, whose hosts
  // carry `data-papershelf-key`: the production build's hosts are plain spans nothing can count.
  if (!existsSync(TEST_BUILD)) execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await launch(TEST_BUILD);
  for (const { fixture, unknownSite } of PAGES) {
    if (unknownSite) continue;
    const expected = (
      JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { papers: unknown[] }
    ).papers.length;
    await servePage(browser.context, urlOf(fixture), fixture);
    const samples: number[] = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const tab = await browser.context.newPage();
      await tab.goto(urlOf(fixture), { waitUntil: 'commit' });
      // performance.now() counts from the start of this page's navigation.
      const handle = await tab.waitForFunction(
        (n) => document.querySelectorAll('[data-papershelf-key]').length >= n && performance.now(),
        expected,
        { polling: 5 },
      );
      samples.push(Number(await handle.jsonValue()));
      await tab.close();
    }
    samples.sort((a, b) => a - b);
    print({
      metric: `controls-visible.${fixture}`,
      value: samples[samples.length >> 1] ?? Number.NaN,
      unit: 'ms',
      target: 1000,
    });
  }
  await browser.close();
  process.stdout.write('bench: done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
