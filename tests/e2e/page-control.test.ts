// The page control's own menu in the built extension: turning papershelf off on a site from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, hasChromium, launch, savedRecords, servePage } from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

const fixture = 'huggingface/daily-listing';
const hf = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

const arxiv = JSON.parse(readFileSync(join(FIXTURES, 'arxiv/listing-new', 'expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

describe.skipIf(!hasChromium)('the page control in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(TEST_BUILD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives the page no text to find and no size that tells a saved control from an unsaved one', async () => {
    await servePage(browser.context, hf.url, fixture);
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(hf.papers.length);
    const [saved, unsaved] = hf.papers as [Paper, Paper];
    const hostOf = (paper: Paper) => page.locator(`[data-papershelf-key="${paper.key}"]`);
    await hostOf(saved).click();
    await expect.poll(() => hostOf(saved).getAttribute('data-papershelf-state')).toBe('saved');
    // window.find is what a page script has to search the text the user sees.
    const found = await page.evaluate(() => (window as unknown as { find(text: string): boolean }).find('Saved'));
    expect(found).toBe(false);
    const size = (paper: Paper) =>
      hostOf(paper).evaluate((host) => {
        const box = host.getBoundingClientRect();
        return [box.width, box.height];
      });
    expect(await size(saved)).toEqual(await size(unsaved));
    // Leave the library as it was for the next test.
    await hostOf(saved).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => hostOf(saved).getAttribute('data-papershelf-state')).toBe('unsaved');
    await page.close();
  });

  it('turns papershelf off on the site from the menu: controls go, and stay gone after a reload', async () => {
    await servePage(browser.context, hf.url, fixture);
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(hf.papers.length);
    const paper = hf.papers[0] as Paper;
    const host = page.locator(`[data-papershelf-key="${paper.key}"]`);
    await host.click();
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('saved');
    // The menu opens on the saved control with focus on its first item; the third turns the site off.
    await host.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(0);

    const probe = await browser.openExtensionPage('sidepanel.html');
    const stored = await probe.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get('disabledSites'),
    );
    expect(stored.disabledSites).toEqual(['huggingface.co']);
    await probe.close();

    await page.reload();
    await page.waitForLoadState('load');
    // Give the runner the time it would take to place controls on an enabled site, then check none came.
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-papershelf-key]').count()).toBe(0);
    await page.close();
  });

  it('does nothing when the page hides a control or draws a decoy over it, and saves when it is seen', async () => {
    // arXiv, not Hugging Face: the test above turned papershelf off there.
    await servePage(browser.context, arxiv.url, 'arxiv/listing-new');
    const page = await browser.context.newPage();
    await page.goto(arxiv.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(arxiv.papers.length);
    const [faded, covered, plain] = arxiv.papers.slice(-3) as [Paper, Paper, Paper];
    const hostOf = (paper: Paper) => page.locator(`[data-papershelf-key="${paper.key}"]`);
    const clickCentre = async (paper: Paper) => {
      await hostOf(paper).evaluate((host) => host.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(400);
      const box = await hostOf(paper).boundingBox();
      if (!box) throw new Error('no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(600);
      return hostOf(paper).getAttribute('data-papershelf-state');
    };
    // Almost transparent through its parent, which is the page's own element.
    await hostOf(faded).evaluate((host) => {
      (host.parentElement as HTMLElement).style.opacity = '0.02';
    });
    expect(await clickCentre(faded)).toBe('unsaved');
    // A decoy over the control that lets the click through to it.
    await hostOf(covered).evaluate((host) => {
      const box = host.getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.textContent = 'Win a prize';
      Object.assign(decoy.style, {
        position: 'absolute',
        left: `${box.left + scrollX - 20}px`,
        top: `${box.top + scrollY - 20}px`,
        width: `${box.width + 40}px`,
        height: `${box.height + 40}px`,
        background: 'white',
        pointerEvents: 'none',
        zIndex: '2147483647',
      });
      document.body.append(decoy);
    });
    expect(await clickCentre(covered)).toBe('unsaved');
    expect(await clickCentre(plain)).toBe('saved');
    await page.close();
  });

  it('offers Undo after a Remove from the page, and Undo puts the paper back', async () => {
    await servePage(browser.context, arxiv.url, 'arxiv/listing-new');
    const page = await browser.context.newPage();
    await page.goto(arxiv.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(arxiv.papers.length);
    const paper = arxiv.papers[1] as Paper;
    const host = page.locator(`[data-papershelf-key="${paper.key}"]`);
    await host.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await host.click();
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('saved');
    const savedAt = async () => (await savedRecords(browser)).find((record) => record.key === paper.key)?.savedAt;
    const first = await savedAt();
    expect(first).toBeDefined();
    await page.bringToFront();
    // The keyboard: Enter opens the menu on its first item, ArrowDown reaches Remove.
    await host.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('unsaved');
    // Focus is back on the control, which now offers Undo.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-papershelf-key'))).toBe(paper.key);
    await expect.poll(savedAt).toBeUndefined();
    await page.bringToFront();
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('saved');
    // Put back as it was, not saved anew: the first save's time is kept.
    expect(await savedAt()).toBe(first);
    await page.close();
  });
});
