// The built extension in headless Chromium, on saved Hugging Face and arXiv pages served at their
// real addresses: controls, saving, the side panel, IndexedDB, reloads, the popup, a stopped
// service worker, export, and a production build without test hooks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, closedHosts, hasChromium, launch, pageFrame, savedRecords, servePage, tabIdOf } from './browser';
import { FIXTURES, PRODUCTION_BUILD, TEST_BUILD } from './paths';

interface Case {
  fixture: string;
  url: string;
  papers: Paper[];
}

function loadCase(fixture: string): Case {
  const expected = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as Omit<Case, 'fixture'>;
  return { fixture, ...expected };
}

const hf = loadCase('huggingface/daily-listing');
const arxivList = loadCase('arxiv/listing-new');
const arxivAbs = loadCase('arxiv/abs-page');

const control = (page: Page, key: string) => page.locator(`[data-papershelf-key="${key}"]`);
const stateOf = (page: Page, key: string) => control(page, key).getAttribute('data-papershelf-state');

async function open(browser: Browser, item: Case): Promise<Page> {
  await servePage(browser.context, item.url, item.fixture);
  const page = await browser.context.newPage();
  await page.goto(item.url);
  await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(item.papers.length);
  return page;
}

/** The keys of every record in the extension's IndexedDB. */
async function databaseKeys(browser: Browser): Promise<string[]> {
  return (await savedRecords(browser)).map((record) => record.key).sort();
}

describe.skipIf(!hasChromium)('the test build in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('puts one control on every paper of the saved pages, each once', async () => {
    for (const item of [hf, arxivList, arxivAbs]) {
      expect(item.papers.length, item.fixture).toBeGreaterThan(0);
      const page = await open(browser, item);
      const keys = await page
        .locator('[data-papershelf-key]')
        .evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-key')));
      expect(keys.sort(), item.fixture).toEqual(item.papers.map((paper) => paper.key).sort());
      for (const key of keys) expect(await stateOf(page, String(key))).toBe('unsaved');
      await page.close();
    }
  });

  it('saves a paper, shows it in the side panel and in IndexedDB, and still shows it saved after a reload', async () => {
    const paper = hf.papers[0] as Paper;
    const page = await open(browser, hf);
    await control(page, paper.key).click();
    await expect.poll(() => stateOf(page, paper.key)).toBe('saved');

    const panel = await browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator(`[data-paper-key="${paper.key}"]`).count()).toBe(1);
    expect(await panel.locator(`[data-paper-key="${paper.key}"] .row-title-text`).textContent()).toBe(paper.title);
    await panel.close();
    expect(await databaseKeys(browser)).toEqual([paper.key]);

    await page.reload();
    await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
    const others = hf.papers.slice(1).map((other) => stateOf(page, other.key));
    expect(await Promise.all(others)).toEqual(hf.papers.slice(1).map(() => 'unsaved'));
    await page.close();
  });

  it('removes a paper from the popup and the page follows', async () => {
    const paper = hf.papers[0] as Paper;
    const page = await open(browser, hf);
    await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    await expect.poll(() => popup.locator('[data-paper-key]').count()).toBe(hf.papers.length);
    await popup.locator(`[data-paper-key="${paper.key}"] button`, { hasText: 'Remove' }).click();
    await expect.poll(() => stateOf(page, paper.key)).toBe('unsaved');
    expect(await databaseKeys(browser)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('loses nothing when the service worker stops between two saves', async () => {
    const [first, second] = arxivList.papers as [Paper, Paper];
    const page = await open(browser, arxivList);
    await control(page, first.key).click();
    await expect.poll(() => stateOf(page, first.key)).toBe('saved');
    await browser.stopServiceWorker();
    await control(page, second.key).click();
    await expect.poll(() => stateOf(page, second.key)).toBe('saved');
    expect(await databaseKeys(browser)).toEqual([first.key, second.key].sort());
    await page.close();
  });

  it('saves all from the popup, exports the list as BibTeX and JSON, and a fresh profile imports the backup', async () => {
    const page = await open(browser, hf);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    await popup.locator('[data-action="save-all"]').click();
    for (const paper of hf.papers) await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
    // Nothing left to save: the popup offers no Save all.
    await expect.poll(() => popup.locator('[data-action="save-all"]').count()).toBe(0);
    await popup.close();

    const panel = await browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('[data-paper-key]').count()).toBe(hf.papers.length + 2);
    // Export of the whole library is in the side panel's settings.
    await panel.locator('[data-action="settings"]').click();
    const exportAs = async (format: string) => {
      await panel.getByText(/^Export \d+ papers$/).click();
      const [download] = await Promise.all([
        panel.waitForEvent('download'),
        panel.locator(`[data-action="export-${format}"]`).click(),
      ]);
      return download;
    };
    const bibtex = await exportAs('bibtex');
    const bib = readFileSync(String(await bibtex.path()), 'utf8');
    for (const paper of hf.papers) expect(bib).toMatch(new RegExp(`eprint\\s*=\\s*\\{${paper.ids?.arxiv}\\}`));
    expect(bibtex.suggestedFilename()).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
    const json = await exportAs('json');
    const backupPath = String(await json.path());
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; papers: Paper[] };
    expect(backup.format).toBe('papershelf');
    expect(backup.papers.map((saved) => saved.key).sort()).toEqual((await databaseKeys(browser)).sort());
    expect(json.suggestedFilename()).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.json$/);
    await panel.close();
    await page.close();

    const fresh = await launch(TEST_BUILD);
    const empty = await fresh.openExtensionPage('sidepanel.html');
    await empty.locator('[data-action="settings"]').click();
    await empty.locator('input[type="file"]').setInputFiles(backupPath);
    await expect.poll(() => empty.locator('.ps-toast').textContent()).toContain(`${backup.papers.length} papers added`);
    await empty.locator('[data-action="settings"]').click();
    await expect.poll(() => empty.locator('[data-paper-key]').count()).toBe(backup.papers.length);
    expect(await databaseKeys(fresh)).toEqual(backup.papers.map((saved) => saved.key).sort());
    await fresh.close();
  });
});

