// The extension's shell in headless Chromium: the manifest's icons, commands and link menu; the
// command and menu handlers (called in the service worker, since headless keys reach only the
// page and a context menu cannot be clicked) saving the right paper; the popup's text sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../lib/commands';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, savedRecords, servePage, tabIdOf } from './browser';
import { FIXTURES, PRODUCTION_BUILD, TEST_BUILD } from './paths';

const expected = (fixture: string) =>
  JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { url: string; papers: Paper[] };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(PRODUCTION_BUILD, 'manifest.json'), 'utf8'));

  it('has icons of every size, for the extension and its toolbar button', () => {
    for (const icons of [manifest.icons, manifest.action.default_icon]) {
      expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
      for (const [size, path] of Object.entries<string>(icons)) {
        expect(pngSize(join(PRODUCTION_BUILD, path))).toEqual([Number(size), Number(size)]);
      }
    }
    expect(pngSize(join(PRODUCTION_BUILD, 'icon/off-32.png'))).toEqual([32, 32]);
  });

  it('has the commands, and the permission for the link menu', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual([
      '_execute_action',
      'open-side-panel',
      'save-tab-paper',
      'save-tab-papers',
    ]);
    for (const command of Object.values<{ description: string; suggested_key: { default: string } }>(
      manifest.commands,
    )) {
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
    }
    expect(manifest.permissions).toContain('contextMenus');
  });
});

describe.skipIf(!hasChromium)('commands and the link menu in the test build', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(fixture: string, count: number): Promise<Page> {
    const { url } = expected(fixture);
    await servePage(browser.context, url, fixture);
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(count);
    return page;
  }

  async function tabOf(page: Page) {
    return { id: await tabIdOf(browser, page), url: page.url() };
  }

  /** Calls a handler of lib/commands.ts in the service worker, as the browser would. */
  function inWorker(call: 'runCommand' | 'saveLink', args: unknown[]): Promise<Outcome> {
    const worker = browser.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    return worker.evaluate(
      ([name, list]) =>
        (
          globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<Outcome>>>
        ).papershelfCommands?.[name as string]?.(...(list as unknown[])) as Promise<Outcome>,
      [call, args] as const,
    );
  }

  it('creates the link menu when installed', async () => {
    const worker = browser.context.serviceWorkers()[0];
    // Updating an entry that does not exist fails; this one exists once onInstalled has run.
    const exists = () =>
      worker?.evaluate(() =>
        (
          globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }
        ).chrome.contextMenus
          .update('save-link', {})
          .then(
            () => true,
            () => false,
          ),
      );
    await expect.poll(exists).toBe(true);
  });

  it('saves the paper of an article tab, and on a listing says to use Save all', async () => {
    const abs = expected('arxiv/abs-page');
    const page = await open('arxiv/abs-page', abs.papers.length);
    const [paper] = abs.papers;
    const outcome = await inWorker('runCommand', ['save-tab-paper', await tabOf(page)]);
    expect(outcome).toMatchObject({ ok: true, saved: [paper?.key] });
    const record = (await savedRecords(browser)).find((item) => item.key === paper?.key);
    expect(record?.title).toBe(paper?.title);
    expect(record?.authors).toEqual(paper?.authors);
    await expect
      .poll(() => page.locator(`[data-papershelf-key="${paper?.key}"]`).getAttribute('data-papershelf-state'))
      .toBe('saved');

    const hf = expected('huggingface/daily-listing');
    const listing = await open('huggingface/daily-listing', hf.papers.length);
    const refused = await inWorker('runCommand', ['save-tab-paper', await tabOf(listing)]);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(`lists ${hf.papers.length} papers`);
    await page.close();
    await listing.close();
  });

  it('saves every paper of a listing tab', async () => {
    const list = expected('arxiv/listing-new');
    const page = await open('arxiv/listing-new', list.papers.length);
    const outcome = await inWorker('runCommand', ['save-tab-papers', await tabOf(page)]);
    expect(outcome.ok).toBe(true);
    expect([...outcome.saved].sort()).toEqual(list.papers.map((paper) => paper.key).sort());
    const keys = new Set((await savedRecords(browser)).map((record) => record.key));
    for (const paper of list.papers) expect(keys.has(paper.key), paper.key).toBe(true);
    await expect.poll(() => page.locator('[data-papershelf-state="saved"]').count()).toBe(list.papers.length);
    await page.close();
  });

  it('saves the paper a link points to, as the page shows it', async () => {
    const reading = expected('generic-links/reading-list-synthetic');
    const page = await open('generic-links/reading-list-synthetic', reading.papers.length);
    const target = reading.papers.find((paper) => paper.ids?.arxiv);
    expect(target).toBeDefined();
    const link = `https://arxiv.org/pdf/${target?.ids?.arxiv}`;
    const outcome = await inWorker('saveLink', [link, await tabOf(page)]);
    expect(outcome).toMatchObject({ ok: true, saved: [target?.key] });
    const record = (await savedRecords(browser)).find((item) => item.key === target?.key);
    // The title the page gave it, not the address's placeholder "arXiv:<id>".
    expect(record?.title).toBe(target?.title);

    // A link the page does not list: saved by its address alone.
    const other = await inWorker('saveLink', ['https://openreview.net/forum?id=q7m0FcHqNe', await tabOf(page)]);
    expect(other).toMatchObject({ ok: true, saved: ['openreview:q7m0FcHqNe'] });
    await page.close();
  });

  it('shows the popup with body text of at least 13 px and the title as its strongest line', async () => {
    const list = expected('arxiv/listing-new');
    const page = await open('arxiv/listing-new', list.papers.length);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    const row = popup.locator('[data-paper-key]').first();
    await row.waitFor();
    const size = (selector: string) =>
      row
        .locator(selector)
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return { px: Number.parseFloat(style.fontSize), weight: Number(style.fontWeight) };
        });
    const [title, authors, meta] = [await size('.ps-title'), await size('.ps-authors'), await size('.ps-meta')];
    const body = await popup.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(body).toBeGreaterThanOrEqual(13);
    expect(authors.px).toBeGreaterThanOrEqual(13);
    expect(meta.px).toBeGreaterThanOrEqual(13);
    expect(title.px).toBeGreaterThanOrEqual(authors.px);
    expect(title.weight).toBeGreaterThan(authors.weight);
    // No source id and no raw TeX reaches the reader.
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\barxiv\b(?!\.org)|\$|\\circ/);
    expect(text).toContain('Ga₂O₃');
    await popup.close();
    await page.close();
  });
});
