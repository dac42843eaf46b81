// The page control's own menu in the built extension: turning papershelf off on a site from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/paper/model';
import { type Browser, controlStyle, hasChromium, launch, pageFrame, savedRecords, servePage } from './browser';
import { FIXTURES, TEST_BUILD } from './paths';

const fixture = 'huggingface/daily-listing';
const hf = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as {
  url: string;
  papers: Paper[];
};

// Tailwind 4's definitions of the utilities that size a Hugging Face card's text column, its title,
// the line under the title and its action row (tailwindcss.com/docs), at the default breakpoint.
const TAILWIND = `ul { list-style: none; margin: 0; padding: 0; } h3 { margin: 0; }
.flex { display: flex; } .inline-flex { display: inline-flex; } .block { display: block; }
.items-center { align-items: center; } .justify-between { justify-content: space-between; }
.flex-row-reverse { flex-direction: row-reverse; } .flex-none { flex: none; } .order-first { order: -9999; }
.gap-1 { gap: 0.25rem; } .gap-2 { gap: 0.5rem; } .gap-1\\.5 { gap: 0.375rem; } .min-w-0 { min-width: 0; }
.text-xs { font-size: 0.75rem; line-height: 1rem; } .text-sm { font-size: 0.875rem; line-height: 1.25rem; }
.text-lg\\/6 { font-size: 1.125rem; line-height: 1.5rem; } .mb-1 { margin-bottom: 0.25rem; } .mt-1 { margin-top: 0.25rem; }
.py-0\\.5 { padding-block: 0.125rem; } .px-2 { padding-inline: 0.5rem; } .px-0\\.5 { padding-inline: 0.125rem; }
.border { border: 1px solid; } .size-3 { width: 0.75rem; height: 0.75rem; } .size-3\\.5 { width: 0.875rem; height: 0.875rem; }
.h-4 { height: 1rem; } .w-4 { width: 1rem; } .-mr-2 { margin-right: -0.5rem; } .ml-3 { margin-left: 0.75rem; }
.mx-1 { margin-inline: 0.25rem; } .truncate { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.line-clamp-3 { overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; }
.w-full { width: 100%; } .flex-col { flex-direction: column; } .flex-wrap { flex-wrap: wrap; } .gap-6 { gap: 1.5rem; }
.px-6 { padding-inline: 1.5rem; } .pt-8 { padding-top: 2rem; } .pb-6 { padding-bottom: 1.5rem; }`;