describe.skipIf(!hasChromium)('a live page, several tabs, the badge and the side panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives entries added later their control once, and drops the old route on in-app navigation', async () => {
    const page = await open(browser, hf);
    // A card scrolled into view: a copy of the first card, for another paper.
    await page.evaluate(() => {
      const card = document.querySelector('article');
      const copy = card?.cloneNode(true) as HTMLElement | undefined;
      if (!card || !copy) throw new Error('the saved page has no card');
      copy.querySelector('[data-papershelf-key]')?.remove();
      for (const link of copy.querySelectorAll('a[href^="/papers/"]')) {
        link.setAttribute('href', link.getAttribute('href')?.replace(/\d{4}\.\d{4,5}/, '2401.00001') ?? '');
      }
      const title = copy.querySelector('h3 a');
      if (title) title.textContent = 'A paper added while scrolling';
      card.parentElement?.append(copy);
    });
    await expect.poll(() => control(page, 'arxiv:2401.00001').count()).toBe(1);
    // More changes to the page must not add a second control anywhere.
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await page.waitForTimeout(600);
    expect(await page.locator('[data-papershelf-key]').count()).toBe(hf.papers.length + 1);

    // In-app navigation (SvelteKit): the address changes, then the new route renders.
    await page.evaluate(() => {
      history.pushState({}, '', '/papers/date/2026-09-27');
      for (const card of document.querySelectorAll('article')) card.remove();
    });
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(0);
    // The new route's cards render: their controls come, and none of the old route's.
    await page.evaluate((html) => {
      const card = document.createElement('article');
      const heading = card.appendChild(document.createElement('h3'));
      const link = heading.appendChild(document.createElement('a'));
      link.href = '/papers/2401.00002';
      link.textContent = html;
      document.querySelector('main')?.append(card);
    }, 'A paper of the new route');
    await expect.poll(() => control(page, 'arxiv:2401.00002').count()).toBe(1);
    expect(await page.locator('[data-papershelf-key]').count()).toBe(1);
    await page.close();
  });

  it('updates every open tab showing a paper, works from the keyboard, and sets the badge', async () => {
    const paper = arxivList.papers[2] as Paper;
    const first = await open(browser, arxivList);
    const second = await open(browser, arxivList);
    // Keyboard: Tab moves focus into a control (a closed root shows as its host), Enter saves.
    await first.bringToFront();
    await control(first, paper.key).evaluate((host) => (host as HTMLElement).scrollIntoView());
    let focused: string | null = null;
    for (let i = 0; i < 400 && focused !== paper.key; i++) {
      await first.keyboard.press('Tab');
      focused = await first.evaluate(() => document.activeElement?.getAttribute('data-papershelf-key') ?? null);
    }
    expect(focused).toBe(paper.key);
    await first.keyboard.press('Enter');
    await expect.poll(() => stateOf(first, paper.key)).toBe('saved');
    await expect.poll(() => stateOf(second, paper.key)).toBe('saved');

    const tabId = await tabIdOf(browser, second);
    const probe = await browser.openExtensionPage('sidepanel.html');
    const badge = await probe.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
        ).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe(String(arxivList.papers.length));
    await probe.close();
    await first.close();
    await second.close();
  });

  it('searches as you type, and deletes with undo', async () => {
    const page = await open(browser, hf);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    await popup.locator('[data-action="save-all"]').click();
    for (const paper of hf.papers) await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
    await popup.close();

    const panel = await browser.openExtensionPage('sidepanel.html');
    const rows = panel.locator('[data-paper-key]');
    const total = hf.papers.length + 1;
    await expect.poll(() => rows.count()).toBe(total);
    const target = hf.papers[3] as Paper;
    const word = target.title.split(/\W+/).find((part) => part.length > 6) ?? target.title;
    await panel.locator('input[type="search"]').pressSequentially(word.slice(0, 5).toLowerCase());
    await expect
      .poll(async () =>
        (await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-paper-key')))).includes(target.key),
      )
      .toBe(true);
    expect(await rows.count()).toBeLessThan(total);
    await panel.locator('input[type="search"]').fill('');
    await expect.poll(() => rows.count()).toBe(total);

    await panel.locator(`[data-paper-key="${target.key}"] .row-title`).click();
    await panel.keyboard.press('Delete');
    await expect.poll(() => rows.count()).toBe(total - 1);
    await expect.poll(() => stateOf(page, target.key)).toBe('unsaved');
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows.count()).toBe(total);
    await expect.poll(() => stateOf(page, target.key)).toBe('saved');
    await panel.close();
    await page.close();
  });

  it('keeps tags, a note and a star, filters by tag, and shows them after a reload', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const target = hf.papers[1] as Paper;
    const row = panel.locator(`[data-paper-key="${target.key}"]`);
    await row.locator('.row-title').click();
    await panel.keyboard.press('e');
    const editor = panel.locator('.editor');
    await editor.getByLabel('Tags, separated by commas').fill('diffusion,  to read , diffusion');
    await editor.getByLabel('Note', { exact: true }).fill('Read section 3 first.');
    await editor.getByRole('button', { name: 'Done' }).click();
    // The list's keys work once the editor has closed and the row has the focus again.
    await expect.poll(() => editor.count()).toBe(0);
    await panel.keyboard.press('s');
    await expect.poll(() => row.locator('.row-tag').allTextContents()).toEqual(['diffusion', 'to read']);
    await row.locator('.row-tag', { hasText: 'to read' }).click();
    await expect.poll(() => panel.locator('[data-paper-key]').count()).toBe(1);

    await panel.reload();
    const again = panel.locator(`[data-paper-key="${target.key}"]`);
    await expect.poll(() => again.locator('.row-tag').allTextContents()).toEqual(['diffusion', 'to read']);
    expect(await again.locator('.row-note').getAttribute('title')).toBe('Read section 3 first.');
    expect(await again.locator('.row-star').count()).toBe(1);
    await panel.close();
  });

  it("exports a selection, and copies one paper's citation", async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const [first, second] = hf.papers as [Paper, Paper];
    for (const paper of [first, second]) {
      await panel.getByRole('checkbox', { name: `Select “${paper.title}”` }).check();
    }
    await panel.getByText('Export 2 papers (selected)').click();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.locator('[data-action="export-csl-json"]').click(),
    ]);
    const items = JSON.parse(readFileSync(String(await download.path()), 'utf8')) as { title: string }[];
    expect(items.map((item) => item.title).sort()).toEqual([first.title, second.title].sort());

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.locator(`[data-paper-key="${first.key}"] .row-title`).click();
    await panel.keyboard.press('c');
    await expect.poll(() => panel.locator('.ps-toast').textContent()).toContain('Copied the BibTeX');
    const copied = await panel.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@\w+\{[^,]+,\n\s+title = \{/);
    expect(copied).toContain(`eprint = {${first.ids?.arxiv}}`);
    await panel.close();
  });

  it('saves the paper of a PDF tab from the popup', async () => {
    const pdf =
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF';
    const address = 'https://arxiv.org/pdf/2310.03646v2';
    await browser.context.route(address, (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', body: pdf }),
    );
    const page = await browser.context.newPage();
    await page.goto(address);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    const row = popup.locator('[data-paper-key="arxiv:2310.03646"]');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.locator('.saved-mark').count()).toBe(1);
    expect(await databaseKeys(browser)).toContain('arxiv:2310.03646');
    await popup.close();
    await page.close();
  });

  it('finishes a Save all even when the popup closes at once', async () => {
    const fresh = await launch(TEST_BUILD);
    const page = await open(fresh, arxivList);
    const popup = await fresh.openExtensionPage(`popup.html?tab=${await tabIdOf(fresh, page)}`);
    await expect.poll(() => popup.locator('[data-paper-key]').count()).toBe(arxivList.papers.length);
    await popup.locator('[data-action="save-all"]').click();
    await popup.close();
    for (const paper of arxivList.papers) await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
    expect(await databaseKeys(fresh)).toEqual(arxivList.papers.map((paper) => paper.key).sort());
    await fresh.close();
  });

  it('tells a new user what to do when the library is empty', async () => {
    const fresh = await launch(TEST_BUILD);
    const panel = await fresh.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('.ps-empty').textContent()).toContain('Save');
    expect(await panel.locator('[data-paper-key]').count()).toBe(0);
    await fresh.close();
  });
});

