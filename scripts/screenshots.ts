// `npm run screenshots`: every view of the built test extension in headless Chromium, light and
// dark, as PNGs in .output/screenshots/ (ignored by git) to look at as a demanding user would; with
// `--readme`, the two the README shows are written again to docs/screenshots/. Pages are the saved
// fixtures served at their real addresses, the library the papers those pages hold.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Paper } from '../lib/paper/model';
import { type Browser, launch, saveThroughHook, servePage } from '../tests/e2e/browser';
import { FIXTURES, ROOT, TEST_BUILD } from '../tests/e2e/paths';

const OUT = join(ROOT, '.output/screenshots');
const README_SHOTS = join(ROOT, 'docs/screenshots');
const PANEL = { width: 400, height: 800 };
const PAGE = { width: 1280, height: 800 };
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

interface Case {
  url: string;
  papers: Paper[];
}

const caseOf = (fixture: string): Case & { fixture: string } => ({
  fixture,
  ...(JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as Case),
});

const PAGES = [caseOf('huggingface/daily-listing'), caseOf('arxiv/listing-new')];
/** The side panel's library: the papers of three real pages, 30 of them. */
const LIBRARY: Paper[] = [
  ...new Map(
    ['huggingface/daily-listing', 'arxiv/listing-new', 'semantic-scholar/paper-meow']
      .flatMap((fixture) => caseOf(fixture).papers)
      .map((paper) => [paper.key, paper]),
  ).values(),
].slice(0, 30);

const written: string[] = [];
async function shot(page: Page, name: string, scheme: Scheme): Promise<void> {
  const file = join(OUT, `${name}-${scheme}.png`);
  await page.screenshot({ path: file });
  written.push(file);
}

async function panel(browser: Browser, scheme: Scheme, path = 'sidepanel.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(PANEL);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
}

async function views(scheme: Scheme): Promise<void> {
  const browser = await launch(TEST_BUILD);
  try {
    // The side panel before anything is saved.
    const empty = await panel(browser, scheme);
    await empty.locator('.ps-empty').waitFor();
    await shot(empty, 'sidepanel-empty', scheme);
    await empty.locator('[data-action="add-papers"]').click();
    await empty.locator('textarea').fill('arXiv:2310.03646\n10.1038/s41586-021-03819-2\nnot-an-id');
    await settle(empty);
    await shot(empty, 'sidepanel-add', scheme);
    await empty.getByRole('button', { name: 'Cancel' }).click();

    // Pages with their controls: the second paper saved, the others not.
    for (const item of PAGES) {
      await servePage(browser.context, item.url, item.fixture);
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(PAGE);
      await page.goto(item.url);
      await page.locator('[data-papershelf-key]').first().waitFor();
      for (const paper of item.papers.slice(1, 2)) {
        await page.locator(`[data-papershelf-key="${paper.key}"]`).click();
      }
      await settle(page);
      await shot(page, `page-${item.fixture.split('/')[0]}`, scheme);
      await page.close();
    }

    // The side panel with 30 papers: the list, a search, the editor, a selection, settings.
    await saveThroughHook(empty, LIBRARY, true);
    await empty.close();
    const list = await panel(browser, scheme);
    await list.locator('li.row[data-paper-key]:not(.row-loading)').nth(9).waitFor();
    await settle(list);
    await shot(list, 'sidepanel', scheme);
    await list.locator('input[type="search"]').fill('language');
    await settle(list);
    await shot(list, 'sidepanel-search', scheme);
    await list.locator('input[type="search"]').fill('');
    await list.locator('li.row .row-title').first().click();
    await list.keyboard.press('e');
    await settle(list);
    await shot(list, 'sidepanel-editor', scheme);
    await list.keyboard.press('Escape');
    await list.locator('li.row .row-title').nth(1).click();
    await list
      .locator('li.row .row-title')
      .nth(4)
      .click({ modifiers: ['Shift'] });
    await list.getByRole('button', { name: 'Set the status of the selected papers' }).click();
    await settle(list);
    await shot(list, 'sidepanel-selection-menu', scheme);
    await list.keyboard.press('Escape');
    await list.locator('[data-action="settings"]').click();
    await settle(list);
    await shot(list, 'sidepanel-settings', scheme);
    await list.close();

    const popup = await panel(browser, scheme, 'popup.html');
    await settle(popup);
    await shot(popup, 'popup', scheme);
  } finally {
    await browser.close();
  }
}

if (!existsSync(join(TEST_BUILD, 'manifest.json')) || process.argv.includes('--build')) {
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(OUT, { recursive: true });
for (const scheme of SCHEMES) await views(scheme);
if (process.argv.includes('--readme')) {
  mkdirSync(README_SHOTS, { recursive: true });
  for (const name of ['page-arxiv', 'sidepanel']) {
    copyFileSync(join(OUT, `${name}-light.png`), join(README_SHOTS, `${name}.png`));
  }
}
console.log(`screenshots: ${written.length} written to ${OUT}`);