const scholar = JSON.parse(readFileSync(join(FIXTURES, 'scholar/results-2026', 'expected.json'), 'utf8')) as {
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

  it("sits in the site's own row of actions, and a Hugging Face card keeps its height", async () => {
    await servePage(browser.context, hf.url, fixture);
    const page = await browser.context.newPage();
    await page.goto(hf.url);
    // The saved page's stylesheet (Tailwind, from Hugging Face's CDN) is not in the fixture: the
    // definitions of the utility classes a card's lines use, as Tailwind 4 writes them, lay it out.
    await page.addStyleTag({ content: TAILWIND });
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(hf.papers.length);
    // Each control is in its card's action row (the flex row at the end of the line under the title).
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-papershelf-key]')].map(
        (host) =>
          host.parentElement === host.closest('article')?.querySelector('h3')?.nextElementSibling?.lastElementChild,
      ),
    );
    expect(rows).toEqual(hf.papers.map(() => true));
    // A listing this short gets its controls in the page: the layer of floating controls and the
    // body's isolation that came in with the page are gone, the page's own style as it was.
    expect(await pageFrame(page)).toEqual(['HEAD,BODY', 'auto', 'auto']);
    const heights = () =>
      page.evaluate(() => [...document.querySelectorAll('article')].map((card) => card.getBoundingClientRect().height));
    // Measured once the layout settled (lazy images answered, fonts in place).
    const settled = async () => {
      for (;;) {
        const before = await heights();
        await page.waitForTimeout(500);
        const after = await heights();
        if (JSON.stringify(before) === JSON.stringify(after)) return after;
      }
    };
    const withControls = await settled();
    // Taken out of the page (no page style can hide a host: `:host` pins its display).
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('[data-papershelf-key]')) host.remove();
    });
    expect(await page.locator('[data-papershelf-key]').count()).toBe(0);
    expect(await settled()).toEqual(withControls);
    await page.close();

    // arXiv: at the end of the entry's `[pdf, html, other]` line; Scholar: in the result's link row.
    await servePage(browser.context, arxiv.url, 'arxiv/listing-new');
    const listing = await browser.context.newPage();
    await listing.goto(arxiv.url);
    await expect.poll(() => listing.locator('[data-papershelf-key]').count()).toBe(arxiv.papers.length);
    const lines = await listing.evaluate(() =>
      [...document.querySelectorAll('[data-papershelf-key]')].map(
        (host) => host.parentElement?.tagName === 'DT' && host.previousElementSibling?.matches('a[href*="/format/"]'),
      ),
    );
    expect(lines).toEqual(arxiv.papers.map(() => true));
    // The control does not make its line taller: the entries below it do not move (on a listing of
    // thousands, each line that grew moved everything under it, and the page laid it all out again).
    const entryLines = () =>
      listing.evaluate(() => [...document.querySelectorAll('dt')].map((line) => line.getBoundingClientRect().height));
    const withLineControls = await entryLines();
    await listing.evaluate(() => {
      for (const host of document.querySelectorAll('[data-papershelf-key]')) host.remove();
    });
    expect(await entryLines()).toEqual(withLineControls);
    await listing.close();
    await servePage(browser.context, scholar.url, 'scholar/results-2026');
    const results = await browser.context.newPage();
    await results.goto(scholar.url);
    await expect.poll(() => results.locator('[data-papershelf-key]').count()).toBe(scholar.papers.length);
    const linkRows = await results.evaluate(() =>
      [...document.querySelectorAll('[data-papershelf-key]')].map((host) =>
        host.parentElement?.matches('.gs_ri > .gs_fl'),
      ),
    );
    expect(linkRows).toEqual(scholar.papers.map(() => true));
    await results.close();
  });

  it('takes its colours from the page, not from the operating system', async () => {
    const paper = arxiv.papers[0] as Paper;
    const colours = async (dark: boolean) => {
      await servePage(browser.context, arxiv.url, 'arxiv/listing-new');
      const page = await browser.context.newPage();
      // The operating system prefers dark; the page is light (arXiv sets no color-scheme).
      await page.emulateMedia({ colorScheme: 'dark' });
      if (dark) {
        await page.addInitScript(() => {
          addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = 'body { background: #15171c; color: #ddd; }';
            document.head.append(style);
          });
        });
      }
      await page.goto(arxiv.url);
      await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(arxiv.papers.length);
      const style = await controlStyle(page, paper.key, ['background-color', 'color']);
      await page.close();
      return style;
    };
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
    };
    const light = await colours(false);
    expect(luminance(light['background-color'] ?? ''), JSON.stringify(light)).toBeGreaterThan(0.8);
    expect(luminance(light.color ?? ''), JSON.stringify(light)).toBeLessThan(0.3);
    // On a page whose own background is dark, the control is dark.
    const dark = await colours(true);
    expect(luminance(dark['background-color'] ?? ''), JSON.stringify(dark)).toBeLessThan(0.3);
    expect(luminance(dark.color ?? ''), JSON.stringify(dark)).toBeGreaterThan(0.8);
  });

  it('keeps the focus on the control after a save from the keyboard, and Enter then opens its menu', async () => {
    await servePage(browser.context, arxiv.url, 'arxiv/listing-new');
    const page = await browser.context.newPage();
    await page.goto(arxiv.url);
    await expect.poll(() => page.locator('[data-papershelf-key]').count()).toBe(arxiv.papers.length);
    const paper = arxiv.papers[3] as Paper;
    const host = page.locator(`[data-papershelf-key="${paper.key}"]`);
    // Focusing the host focuses its button (delegatesFocus), as Tab would.
    await host.evaluate((element) => (element as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('saved');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-papershelf-key'))).toBe(paper.key);
    // Enter opens the menu on its first item; ArrowDown reaches Remove, which only the open menu has.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-papershelf-state')).toBe('unsaved');
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