describe.skipIf(!hasChromium)('pages of every kind in the test build', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  // A page of each kind of reader: a site's listing, a publisher page read from its metadata, a
  // lab's publication list no source knows, and pages that must get no control at all.
  it.each([
    'scholar/results-2026',
    'semantic-scholar/paper-crosswalk',
    'acl/people-andreas-madsack',
    'highwire/journal-article-synthetic',
    'generic-links/lab-publications-synthetic',
    'generic-cards/lab-cards-synthetic',
    'generic-links/news-site-synthetic',
    'generic-links/github-readme-synthetic',
  ])('%s gets exactly its papers', async (fixture) => {
    const item = loadCase(fixture);
    const page = await open(browser, item);
    if (item.papers.length === 0) await page.waitForTimeout(800);
    const keys = await page
      .locator('[data-papershelf-key]')
      .evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-key')));
    expect(keys.sort()).toEqual(item.papers.map((paper) => paper.key).sort());
    // None of these floats: nothing of papershelf's is left beside the page's head and body, and
    // the body's style is the page's own (a site script isolates it only while the page may float).
    expect(await pageFrame(page)).toEqual(['HEAD,BODY', 'auto', 'auto']);
    await page.close();
  });
});

describe.skipIf(!hasChromium)('the production build in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(PRODUCTION_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('puts its controls on the page without any test hook the page could read', async () => {
    await servePage(browser.context, hf.url, hf.fixture);
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    // Only the browser itself (DevTools) sees which elements hold a closed root: the controls.
    await expect.poll(async () => (await closedHosts(page)).length).toBe(hf.papers.length);
    const hosts = await closedHosts(page);
    expect(hosts.map((host) => host.nodeName)).toEqual(hf.papers.map(() => 'SPAN'));
    expect(hosts.flatMap((host) => host.attributes)).toEqual([]);
    await page.close();
  });
});

