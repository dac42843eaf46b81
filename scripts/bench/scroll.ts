// The side panel's scrolling figure for `npm run bench` (issues 9 and 12): the test build's real
// sidepanel.html (its virtualised list, rows, marks) over a library of 50,000 realistic papers
// (scripts/bench/library-corpus.ts), scrolled as a user flings a list — 600 px a frame for 300
// frames, then jumps to the middle and the end — with the long tasks of the panel's main thread
// recorded meanwhile. Goal: no task over 50 ms while scrolling.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launch, saveThroughHook } from '../../tests/e2e/browser';
import { ROOT, TEST_BUILD } from '../../tests/e2e/paths';
import type { Figure } from './figure';
import { libraryCorpus } from './library-corpus';

const PART = 5_000;

export async function benchScroll(options: { quick: boolean }): Promise<Figure[]> {
  const count = options.quick ? 10_000 : 50_000;
  if (!existsSync(TEST_BUILD)) execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'ignore' });
  const papers = libraryCorpus(ROOT, count);
  const browser = await launch(TEST_BUILD);
  try {
    const seed = await browser.openExtensionPage('sidepanel.html');
    for (let i = 0; i < papers.length; i += PART) {
      await saveThroughHook(seed, papers.slice(i, i + PART));
    }
    await seed.close();

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await page.locator('li.row[data-paper-key]:not(.row-loading)').nth(9).waitFor({ timeout: 120_000 });
    // Let the search index finish building: scrolling is measured on its own.
    await page.waitForTimeout(options.quick ? 5_000 : 15_000);
    const result = await page.evaluate(async () => {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const scroller = document.querySelector('.list-scroller') as HTMLElement;
      const start = performance.now();
      let frames = 0;
      for (let i = 0; i < 300; i++) {
        scroller.scrollTop += 600;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        frames++;
      }
      for (const at of [0.5, 1, 0.25]) {
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * at;
        for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        frames += 10;
      }
      const elapsed = performance.now() - start;
      // (No named functions in here: the bench's TypeScript loader would wrap them in a helper the
      // page does not have.) Long tasks are reported after they end: give the last one its turn.
      await new Promise((resolve) => setTimeout(resolve, 200));
      observer.disconnect();
      // The rows at the last place scrolled to are read from the library: wait for them.
      let rows = 0;
      for (let i = 0; i < 50 && rows === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = document.querySelectorAll('li.row[data-paper-key]:not(.row-loading)').length;
      }
      return { tasks, frames, elapsed, rows };
    });
    await page.close();
    if (result.rows === 0) throw new Error('no row was drawn after scrolling');
    return [
      {
        metric: `panel.${count}.scroll.longestTask`,
        value: Math.max(0, ...result.tasks),
        unit: 'ms',
        target: 50,
      },
      { metric: `panel.${count}.scroll.tasksOver50ms`, value: result.tasks.length, unit: 'tasks' },
      { metric: `panel.${count}.scroll.msPerFrame`, value: result.elapsed / result.frames, unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}
