// The side panel of the test build in headless Chromium, filled with real papers from the saved
// pages' expected outputs (Hugging Face, arXiv, Semantic Scholar): row geometry and type, the
// keyboard, search highlighting and the no-result state, the deep link, an edit that survives a
// change from elsewhere, and bulk actions on a selection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, recordsIn, saveThroughHook } from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

const PANEL = { width: 400, height: 800 };

function papersOf(fixture: string): Paper[] {
  return (JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { papers: Paper[] }).papers;
}

/** 30 distinct real papers, oldest saved first (so the list shows the last one at the top). */
const PAPERS: Paper[] = [
  ...new Map(
    ['huggingface/daily-listing', 'arxiv/listing-new', 'semantic-scholar/paper-meow']
      .flatMap(papersOf)
      .map((paper) => [paper.key, paper]),
  ).values(),
].slice(0, 30);

type Hooks = {
  papershelfLibrary: {
    updatePaper(key: string, patch: object): Promise<unknown>;
  };
};

async function openPanel(browser: Browser, path = 'sidepanel.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(PANEL);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Saves `papers` one by one (each its own savedAt), through the test build's hook. */
function seed(page: Page, papers: Paper[]): Promise<void> {
  return saveThroughHook(page, papers, true);
}

const rowKeys = (page: Page) =>
  page.locator('li.row[data-paper-key]').evaluateAll((rows) =>
    rows
      .map((row) => ({ key: row.getAttribute('data-paper-key'), top: row.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.key),
  );

describe.skipIf(!hasChromium)('the side panel', () => {
  let browser: Browser;
  let page: Page;
  const recordOf = async (key: string) => (await recordsIn(page)).find((record) => record.key === key);
  // Newest first: the last saved paper is the first row.
  const newest = [...PAPERS].reverse();

  /** Selects the rows of `keys` as a user does (a click, then a Shift-click); the selection's toolbar. */
  async function selectRange(keys: string[]) {
    await page.locator(`li.row[data-paper-key="${keys[0]}"] .row-title`).click();
    await page.locator(`li.row[data-paper-key="${keys.at(-1)}"] .row-title`).click({ modifiers: ['Shift'] });
    const bar = page.locator('.selection-bar');
    await expect.poll(() => bar.textContent()).toContain(`${keys.length} papers selected`);
    return bar;
  }

  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
    page = await openPanel(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says what to do when the library is empty, and offers no export of nothing', async () => {
    const empty = page.locator('.ps-empty');
    await expect.poll(() => empty.textContent()).toContain('Your reading list is empty');
    expect(await empty.textContent()).toContain('Save');
    expect(await page.locator('body').textContent()).not.toMatch(/Export 0/);
    expect(PAPERS).toHaveLength(30);
  });

  it('shows the saved papers newest first, at least ten two-line rows in 800 px, the title strongest', async () => {
    await seed(page, PAPERS);
    await expect.poll(() => page.locator('li.row[data-paper-key]:not(.row-loading)').count()).toBeGreaterThan(10);
    // The list follows the saves a moment later (on a loaded machine the last one came after the
    // first ten rows): the order is read once the last paper saved has reached it.
    await expect
      .poll(async () => (await rowKeys(page)).slice(0, 5), { timeout: 20_000 })
      .toEqual(newest.slice(0, 5).map((paper) => paper.key));

    const geometry = await page.evaluate(() => {
      const scroller = document.querySelector('.list-scroller') as HTMLElement;
      const box = scroller.getBoundingClientRect();
      const rows = [...document.querySelectorAll('li.row')].map((row) => row.getBoundingClientRect());
      const title = getComputedStyle(document.querySelector('.row-title-text') as Element);
      const authors = getComputedStyle(document.querySelector('.row-meta-text') as Element);
      return {
        headerBottom: (document.querySelector('.panel-header') as Element).getBoundingClientRect().bottom,
        listTop: box.top,
        listBottom: box.bottom,
        whole: rows.filter((row) => row.top >= box.top - 0.5 && row.bottom <= box.bottom + 0.5).length,
        rowHeights: [...new Set(rows.map((row) => Math.round(row.height)))],
        title: { size: Number.parseFloat(title.fontSize), weight: Number(title.fontWeight) },
        authors: { size: Number.parseFloat(authors.fontSize), weight: Number(authors.fontWeight) },
      };
    });
    expect(geometry.listTop).toBeGreaterThanOrEqual(geometry.headerBottom - 1);
    expect(geometry.listBottom).toBe(PANEL.height);
    expect(geometry.whole).toBeGreaterThanOrEqual(10);
    expect(geometry.authors.size).toBeGreaterThanOrEqual(13);
    expect(geometry.title.size).toBeGreaterThanOrEqual(geometry.authors.size);
    expect(geometry.title.size > geometry.authors.size || geometry.title.weight > geometry.authors.weight).toBe(true);
    // The second line holds authors · venue · year of the newest paper.
    const first = newest[0] as Paper;
    const meta = await page.locator(`li.row[data-paper-key="${first.key}"] .row-meta-text`).textContent();
    expect(meta).toContain(first.authors[0] ?? '');
  });

  it('moves with j/k and the arrows, stars with s, sets status with 2, and lists the shortcuts on ?', async () => {
    const [a, b, c] = newest.map((paper) => paper.key);
    await page.locator(`li.row[data-paper-key="${a}"] .row-title`).click();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-paper-key'))).toBe(b);
    await page.keyboard.press('s');
    await page.keyboard.press('2');
    await expect.poll(async () => (await recordOf(String(b)))?.starred).toBe(true);
    await expect.poll(async () => (await recordOf(String(b)))?.status).toBe('reading');
    // The row shows both marks once the change comes back.
    await expect.poll(() => page.locator(`li.row[data-paper-key="${b}"] .row-star`).count()).toBe(1);
    expect(await page.locator(`li.row[data-paper-key="${b}"]`).getAttribute('data-status')).toBe('reading');
    expect((await recordOf(String(c)))?.starred).toBeUndefined();

    await page.keyboard.press('?');
    const help = page.locator('dialog.help');
    await expect.poll(() => help.isVisible()).toBe(true);
    const listed = await help.textContent();
    for (const words of ['Star or unstar', 'Mark unread, reading, read', 'Edit tags', 'Remove', 'Search']) {
      expect(listed).toContain(words);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-paper-key'))).toBe(b);
  });

  it('shows a row’s actions under the pointer, and its menu acts on that row', async () => {
    // Not the current row (b is): its star button and menu are made when the pointer comes.
    const key = String(newest[5]?.key);
    const row = page.locator(`li.row[data-paper-key="${key}"]`);
    expect(await row.getAttribute('data-current')).toBeNull();
    // Hidden by the stylesheet until then, they are not made at all.
    expect(await row.locator('.row-actions').count()).toBe(0);
    await row.hover();
    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Mark as reading' }).click();
    await expect.poll(async () => (await recordOf(key))?.status).toBe('reading');
    await row.hover();
    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Mark as unread' }).click();
    await expect.poll(async () => (await recordOf(key))?.status).toBe('unread');
  });

  it('marks the matched words as text and says so when nothing matches', async () => {
    const search = page.locator('input[type="search"]');
    await search.fill('galerkin');
    await expect.poll(() => page.locator('li.row[data-paper-key]').count()).toBe(1);
    const marks = await page.locator('li.row mark.ps-match').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toContain('galerkin');
    // A paper found by its abstract alone says so on its second line, with the match marked.
    const byAbstract = PAPERS.filter(
      (paper) =>
        /\blanguage/i.test(paper.abstract ?? '') && !/\blanguage/i.test(`${paper.title} ${paper.authors.join(' ')}`),
    );
    expect(byAbstract.length).toBeGreaterThan(0);
    await search.fill('language');
    for (const paper of byAbstract) {
      const meta = page.locator(`li.row[data-paper-key="${paper.key}"] .row-meta-text`);
      await expect.poll(() => meta.textContent()).toMatch(/^Abstract: /);
      expect((await meta.locator('mark.ps-match').allTextContents()).map((mark) => mark.toLowerCase())).toContain(
        'language',
      );
    }
    await search.fill('zzqxv');
    const none = page.locator('[data-state="no-results"]');
    await expect.poll(() => none.isVisible()).toBe(true);
    expect(await none.textContent()).toContain('zzqxv');
    await none.getByRole('button', { name: 'Show all papers' }).click();
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => page.locator('li.row[data-paper-key]').count()).toBeGreaterThan(10);
  });

  it('opens a deep link scrolled to its paper and highlighted', async () => {
    const target = PAPERS[0] as Paper; // the oldest: the last row, far below the fold
    const linked = await openPanel(browser, `sidepanel.html?paper=${encodeURIComponent(target.key)}`);
    const row = linked.locator(`li.row[data-paper-key="${target.key}"]`);
    await expect.poll(() => row.getAttribute('data-linked')).toBe('true');
    await expect
      .poll(() => linked.evaluate(() => document.activeElement?.getAttribute('data-paper-key')))
      .toBe(target.key);
    const [box, list] = await Promise.all([row.boundingBox(), linked.locator('.list-scroller').boundingBox()]);
    // Wholly inside the list (to the sub-pixel the header's height leaves).
    expect(box && list && box.y >= list.y - 0.5 && box.y + box.height <= list.y + list.height + 0.5).toBe(true);
    await linked.close();
  });

  it('keeps a note being typed when the paper changes elsewhere, and merges both', async () => {
    const key = (newest[3] as Paper).key;
    await page.locator(`li.row[data-paper-key="${key}"] .row-title`).click();
    await page.keyboard.press('n');
    const note = page.locator('.editor textarea[name="note"]');
    await expect.poll(() => note.evaluate((element) => element === document.activeElement)).toBe(true);
    await note.pressSequentially('Compare with the RAE baseline');
    // Another context (the popup, a page) marks the paper read while the user is typing.
    const elsewhere = await openPanel(browser);
    await elsewhere.evaluate(
      ([paperKey]) =>
        (globalThis as unknown as Hooks).papershelfLibrary.updatePaper(String(paperKey), { status: 'read' }),
      [key],
    );
    await elsewhere.close();
    await expect.poll(() => page.locator(`li.row[data-paper-key="${key}"]`).getAttribute('data-status')).toBe('read');
    await note.pressSequentially(' on ImageNet.');
    expect(await note.inputValue()).toBe('Compare with the RAE baseline on ImageNet.');
    await page.locator('.editor').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.editor').count()).toBe(0);
    await expect.poll(async () => (await recordOf(key))?.note).toBe('Compare with the RAE baseline on ImageNet.');
    expect((await recordOf(key))?.status).toBe('read');
  });

  it('shows a saved sign in the editor and writes tags', async () => {
    const key = (newest[4] as Paper).key;
    await page.locator(`li.row[data-paper-key="${key}"] .row-title`).click();
    await page.keyboard.press('t');
    const tags = page.locator('.editor input[name="tags"]');
    // Above the fields, what the paper is: every author it lists and how many it has, its
    // identifier as a link (a Semantic Scholar row: 3 of 7 authors, no abstract).
    const paper = newest[4] as Paper;
    const details = page.locator('.editor-details');
    expect(await details.locator('.editor-authors').textContent()).toBe(
      `${paper.authors.join(', ')} … (${paper.authorCount} authors)`,
    );
    expect(await details.getByRole('link', { name: 'Semantic Scholar' }).getAttribute('href')).toBe(
      `https://www.semanticscholar.org/paper/${paper.ids?.s2}`,
    );
    expect(await details.locator('details.editor-abstract').count()).toBe(0);
    await tags.fill('diffusion, to read ,  diffusion');
    await expect.poll(() => page.locator('.editor-state').textContent()).toContain('Saved');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('.editor-note') as Element).fontFamily),
    ).toBe(await page.evaluate(() => getComputedStyle(document.body).fontFamily));
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await recordOf(key))?.tags).toEqual(['diffusion', 'to read']);
  });

  it('changes the status of a shift-click selection at once, and removes it with Undo', async () => {
    const keys = newest.slice(5, 8).map((paper) => paper.key);
    const bar = await selectRange(keys);
    await bar.getByRole('button', { name: 'Set the status of the selected papers' }).click();
    await page.getByRole('menuitem', { name: 'Read', exact: true }).click();
    for (const key of keys) await expect.poll(async () => (await recordOf(key))?.status).toBe('read');
    expect((await recordOf((newest[8] as Paper).key))?.status).toBe('unread');

    await bar.getByRole('button', { name: 'Remove' }).click();
    const toast = page.locator('.ps-toast');
    await expect.poll(() => toast.textContent()).toContain('Removed 3 papers');
    await expect.poll(async () => (await recordsIn(page)).length).toBe(27);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await recordsIn(page)).length).toBe(30);
    for (const key of keys) expect((await recordOf(key))?.status).toBe('read');
  });

  it('adds a tag to a selection and takes one off it, with Undo', async () => {
    const keys = newest.slice(10, 13).map((paper) => paper.key);
    const bar = await selectRange(keys);
    await bar.getByRole('button', { name: 'Tag', exact: true }).click();
    await bar.getByRole('textbox', { name: 'Tag to add to the selected papers' }).fill('to discuss');
    await bar.getByRole('button', { name: 'Add', exact: true }).click();
    for (const key of keys) await expect.poll(async () => (await recordOf(key))?.tags).toEqual(['to discuss']);
    // One of them gets a second tag from elsewhere (another view).
    await page.evaluate(
      (key) => (globalThis as unknown as Hooks).papershelfLibrary.updatePaper(key, { tags: ['to discuss', 'methods'] }),
      keys[0] as string,
    );

    const untag = bar.getByRole('button', { name: 'Untag the selected papers' });
    await untag.click();
    await expect.poll(() => page.getByRole('menuitem').allTextContents()).toEqual(['to discuss', 'methods (1 of 3)']);
    await page.getByRole('menuitem', { name: 'to discuss' }).click();
    const toast = page.locator('.ps-toast');
    await expect.poll(() => toast.textContent()).toContain('Removed the tag “to discuss” from 3 papers');
    await expect.poll(async () => (await recordOf(keys[0] as string))?.tags).toEqual(['methods']);
    for (const key of keys.slice(1)) expect((await recordOf(key))?.tags).toBeUndefined();

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await recordOf(keys[0] as string))?.tags).toEqual(['to discuss', 'methods']);
    for (const key of keys.slice(1)) await expect.poll(async () => (await recordOf(key))?.tags).toEqual(['to discuss']);
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
  });

  it('stars and unstars a selection at once; a selection exports but does not import', async () => {
    const keys = newest.slice(14, 17).map((paper) => paper.key);
    const bar = await selectRange(keys);
    expect(await bar.getByRole('button', { name: 'Import…' }).count()).toBe(0);
    const star = bar.getByRole('button', { name: 'Star or unstar the selected papers' });
    await star.click();
    await page.getByRole('menuitem', { name: 'Star', exact: true }).click();
    for (const key of keys) await expect.poll(async () => (await recordOf(key))?.starred).toBe(true);
    expect((await recordOf((newest[17] as Paper).key))?.starred).toBeUndefined();
    await star.click();
    await page.getByRole('menuitem', { name: 'Unstar', exact: true }).click();
    for (const key of keys) await expect.poll(async () => (await recordOf(key))?.starred).toBeUndefined();
    await bar.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => bar.count()).toBe(0);
  });

  it('adds papers by identifier, says which were known already, and keeps the line it could not read', async () => {
    const known = newest.find((paper) => paper.ids?.arxiv !== undefined) as Paper;
    await page.locator('[data-action="add-papers"]').click();
    const box = page.getByRole('textbox', { name: 'Add papers by identifier or address, one a line' });
    await box.fill(
      [
        'doi:10.1038/s41586-021-03819-2',
        `https://arxiv.org/abs/${known.ids?.arxiv}`,
        'not-a-paper',
        'PMID: 31978945',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Add papers', exact: true }).click();
    await expect
      .poll(() => page.locator('.ps-toast').textContent())
      .toContain('Added 2 papers; 1 paper already in your list');
    const form = page.locator('form.add-papers');
    expect(await form.getByRole('alert').textContent()).toContain(
      'Line 3 of what you pasted names no paper papershelf can tell: “not-a-paper”',
    );
    expect(await box.inputValue()).toBe('not-a-paper');

    const doi = await recordOf('doi:10.1038/s41586-021-03819-2');
    expect(doi).toMatchObject({
      title: 'doi:10.1038/s41586-021-03819-2',
      authors: [],
      incomplete: true,
      status: 'unread',
    });
    expect((await recordOf('pubmed:31978945'))?.url).toBe('https://pubmed.ncbi.nlm.nih.gov/31978945/');
    // The paper already saved keeps what its page gave.
    expect((await recordOf(known.key))?.title).toBe(known.title);
    expect((await recordOf(known.key))?.incomplete).toBeUndefined();
    await expect
      .poll(() => page.locator('li.row[data-paper-key="pubmed:31978945"] .row-meta-text').textContent())
      .toBe('Identifier only · open its page and save it there, or turn on completion in Settings');

    await box.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
  });
});