/**
 * The real arXiv listing's entries repeated `count` times over, each under a fresh id
 * (2601.00000, 2601.00001, ...; the listing's own ids are 2609.*): a listing as long as the ones
 * arXiv serves with `show=2000` and more.
 */
function longListing(count: number): { body: string; keys: string[] } {
  const html = readFileSync(join(FIXTURES, arxivList.fixture, 'page.html'), 'utf8');
  const open = html.indexOf("<dl id='articles'>") + "<dl id='articles'>".length;
  const close = html.indexOf('</dl>', open);
  const entries = html.slice(open, close).match(/<dt>[\s\S]*?<\/dd>/g) ?? [];
  expect(entries).toHaveLength(arxivList.papers.length);
  const keys: string[] = [];
  const items = Array.from({ length: count }, (_, index) => {
    const entry = entries[index % entries.length] as string;
    const real = /id="(\d{4}\.\d{5})"/.exec(entry)?.[1] as string;
    const fresh = `2601.${String(index).padStart(5, '0')}`;
    keys.push(`arxiv:${fresh}`);
    return entry.replaceAll(real, fresh).replace(/\[\d+\]/, `[${index + 1}]`);
  });
  return { body: `${html.slice(0, open)}\n${items.join('\n')}\n${html.slice(close)}`, keys };
}

describe.skipIf(!hasChromium)('Save all on long listings', () => {
  for (const count of [2000, 12_000]) {
    it(`saves every paper of a ${count}-entry arXiv listing, and every control shows it saved, one put later too`, async () => {
      const minutes = count > 5000 ? 8 : 3;
      const browser = await launch(TEST_BUILD);
      try {
        const { body, keys } = longListing(count);
        const url = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${count}`;
        await browser.context.route(url, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
        );
        const page = await browser.context.newPage();
        // The first scan of a long listing may hold the page past its load event. A page whose
        // layout is costly gets controls near the viewport only (entrypoints/content/shelf.ts), so
        // the first controls, not all, are waited for: the popup lists every paper.
        await page.goto(url, { waitUntil: 'commit' });
        await expect
          .poll(() => page.locator('[data-papershelf-key]').count(), { timeout: minutes * 20_000 })
          .toBeGreaterThan(0);
        const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
        await expect.poll(() => popup.locator('[data-paper-key]').count(), { timeout: 60_000 }).toBe(count);
        await popup.locator('[data-action="save-all"]').click();
        await expect
          .poll(() => popup.locator('.popup-summary').textContent(), { timeout: minutes * 20_000 })
          .toBe(`All ${count.toLocaleString('en')} papers on this page are saved`);
        expect(await popup.locator('[role="alert"]').count()).toBe(0);
        expect((await databaseKeys(browser)).sort()).toEqual([...keys].sort());
        // Every control on the page shows it saved, and so does one put after the save: the last
        // entry's, scrolled to.
        const unsaved = () =>
          page
            .locator('[data-papershelf-key]')
            .evaluateAll((hosts) => hosts.filter((host) => host.dataset.papershelfState !== 'saved').length);
        await expect.poll(unsaved, { timeout: minutes * 20_000 }).toBe(0);
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        const last = page.locator(`[data-papershelf-key="${keys[count - 1]}"]`);
        await expect.poll(() => last.getAttribute('data-papershelf-state'), { timeout: 60_000 }).toBe('saved');
        await popup.close();
        await page.close();
      } finally {
        await browser.close();
      }
    }, 600_000);
  }
});

describe.skipIf(!hasChromium)('a background that restarts', () => {
  it('tells the tabs to look again, so a commit whose notice was lost still shows', async () => {
    const browser = await launch(TEST_BUILD);
    try {
      const page = await open(browser, arxivList);
      const paper = arxivList.papers[2] as Paper;
      expect(await stateOf(page, paper.key)).toBe('unsaved');
      // A commit the old worker made and never announced: the record is written straight into the
      // database, and no tab is told.
      const writer = await browser.openExtensionPage('popup.html?tab=0');
      await writer.evaluate(
        (record) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.open('papershelf');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const tx = request.result.transaction('papers', 'readwrite');
              tx.objectStore('papers').put(record);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        {
          ...paper,
          status: 'unread',
          savedAt: '2026-12-03T07:00:00.000Z',
          updatedAt: '2026-12-03T07:00:00.000Z',
          terms: [paper.key],
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await stateOf(page, paper.key)).toBe('unsaved');
      await browser.stopServiceWorker();
      // Anything that wakes the background: here a lookup from an extension page.
      await writer.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'lookup', terms: ['arxiv:0000.00000'] }),
      );
      await expect.poll(() => stateOf(page, paper.key)).toBe('saved');
      await writer.close();
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
